/**
 * Bundles lib/mail/worker-entry.ts into the Next build folder (`npm run build` runs it after
 * `next build`, which empties that folder). Our TypeScript is bundled; packages stay in node_modules.
 */
import path from "node:path";
import { build } from "esbuild";
import { MAIL_WORKER_FILE } from "../lib/mail/worker-protocol";

const distDir = process.env.NEXT_DIST_DIR || ".next";
await build({
  entryPoints: ["lib/mail/worker-entry.ts"],
  outfile: path.resolve(distDir, MAIL_WORKER_FILE),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
console.log(`Mail worker: ${path.join(distDir, MAIL_WORKER_FILE)}`);
