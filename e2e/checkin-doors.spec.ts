import { expect, test } from "@playwright/test";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { accueilUrl, keepResults, makeFixture } from "./fixtures/checkin";

test("two doors scan the same ticket at the same moment: one ok, one already checked in, counted once", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, { count: 3 });
  const pages = await Promise.all(
    ["Porte Nord", "Porte Sud"].map(async (door, i) => {
      const page = await (await browser.newContext()).newPage();
      await signInAs(page, { role: "AGENT", partnerSlug: "unafo", name: `Agent ${i + 1}` });
      await keepResults(page);
      await page.goto(accueilUrl(fx.journeeId));
      await page.getByText(/^Poste :/).click();
      await page.getByLabel("Porte ou entrée").fill(door);
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await page.getByLabel("Code du billet (douchette ou saisie)").fill(fx.tickets[0].payload);
      return page;
    }),
  );
  await Promise.all(pages.map((p) => p.getByLabel("Code du billet (douchette ou saisie)").press("Enter")));
  const results = await Promise.all(
    pages.map(async (p) => {
      const panel = p.locator("section[data-result]");
      await expect(panel).toHaveCount(1);
      return panel.getAttribute("data-result");
    }),
  );
  expect(results.sort()).toEqual(["already_checked_in", "ok"]);
  // Live counts agree on both devices, in total and per door.
  for (const p of pages) {
    await p.keyboard.press("Escape");
    await expect(p.getByTestId("compteur")).toContainText("1 présent·e sur 3 attendu·es");
    await expect(p.getByRole("list", { name: "Présents par porte" })).toHaveText(/Porte (Nord|Sud) : 1/);
  }
  // A second person at the other door: per-door counts follow on the first device within ~3 s.
  await pages[1].getByLabel("Code du billet (douchette ou saisie)").fill(fx.tickets[1].payload);
  await pages[1].getByLabel("Code du billet (douchette ou saisie)").press("Enter");
  await expect(pages[0].getByTestId("compteur")).toContainText("2 présent·es sur 3 attendu·es", { timeout: 8000 });
});

test("walk-ins: agents within capacity; over capacity only an organiser, recorded and audited", async ({
  page,
  request,
}) => {
  const fx = await makeFixture(request, { capacity: 2, count: 1 });
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo" });
  await keepResults(page, 1000);
  await page.goto(accueilUrl(fx.journeeId));
  const fill = async (first: string, last: string) => {
    await page.getByRole("button", { name: "Sur place" }).click();
    await page.getByLabel("Prénom (obligatoire)", { exact: true }).fill(first);
    await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(last);
    await page.getByLabel("Structure (obligatoire)", { exact: true }).fill("Association Sud");
    await page.getByLabel("Type de structure (obligatoire)").selectOption("ASSOCIATION");
    await page.getByRole("button", { name: "Inscrire et émarger" }).click();
  };
  await page.getByRole("button", { name: "Sur place" }).click();
  await page.getByRole("button", { name: "Inscrire et émarger" }).click();
  await expect(page.getByText("Indiquez le prénom")).toBeVisible();
  const started = Date.now();
  await fill("Nadia", "Sur-Place");
  await expect(page.locator("section[data-result]")).toContainText("Inscription sur place");
  expect(Date.now() - started).toBeLessThan(30_000);
  await expect(page.getByTestId("compteur")).toContainText("1 présent·e sur 2 attendu·es (dont 1 sur place)");
  await fill("Olivier", "Complet");
  await expect(page.getByRole("alert").filter({ hasText: "La journée est complète" })).toBeVisible();
  await expect(page.getByLabel(/au-delà de la capacité/)).toHaveCount(0);

  await page.context().clearCookies();
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
  await page.reload();
  const mark = await auditMark(request);
  await fill("Olivier", "Complet");
  await page.getByLabel(/au-delà de la capacité/).check();
  await page.getByRole("button", { name: "Inscrire et émarger" }).click();
  await expect(page.locator("section[data-result]")).toHaveAttribute("data-result", "ok");
  const entries = await auditSince(request, mark, ["checkin.walk_in_over_capacity"]);
  expect(entries).toHaveLength(1);
  expect(entries[0].details).toMatchObject({ overCapacity: true, journeeId: fx.journeeId });
  // Organisers see the scan history; the walk-ins are there.
  await page.getByRole("link", { name: "Historique des scans" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator("tbody")).toContainText("Sur place");
});

test("agents get no scan history, and the API refuses without a session or outside JSON", async ({ page, request }) => {
  const fx = await makeFixture(request, { count: 1 });
  const scan = {
    nonce: "abcdefgh1234",
    ticket: fx.tickets[0].payload,
    journeeId: fx.journeeId,
    partKey: "journee",
    scannedAt: new Date().toISOString(),
  };
  expect((await request.post("/api/checkin", { data: { scans: [scan] } })).status()).toBe(401);
  await signInAs(page, { role: "AGENT", journeeSlug: "journee-ouverte" });
  const other = await page.request.post("/api/checkin", { data: { scans: [scan] } });
  expect(await other.json()).toEqual({ results: [{ nonce: scan.nonce, error: "forbidden" }] });
  const form = await page.request.post("/api/checkin", { form: { scans: "x" } });
  expect(form.status()).toBe(415);
  const res = await page.goto(`${accueilUrl(fx.journeeId)}/historique`);
  expect(res?.status()).toBe(404);
});
