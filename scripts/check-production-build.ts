/**
 * `tsx scripts/check-production-build.ts [distDir]` (default NEXT_DIST_DIR or .next): proves that a
 * build made without EMARGE_E2E_BUILD=1 holds no test support (docs/decisions/016): no
 * /api/test-hooks route in the manifests, no hook code in the server chunks, no scanner test
 * probe in the browser bundles. Exit code 1 with the findings otherwise. `npm test` runs it on the
 * production build, the one `npm start` serves.
 */
import fs from "node:fs";
import path from "node:path";

/** Strings that only test support contains (routes, the hooks' audit label, the scanner's probes). */
export const TEST_SUPPORT_MARKERS = [
  "test-hooks",
  "__emargeScanTimings",
  "__emargeIgnoredRepeats",
  "emarge.checkin.resultMs",
] as const;

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // The compiler's cache may hold any earlier build; only what is served counts.
    if (entry.name === "cache") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    // File traces (*.nft.json) list source files to copy, not code that runs: the whole source tree
    // ships with `npm start` anyway, route.e2e.ts included, and it is no route there.
    else if (/\.(js|json|html|rsc|body|meta|txt)$/.test(entry.name) && !entry.name.endsWith(".nft.json")) yield full;
  }
}

export function findTestSupport(distDir: string): string[] {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`${distDir}: aucun build (BUILD_ID absent)`);
  const findings: string[] = [];
  for (const file of files(distDir)) {
    const text = fs.readFileSync(file, "utf8");
    for (const marker of TEST_SUPPORT_MARKERS) {
      if (text.includes(marker)) findings.push(`${path.relative(distDir, file)}: ${marker}`);
    }
  }
  return findings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.argv[2] || process.env.NEXT_DIST_DIR || ".next";
  const findings = findTestSupport(distDir);
  if (findings.length) {
    console.error(`Le build ${distDir} contient du code de test (docs/decisions/016) :`);
    for (const f of findings.slice(0, 40)) console.error(`  ${f}`);
    process.exit(1);
  }
  console.log(`Build ${distDir} : aucun code de test (routes /api/test-hooks, sondes du scanner).`);
}
