import fs from "node:fs";
import path from "node:path";

/** What a production build is made from: a change to any of them makes `npm start` rebuild. */
export const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "package.json",
  "proxy.ts",
  "instrumentation.ts",
  "auth.ts",
];

/**
 * The newest modification time under `target` (a folder, walked recursively, or a single file);
 * 0 when it does not exist. Dependencies, generated code and dot-files are not sources.
 */
export function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when there is no build in `distDir` or a source is newer than it. */
export function buildIsStale(root: string, distDir: string, sources = BUILD_SOURCES): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const built = newestMtime(buildId);
  if (!built) return true;
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
}
