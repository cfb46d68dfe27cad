/**
 * npm run bench -- weight [--port 3798]
 * First-load JavaScript per page, gzip, on the production build served by `next start` (demo data
 * in a fresh PGlite); the measure itself is bench/weight-measure.ts, which e2e/page-weight.spec.ts
 * also runs against the targets. Last line: RESULT {"pages":{path:kB},"targets":{…},"ok":bool}.
 */
import { execFileSync } from "node:child_process";
import { argValue, freshDatabase, startNext, stopNext, waitHealthy } from "./harness";
import { measureWeights, type Weights } from "./weight-measure";

const DIST = process.env.NEXT_DIST_DIR || ".next";

export async function main(args: string[]): Promise<void> {
  const port = Number(argValue(args, "--port", "3798"));
  const env = await freshDatabase("pglite", "weight");
  const childEnv = { ...process.env, ...env };
  for (const script of ["scripts/db-migrate.ts", "scripts/db-seed.ts"])
    execFileSync("npx", ["tsx", script, ...(script.includes("migrate") ? ["apply"] : [])], {
      env: childEnv,
      stdio: "ignore",
    });
  const server = startNext(port, env);
  let weights: Weights;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(base);
    weights = await measureWeights(DIST, base);
  } finally {
    await stopNext(server);
  }
  const { pages, targets } = weights;
  let ok = true;
  console.log("page".padEnd(44), "JS gzip (kB)", "cible");
  for (const [page, kb] of Object.entries(pages)) {
    const pass = kb <= targets[page];
    ok &&= pass;
    console.log(page.padEnd(44), String(kb).padStart(12), `≤ ${targets[page]}`, pass ? "ok" : "TROP LOURD");
  }
  console.log(`RESULT ${JSON.stringify({ pages, targets, ok })}`);
}
