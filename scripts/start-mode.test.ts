import { describe, expect, it } from "vitest";
import { startMode } from "./start-mode";

// Issue 15 point 2: the demo shows sign-in links at /dev/outbox, so it must not be reachable from
// the network; a configured deployment keeps Next's default listening address.
describe("npm start's listening address", () => {
  it("serves the demo (neither SMTP_URL nor DATABASE_URL) on 127.0.0.1 only", () => {
    expect(startMode({}, "3000")).toEqual({ demo: true, listen: ["-H", "127.0.0.1"], url: "http://127.0.0.1:3000" });
    expect(startMode({ SMTP_URL: "", DATABASE_URL: "" }, "8080").listen).toEqual(["-H", "127.0.0.1"]);
  });

  it("leaves a deployment (SMTP_URL or DATABASE_URL set) to Next's default", () => {
    for (const env of [{ SMTP_URL: "smtp://mail:25" }, { DATABASE_URL: "postgres://db/emarge" }]) {
      expect(startMode(env, "3000")).toEqual({ demo: false, listen: [], url: "http://localhost:3000" });
    }
  });
});
