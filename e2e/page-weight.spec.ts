import fs from "node:fs";
import path from "node:path";
import { expect, type Page, type Route, test } from "@playwright/test";
import { measureWeights } from "@/bench/weight-measure";
import { DEMO_OPEN_SLUG } from "@/lib/demo/seed";
import { e2eEnv } from "../playwright.config";
import { signInAs } from "./fixtures/auth";
import { accueilUrl, makeFixture, scanCode } from "./fixtures/checkin";

/**
 * Issue 15 point 14, decision 019: first-load JavaScript within its targets (≤ 150 kB gzip for public
 * pages, ≤ 180 kB for the scanner), measured as `npm run bench -- weight` does (bench/weight-measure.ts)
 * on the e2e build, never lighter than the production one; the registration form's code only on a
 * journée open to registrations; the QR decoder (jsQR) outside the scanner's first load.
 */
const dist = process.env.NEXT_DIST_DIR || ".next-e2e";
/** Text only these modules' chunks hold (string literals survive minification). */
const FORM_MARKER = "M'inscrire sur la liste d'attente";
const JSQR_MARKER = "Invalid module size";

/** The browser chunks of the build holding `marker`, as URL paths. */
function chunksWith(marker: string): string[] {
  const dir = path.join(dist, "static", "chunks");
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js") && fs.readFileSync(path.join(dir, f), "utf8").includes(marker))
    .map((f) => `/_next/static/chunks/${f.split(path.sep).join("/")}`);
}

/** Paths of the scripts a page requests until the network is quiet. */
async function scriptsOf(page: Page, url: string): Promise<string[]> {
  const seen: string[] = [];
  const record = (r: { url: () => string }) => seen.push(new URL(r.url()).pathname);
  page.on("request", record);
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  page.off("request", record);
  return seen.filter((p) => p.endsWith(".js"));
}

test("first-load JavaScript of public pages and the scanner within the targets", async () => {
  const { pages, targets } = await measureWeights(dist, `http://127.0.0.1:${e2eEnv.port}`);
  expect(Object.keys(pages).length).toBeGreaterThanOrEqual(5);
  for (const [page, kb] of Object.entries(pages)) {
    console.log(`${page}: ${kb} kB gzip (≤ ${targets[page]})`);
    expect.soft(kb, page).toBeLessThanOrEqual(targets[page]);
  }
});

test("a past journée's page never loads the registration form; an open one does", async ({ page }) => {
  const form = chunksWith(FORM_MARKER);
  expect(form.length, "registration form chunk in the build").toBeGreaterThan(0);
  const past = await scriptsOf(page, "/journees/aix-en-provence-2023");
  expect(past.length).toBeGreaterThan(0);
  expect(past.filter((p) => form.includes(p))).toEqual([]);
  const open = await scriptsOf(page, `/journees/${DEMO_OPEN_SLUG}`);
  expect(open.filter((p) => form.includes(p)).length).toBeGreaterThan(0);
});

test("the scanner works before the QR decoder arrives: jsQR is not part of its first load", async ({
  page,
  request,
}) => {
  const decoder = chunksWith(JSQR_MARKER);
  expect(decoder.length, "jsQR chunk in the build").toBeGreaterThan(0);
  const fx = await makeFixture(request, { people: [{ firstName: "Aya", lastName: "Léger" }] });
  await signInAs(page, { role: "AGENT", journeeSlug: fx.slug });
  const html = await (await page.request.get(accueilUrl(fx.journeeId))).text();
  for (const chunk of decoder) expect(html, "the scanner's HTML references jsQR").not.toContain(chunk);
  // Held until the end: the page loads, hydrates and checks a ticket in without it. (Once up, it
  // fetches it in the background for offline use: decision 019.)
  const held: Route[] = [];
  await page.route(
    (url) => decoder.includes(url.pathname),
    (route) => {
      held.push(route);
    },
  );
  await page.goto(accueilUrl(fx.journeeId));
  await expect(await scanCode(page, fx.tickets[0].payload)).toHaveAttribute("data-result", "ok");
  expect(held.length, "decoder requested by the page once up").toBeLessThanOrEqual(1);
  for (const route of held) await route.abort();
});
