import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, dismiss, keepResults, makeFixture, scanCode } from "./fixtures/checkin";
import { cameraContext, launchWithCamera, qrVideo } from "./fixtures/fake-camera";

/**
 * Issue 6: a whole check-in session with the network cut in the middle (browser context offline,
 * service worker included), then the server's truth: each presence once, conflicts recorded.
 */
type Truth = {
  checkIns: { registrationId: string; offline: boolean; method: string }[];
  scans: { registrationId: string | null; result: string; offline: boolean; deviceId: string }[];
};
async function truth(request: APIRequestContext, journeeId: string): Promise<Truth> {
  const res = await request.post("/api/test-hooks/checkin", { data: { op: "presence", journeeId } });
  return (await res.json()) as Truth;
}

/** Online once: snapshot stored, service worker in control, page and assets cached. */
async function openOnline(page: Page, journeeId: string) {
  await page.goto(accueilUrl(journeeId));
  await expect(page.getByTestId("etat-reseau")).toContainText("En ligne");
  await expect(page.getByTestId("donnees-locales")).toContainText("Données hors ligne à jour de");
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const cached = await (await caches.open("emarge-pages-v1")).match(location.pathname);
        return Boolean(navigator.serviceWorker.controller && cached);
      }),
    )
    .toBe(true);
}

const status = (page: Page) => page.getByTestId("etat-reseau");

test("network cut mid-session: camera, wedge, search and walk-in offline, each presence once after sync", async ({
  request,
}) => {
  const fx = await makeFixture(request, {
    people: [
      { firstName: "Karim", lastName: "Benali", structure: "Habitat Alpin" },
      { firstName: "Élodie", lastName: "Martin", structure: "CCAS d'Istres" },
      { firstName: "Hélène", lastName: "Blanc", structure: "Habitat 13" },
      { firstName: "Paul", lastName: "Annulé", status: "CANCELLED" },
      { firstName: "Nina", lastName: "Enligne" },
    ],
  });
  const other = await makeFixture(request, { title: "Autre journée hors ligne", count: 1 });
  const [karim, elodie, helene, paul, nina] = fx.tickets;
  const browser: Browser = await launchWithCamera(await qrVideo(karim.payload, `offline-${fx.slug}`));
  try {
    const context = await cameraContext(browser);
    const page = await context.newPage();
    await signInAs(page, { role: "AGENT", partnerSlug: "unafo", name: "Agent Hors-Ligne" });
    await keepResults(page);
    await openOnline(page, fx.journeeId);
    await expect(await scanCode(page, nina.payload)).toHaveAttribute("data-result", "ok");
    await dismiss(page);

    await context.setOffline(true);
    await expect(status(page)).toContainText("Hors ligne");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Accueil");
    await expect(status(page)).toContainText("Hors ligne");
    await expectNoA11yViolations(page);

    // Camera, offline, after a reload.
    await page.getByRole("button", { name: "Scanner avec la caméra" }).click();
    const panel = page.locator("section[data-result]");
    await expect(panel).toHaveAttribute("data-result", "ok", { timeout: 15_000 });
    await expect(panel).toContainText("Karim Benali");
    await expect(panel).toContainText("Hors ligne : vérifié sur cet appareil");
    const [cameraMs] = await page.evaluate(
      () => (window as unknown as { __emargeScanTimings: number[] }).__emargeScanTimings,
    );
    console.log(`offline camera: decoded code → result on screen ${Math.round(cameraMs)} ms`);
    await expectNoA11yViolations(page);
    await dismiss(page);
    await page.getByRole("button", { name: "Arrêter la caméra" }).click();

    const cases: [string, string, RegExp][] = [
      [elodie.payload, "ok", /Présence enregistrée.*Élodie Martin/s],
      [elodie.payload, "already_checked_in", /Déjà enregistré·e.*cet appareil/s],
      [nina.payload, "already_checked_in", /Déjà enregistré·e.*Nina Enligne/s],
      [paul.payload, "cancelled", /Inscription annulée.*Paul Annulé/s],
      [other.tickets[0].payload, "wrong_journee", /Mauvaise journée.*Autre journée hors ligne/s],
      ["EMT1.AAAAAAAAAAAAAAAAAAAAAA", "unknown", /Billet inconnu/],
    ];
    for (const [code, result, text] of cases) {
      const shown = await scanCode(page, code);
      await expect(shown).toHaveAttribute("data-result", result);
      await expect(shown).toHaveText(text);
      await dismiss(page);
    }

    // Search by name, offline (accents and case ignored).
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByLabel("Nom, structure ou e-mail").fill("HELENE bl");
    await page.getByLabel("Nom, structure ou e-mail").press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "1 personne trouvée." })).toBeVisible();
    await page.getByRole("button", { name: "Émarger Hélène Blanc" }).click();
    await expect(panel).toHaveAttribute("data-result", "ok");
    await dismiss(page);

    // Walk-in, offline.
    await page.getByRole("button", { name: "Sur place" }).click();
    await page.getByLabel("Prénom (obligatoire)", { exact: true }).fill("Inès");
    await page.getByLabel("Nom (obligatoire)", { exact: true }).fill("Surplace");
    await page.getByLabel("Structure (obligatoire)", { exact: true }).fill("Asso du Port");
    await page.getByLabel("Type de structure (obligatoire)").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Inscrire et émarger" }).click();
    await expect(panel).toHaveAttribute("data-result", "ok");
    await expect(panel).toContainText("Inès Surplace");
    await dismiss(page);
    await expect(page.getByTestId("en-attente")).toHaveText("9 scans en attente d'envoi");

    // The queue and this device's check-ins survive a reload (and closing the tab).
    await page.reload();
    await expect(page.getByTestId("en-attente")).toHaveText("9 scans en attente d'envoi");
    await expect(await scanCode(page, elodie.payload)).toHaveAttribute("data-result", "already_checked_in");
    await dismiss(page);
    expect((await truth(request, fx.journeeId)).checkIns).toHaveLength(1); // only Nina, online

    await context.setOffline(false);
    await expect(page.getByTestId("en-attente")).toHaveText("Aucun scan en attente", { timeout: 20_000 });
    await expect(status(page)).toContainText("En ligne");
    await expect(page.getByTestId("synchronisation").locator("li")).toHaveCount(10);
    await expectNoA11yViolations(page);

    const t = await truth(request, fx.journeeId);
    const present = t.checkIns.map((c) => c.registrationId);
    expect(new Set(present).size).toBe(present.length); // each presence once
    expect(present).toHaveLength(5); // Nina, Karim, Élodie, Hélène, the walk-in
    for (const r of [karim, elodie, helene, nina]) expect(present).toContain(r.registrationId);
    expect(t.checkIns.filter((c) => c.offline)).toHaveLength(4);
    expect(t.scans.filter((s) => s.offline)).toHaveLength(10);
    expect(t.scans.filter((s) => s.registrationId === paul.registrationId).map((s) => s.result)).toEqual(["cancelled"]);
    await expect(page.getByTestId("compteur")).toContainText("5 présent·es");
  } finally {
    await browser.close();
  }
});

test("two devices offline on one ticket: one presence, one offline_conflict; a ticket cancelled meanwhile is reported", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, {
    people: [
      { firstName: "Xavier", lastName: "Deuxportes" },
      { firstName: "Yasmine", lastName: "Annuléeentretemps" },
    ],
  });
  const [x, y] = fx.tickets;
  const devices = [];
  for (const name of ["A", "B"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, {
      role: "AGENT",
      partnerSlug: "unafo",
      name: `Agent ${name}`,
      email: `agent-${name}-${fx.slug}@example.org`,
    });
    await keepResults(page);
    await openOnline(page, fx.journeeId);
    await context.setOffline(true);
    await expect(status(page)).toContainText("Hors ligne");
    devices.push({ context, page });
  }
  const [a, b] = devices;
  await expect(await scanCode(a.page, x.payload)).toHaveAttribute("data-result", "ok");
  await expect(await scanCode(b.page, x.payload)).toHaveAttribute("data-result", "ok");
  await request.post("/api/test-hooks/checkin", { data: { op: "cancel", registrationId: y.registrationId } });
  await dismiss(a.page);
  await expect(await scanCode(a.page, y.payload)).toHaveAttribute("data-result", "ok");
  await dismiss(a.page);
  await dismiss(b.page);

  await a.context.setOffline(false);
  const reportA = a.page.getByTestId("synchronisation");
  await expect(reportA.locator('li[data-sync-result="cancelled"]')).toContainText(
    "Yasmine Annuléeentretemps : Inscription annulée (annulée pendant la coupure)",
  );
  await expect(reportA).toBeVisible(); // opened by itself: something needs a look
  await b.context.setOffline(false);
  const reportB = b.page.getByTestId("synchronisation");
  await expect(reportB.locator('li[data-sync-result="offline_conflict"]')).toContainText(
    "Xavier Deuxportes : Conflit hors ligne",
  );
  await expectNoA11yViolations(b.page);

  const t = await truth(request, fx.journeeId);
  expect(t.checkIns.map((c) => c.registrationId)).toEqual([x.registrationId]);
  expect(t.scans.filter((s) => s.registrationId === x.registrationId).map((s) => s.result)).toEqual([
    "ok",
    "offline_conflict",
  ]);
  expect(t.scans.filter((s) => s.registrationId === y.registrationId).map((s) => s.result)).toEqual(["cancelled"]);
  await expect(a.page.getByTestId("compteur")).toContainText("1 présent·e sur 1 attendu·e");
  for (const d of devices) await d.context.close();
});
