/**
 * First-load JavaScript per page, gzip (decision 019): what a phone downloads before the page
 * works. Shared by `npm run bench -- weight` (which prints it on the production build) and
 * e2e/page-weight.spec.ts (which fails over the targets, on the e2e build: the same pages, plus
 * the scanner's test probes, so never lighter than production).
 * - Public pages: the `<script src>` chunks their HTML references on a running server (the
 *   nomodule polyfill excluded: modern browsers skip it).
 * - Signed-in pages (the scanner): read from the build's manifests: the root chunks plus the
 *   entry chunks of the route's layouts and page, the same set the HTML references.
 * Chunks loaded later (dynamic imports) do not count. kB = 1,000 bytes.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { DEMO_OPEN_SLUG } from "@/lib/demo/seed";

export const PUBLIC_TARGET_KB = 150;
export const SCANNER_TARGET_KB = 180;
/** A past journée, an open one (demo data), the home page and the sign-in page. */
export const PUBLIC_PAGES = ["/", "/journees/aix-en-provence-2023", `/journees/${DEMO_OPEN_SLUG}`, "/connexion"];
export const MANIFEST_PAGES = [
  { label: "/organisateur/journees/[id]/accueil", route: "organisateur/journees/[id]/accueil" },
];

export type Weights = { pages: Record<string, number>; targets: Record<string, number> };

function gzipKb(dist: string, files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(fs.readFileSync(path.join(dist, file))).length;
  return Math.round(bytes / 100) / 10;
}

function buildManifest(dist: string): { polyfillFiles: string[]; rootMainFiles: string[] } {
  return JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8"));
}

/** The chunks a page's HTML loads, from the built page's client reference manifest. */
function manifestChunks(dist: string, route: string): Set<string> {
  const file = path.join(dist, "server", "app", route, "page_client-reference-manifest.js");
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } =
    {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[`/${route}/page`];
  if (!manifest) throw new Error(`manifeste introuvable pour /${route}`);
  const chunks = new Set<string>(buildManifest(dist).rootMainFiles);
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

/** Every measured page's weight and target; `base` serves the build in `dist`, with the demo data. */
export async function measureWeights(dist: string, base: string): Promise<Weights> {
  const pages: Record<string, number> = {};
  const targets: Record<string, number> = {};
  const skip = new Set(buildManifest(dist).polyfillFiles);
  for (const page of PUBLIC_PAGES) {
    pages[page] = gzipKb(dist, await htmlChunks(base, page, skip));
    targets[page] = PUBLIC_TARGET_KB;
  }
  for (const { label, route } of MANIFEST_PAGES) {
    pages[label] = gzipKb(dist, manifestChunks(dist, route));
    targets[label] = SCANNER_TARGET_KB;
  }
  return { pages, targets };
}
