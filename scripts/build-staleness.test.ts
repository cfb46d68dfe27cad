import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsStale, newestMtime } from "./build-staleness";

/**
 * `npm start` on an unchanged checkout used to die with ENOTDIR: the walk called readdirSync on
 * next.config.ts, a file. Sources are folders AND files; both must be compared with the build.
 */
let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function tree(): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "emarge-stale-"));
  for (const dir of ["app/nested", "lib", ".next", "node_modules/pkg"])
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  for (const file of ["app/nested/page.tsx", "lib/a.ts", "next.config.ts", "package.json", "node_modules/pkg/x.js"]) {
    fs.writeFileSync(path.join(root, file), "x");
  }
  return root;
}

function setTime(file: string, seconds: number) {
  fs.utimesSync(path.join(root, file), seconds, seconds);
}

function allAt(seconds: number) {
  for (const file of ["app/nested/page.tsx", "lib/a.ts", "next.config.ts", "package.json", "node_modules/pkg/x.js"]) {
    setTime(file, seconds);
  }
}

describe("build staleness (npm start)", () => {
  it("walks folders and plain files, and skips what is not a source", () => {
    tree();
    allAt(1_000);
    setTime("node_modules/pkg/x.js", 9_000);
    expect(newestMtime(path.join(root, "next.config.ts"))).toBe(1_000_000);
    expect(newestMtime(path.join(root, "app"))).toBe(1_000_000);
    expect(newestMtime(path.join(root, "missing"))).toBe(0);
    expect(newestMtime(root)).toBe(1_000_000);
  });

  it("an unchanged checkout is not stale, twice in a row (no ENOTDIR on next.config.ts)", () => {
    tree();
    allAt(1_000);
    fs.writeFileSync(path.join(root, ".next/BUILD_ID"), "id");
    setTime(".next/BUILD_ID", 2_000);
    expect(buildIsStale(root, ".next")).toBe(false);
    expect(buildIsStale(root, ".next")).toBe(false);
  });

  it("is stale without a build, or when a file or a nested source is newer", () => {
    tree();
    allAt(1_000);
    expect(buildIsStale(root, ".next")).toBe(true);
    fs.writeFileSync(path.join(root, ".next/BUILD_ID"), "id");
    setTime(".next/BUILD_ID", 2_000);
    setTime("next.config.ts", 3_000);
    expect(buildIsStale(root, ".next")).toBe(true);
    setTime("next.config.ts", 1_000);
    setTime("app/nested/page.tsx", 3_000);
    expect(buildIsStale(root, ".next")).toBe(true);
  });
});
