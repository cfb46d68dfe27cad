import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findTestSupport } from "./check-production-build";

// The check itself runs on real builds in `npm test`; here, on small fake build folders.
const dirs: string[] = [];
function fakeBuild(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-build-check-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries({ BUILD_ID: "x", ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("check-production-build", () => {
  it("finds a test hook route and the scanner's probes", () => {
    const dir = fakeBuild({
      "server/app-paths-manifest.json": '{"/api/test-hooks/auth/route":"app/api/test-hooks/auth/route.js"}',
      "static/chunks/a.js": "w.__emargeScanTimings??=[];localStorage.getItem('emarge.checkin.resultMs')",
    });
    expect(findTestSupport(dir)).toEqual([
      "server/app-paths-manifest.json: test-hooks",
      "static/chunks/a.js: __emargeScanTimings",
      "static/chunks/a.js: emarge.checkin.resultMs",
    ]);
  });

  it("passes a clean build, ignoring the compiler cache and file traces", () => {
    const dir = fakeBuild({
      "server/app-paths-manifest.json": '{"/api/health/route":"app/api/health/route.js"}',
      "server/app/api/health/route.js.nft.json": '{"files":["../../app/api/test-hooks/auth/route.e2e.ts"]}',
      "cache/turbopack/x.js": "__emargeScanTimings",
      "static/chunks/a.js": "function r(){}",
    });
    expect(findTestSupport(dir)).toEqual([]);
  });

  it("refuses a folder that is no build", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-build-check-"));
    dirs.push(dir);
    expect(() => findTestSupport(dir)).toThrow(/BUILD_ID/);
  });
});
