import { describe, expect, it } from "vitest";
import { isSafeRequestId, pendingRequestId, REQUEST_ID_HEADER, withRequestId } from "./request-id";

describe("request id", () => {
  it("keeps a plain incoming id (from the reverse proxy) on the request and the response", () => {
    const response = withRequestId(new Request("http://x/", { headers: { [REQUEST_ID_HEADER]: "abc-123_DEF.456" } }));
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe("abc-123_DEF.456");
    expect(response.headers.get("x-middleware-request-x-request-id")).toBe("abc-123_DEF.456");
  });

  it("replaces a missing, short, long or unsafe id by a fresh random one", () => {
    for (const incoming of [null, "abc", "x".repeat(65), 'a"b\ninjected log line', "<script>alert(1)</script>"]) {
      const headers = incoming === null ? undefined : { [REQUEST_ID_HEADER]: incoming.replace("\n", " ") };
      const id = withRequestId(new Request("http://x/", { headers })).headers.get(REQUEST_ID_HEADER);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(isSafeRequestId("a b c d e f g h")).toBe(false);
  });

  it("is null outside a request (scripts, nightly job), so logging never waits", () => {
    expect(pendingRequestId()).toBeNull();
  });
});
