import { describe, expect, it } from "vitest";
import { readJsonBody, refuseOversizedBody } from "./body-limit";

/** A 10 MB JSON array used to be parsed whole (16 s, +700 MB) before validation refused it. */
function streamed(bytes: number, chunk = 16 * 1024): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { body, pulled: () => sent };
}

describe("JSON body with a byte cap", () => {
  it("parses a body within the cap", async () => {
    const request = new Request("http://x/", { method: "POST", body: JSON.stringify({ a: [1, 2] }) });
    expect(await readJsonBody(request, 1024)).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it("refuses on Content-Length alone, before reading anything", async () => {
    const { body, pulled } = streamed(10 * 1024 * 1024);
    const request = new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-length": String(10 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    expect(await readJsonBody(request, 64 * 1024)).toEqual({ ok: false, status: 413 });
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a body without length as soon as it passes the cap", async () => {
    const { body, pulled } = streamed(10 * 1024 * 1024);
    const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readJsonBody(request, 64 * 1024)).toEqual({ ok: false, status: 413 });
    expect(pulled()).toBeLessThan(200 * 1024);
  });

  it("answers 400 for what is not JSON or has no body", async () => {
    expect(await readJsonBody(new Request("http://x/", { method: "POST", body: "{oops" }), 1024)).toEqual({
      ok: false,
      status: 400,
    });
    expect(await readJsonBody(new Request("http://x/", { method: "POST" }), 1024)).toEqual({ ok: false, status: 400 });
  });
});

describe("proxy body check (server actions and form posts)", () => {
  const post = (path: string, headers: Record<string, string>) =>
    new Request(`http://x${path}`, { method: "POST", headers });
  it("refuses a declared length over the server-action limit with 413, in French", async () => {
    const refused = refuseOversizedBody(
      post("/journees/x", { "content-length": String(300 * 1024), "next-action": "a" }),
    );
    expect(refused?.status).toBe(413);
    expect(await refused?.text()).toContain("trop volumineuse");
    expect(refuseOversizedBody(post("/api/auth/signin", { "content-length": String(300 * 1024) }))?.status).toBe(413);
  });

  it("refuses a page post without length (411), lets normal requests through", () => {
    expect(refuseOversizedBody(post("/journees/x", { "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(refuseOversizedBody(post("/journees/x", { "content-length": "900" }))).toBeNull();
    expect(refuseOversizedBody(post("/api/test", { "transfer-encoding": "chunked" }))).toBeNull();
    expect(refuseOversizedBody(new Request("http://x/journees/x"))).toBeNull();
  });
});
