/**
 * npm run bench -- weight [--port 3798]
 * First-load JavaScript per page, gzip: what a phone downloads before the page works.
 * Public pages are fetched from `next start` on the production build (demo data in a fresh
 * PGlite): the sum of the `<script src>` chunks each page's HTML references (the nomodule
 * polyfill excluded, modern browsers skip it). Signed-in pages (the scanner) are read from the
 * build's manifests: the root chunks plus the entry chunks of the route's layouts and page, the
 * same set the HTML references. Chunks loaded later (dynamic imports) do not count.
 * kB = 1,000 bytes. Last line: RESULT {"pages":{path:kB},"targets":{…},"ok":bool}.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { DEMO_OPEN_SLUG } from "@/lib/demo/seed";
import { argValue, freshDatabase, startNext, stopNext, waitHealthy } from "./harness";

const DIST = process.env.NEXT_DIST_DIR || ".next";
const PUBLIC_TARGET_KB = 150;
const SCANNER_TARGET_KB = 180;
const PUBLIC_PAGES = ["/", "/journees/aix-en-provence-2023", `/journees/${DEMO_OPEN_SLUG}`, "/connexion"];
const MANIFEST_PAGES = [{ label: "/organisateur/journees/[id]/accueil", route: "organisateur/journees/[id]/accueil" }];

function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(fs.readFileSync(path.join(DIST, file))).length;
  return Math.round(bytes / 100) / 10;
}

function polyfills(): Set<string> {
  const build = JSON.parse(fs.readFileSync(path.join(DIST, "build-manifest.json"), "utf8"));
  return new Set<string>(build.polyfillFiles);
}

/** The chunks a page's HTML loads, from the built page's client reference manifest. */
function manifestChunks(route: string): Set<string> {
  const build = JSON.parse(fs.readFileSync(path.join(DIST, "build-manifest.json"), "utf8"));
  const file = path.join(DIST, "server", "app", route, "page_client-reference-manifest.js");
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } =
    {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[`/${route}/page`];
  if (!manifest) throw new Error(`manifeste introuvable pour /${route}`);
  const chunks = new Set<string>(build.rootMainFiles);
  for (const files of Object.values(manifest.entryJSFiles)) for (const f of files) chunks.add(f);
  return chunks;
}

async function htmlChunks(base: string, page: string, skip: Set<string>): Promise<Set<string>> {
  const res = await fetch(base + page);
  if (!res.ok) throw new Error(`${page} : HTTP ${res.status}`);
  const html = await res.text();
  const chunks = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"?]+\.js)/g)) if (!skip.has(m[1])) chunks.add(m[1]);
  return chunks;
}

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
  const pages: Record<string, number> = {};
  const targets: Record<string, number> = {};
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(base);
    const skip = polyfills();
    for (const page of PUBLIC_PAGES) {
      pages[page] = gzipKb(await htmlChunks(base, page, skip));
      targets[page] = PUBLIC_TARGET_KB;
    }
  } finally {
    await stopNext(server);
  }
  for (const { label, route } of MANIFEST_PAGES) {
    pages[label] = gzipKb(manifestChunks(route));
    targets[label] = SCANNER_TARGET_KB;
  }
  let ok = true;
  console.log("page".padEnd(44), "JS gzip (kB)", "cible");
  for (const [page, kb] of Object.entries(pages)) {
    const pass = kb <= targets[page];
    ok &&= pass;
    console.log(page.padEnd(44), String(kb).padStart(12), `≤ ${targets[page]}`, pass ? "ok" : "TROP LOURD");
  }
  console.log(`RESULT ${JSON.stringify({ pages, targets, ok })}`);
}
