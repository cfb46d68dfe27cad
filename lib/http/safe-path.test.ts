import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./safe-path";

/** callbackUrl=%2F%09%2Fevil.example used to redirect off-site after sign-in (a tab dropped by browsers). */
describe("safe callback path", () => {
  it("keeps the paths of this site, with their query and hash", () => {
    expect(safeCallbackPath("/organisateur/journees/abc?onglet=1#x")).toBe("/organisateur/journees/abc?onglet=1#x");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it("refuses control characters, spaces and backslashes anywhere", () => {
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil",
      "/\\evil.example",
      "/ok\u0000",
      "/\u2028/evil",
    ]) {
      expect(safeCallbackPath(bad), JSON.stringify(bad)).toBe("/organisateur");
    }
  });

  it("refuses other sites, protocol-relative and non-path values", () => {
    for (const bad of [
      "//evil.example",
      "https://evil.example/",
      "evil.example",
      "javascript:alert(1)",
      "",
      "%E0%A4%A",
      null,
      42,
    ]) {
      expect(safeCallbackPath(bad), String(bad)).toBe("/organisateur");
    }
    expect(safeCallbackPath("/x".repeat(2000))).toBe("/organisateur");
    expect(safeCallbackPath("/%2F/evil.example")).toBe("/%2F/evil.example");
    expect(safeCallbackPath("/..//evil.example")).toBe("/organisateur");
    expect(safeCallbackPath("/%E0%A4%A")).toBe("/%E0%A4%A");
  });

  it("next-auth's redirect callback: own origin or path only", () => {
    const base = "https://emarge.example.org";
    expect(safeRedirectUrl("/organisateur/exports", base)).toBe(`${base}/organisateur/exports`);
    expect(safeRedirectUrl(`${base}/connexion/verification`, base)).toBe(`${base}/connexion/verification`);
    expect(safeRedirectUrl("https://evil.example/x", base)).toBe(`${base}/organisateur`);
    expect(safeRedirectUrl("/\t/evil.example", base)).toBe(`${base}/organisateur`);
    expect(safeRedirectUrl(`${base}/\t/evil.example`, base)).toBe(`${base}/organisateur`);
    expect(safeRedirectUrl("not a url", base)).toBe(`${base}/organisateur`);
  });
});
