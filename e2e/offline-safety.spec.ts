import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, dismiss, keepResults, makeFixture, scanCode } from "./fixtures/checkin";

/**
 * Issue 6, what is left: sign-out never loses unsent scans, conflicts do not depend on the sync
 * order, undo works offline for unsent check-ins, offline walk-ins respect the capacity.
 */
type Truth = {
  checkIns: { registrationId: string; method: string; offline: boolean; registration: { overCapacity: boolean } }[];
  scans: { nonce: string; registrationId: string | null; result: string; deviceId: string }[];
};
async function truth(request: APIRequestContext, journeeId: string): Promise<Truth> {
  const res = await request.post("/api/test-hooks/checkin", { data: { op: "presence", journeeId } });
  return (await res.json()) as Truth;
}

const status = (page: Page) => page.getByTestId("etat-reseau");
const pending = (page: Page) => page.getByTestId("en-attente");

/** Scans still in this device's queue (0 once the offline database is gone). */
const queueLength = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "emarge-offline")) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open("emarge-offline");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const count = db.transaction("queue").objectStore("queue").count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
      };
    });
  });

/** A device: signed in, scanner opened online (snapshot stored), then cut from the network. */
async function deviceOffline(
  browser: Browser,
  journeeId: string,
  who: { role: "AGENT" | "ORGANISATEUR"; name: string },
  options: { serviceWorkers?: "block" } = {},
) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInAs(page, {
    role: who.role,
    partnerSlug: "unafo",
    name: who.name,
    email: `${who.name}-${journeeId}@ex.org`,
  });
  await keepResults(page);
  await page.goto(accueilUrl(journeeId));
  await expect(page.getByTestId("donnees-locales")).toContainText("Données hors ligne à jour de");
  await context.setOffline(true);
  await expect(status(page)).toContainText("Hors ligne");
  return { context, page };
}

test("sign-out with a scan not yet sent: warned, nothing wiped; synced, then signed out, the presence once", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, { people: [{ firstName: "Sacha", lastName: "Départ" }] });
  const [sacha] = fx.tickets;
  // Service workers blocked so that the test can cut the check-in API alone (page.route).
  const { context, page } = await deviceOffline(
    browser,
    fx.journeeId,
    { role: "AGENT", name: "agent-depart" },
    { serviceWorkers: "block" },
  );
  await expect(await scanCode(page, sacha.payload)).toHaveAttribute("data-result", "ok");
  await dismiss(page);
  await expect(pending(page)).toHaveText("1 scan en attente d'envoi");

  // The venue's network comes back for pages, but the check-in API still cannot be reached.
  await page.route("**/api/checkin", (route) => route.abort("internetdisconnected"));
  await context.setOffline(false);
  await page.goto("/deconnexion");
  const warning = page.getByTestId("scans-non-envoyes");
  await expect(warning).toContainText("1 scan n'a pas pu être envoyé au serveur (pas de réseau)");
  await expect(page.getByRole("button", { name: "Me déconnecter et abandonner 1 scan" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toHaveCount(0);
  await expectNoA11yViolations(page);
  expect(await queueLength(page)).toBe(1);
  expect((await truth(request, fx.journeeId)).checkIns).toHaveLength(0);

  // Retry while still cut: still warned, still kept.
  await page.getByRole("button", { name: "Synchroniser puis me déconnecter" }).click();
  await expect(warning).toContainText("1 scan n'a pas pu être envoyé");
  expect(await queueLength(page)).toBe(1);

  await page.unroute("**/api/checkin");
  await page.getByRole("button", { name: "Synchroniser puis me déconnecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes déconnecté" })).toBeVisible();
  await expect.poll(() => queueLength(page)).toBe(0);
  const t = await truth(request, fx.journeeId);
  expect(t.checkIns.map((c) => c.registrationId)).toEqual([sacha.registrationId]);
  expect(t.scans.map((s) => s.result)).toEqual(["ok"]);
  await context.close();
});

test("sign-out, abandoning the unsent scans: only that explicit choice wipes them", async ({ browser, request }) => {
  const fx = await makeFixture(request, { people: [{ firstName: "Abel", lastName: "Abandon" }] });
  const { context, page } = await deviceOffline(
    browser,
    fx.journeeId,
    { role: "AGENT", name: "agent-abandon" },
    { serviceWorkers: "block" },
  );
  await expect(await scanCode(page, fx.tickets[0].payload)).toHaveAttribute("data-result", "ok");
  await dismiss(page);
  await page.route("**/api/checkin", (route) => route.abort("internetdisconnected"));
  await context.setOffline(false);
  await page.goto("/deconnexion");
  await page.getByRole("button", { name: "Me déconnecter et abandonner 1 scan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes déconnecté" })).toBeVisible();
  await expect.poll(() => queueLength(page)).toBe(0);
  expect((await truth(request, fx.journeeId)).scans).toHaveLength(0);
  await context.close();
});

test("the later scan synced first: once the earlier one syncs, its device learns it became the conflict", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, { people: [{ firstName: "Zoé", lastName: "Ordre" }] });
  const [zoe] = fx.tickets;
  const early = await deviceOffline(browser, fx.journeeId, { role: "AGENT", name: "agent-tot" });
  const late = await deviceOffline(browser, fx.journeeId, { role: "AGENT", name: "agent-tard" });
  await expect(await scanCode(early.page, zoe.payload)).toHaveAttribute("data-result", "ok");
  // The late device scans after the early one's result is on screen: its scan time is later.
  await expect(await scanCode(late.page, zoe.payload)).toHaveAttribute("data-result", "ok");

  await late.context.setOffline(false);
  await expect(pending(late.page)).toHaveText("Aucun scan en attente", { timeout: 20_000 });
  await early.context.setOffline(false);
  await expect(pending(early.page)).toHaveText("Aucun scan en attente", { timeout: 20_000 });
  await expect(early.page.getByTestId("synchronisation").locator("li")).toHaveAttribute("data-sync-result", "ok");

  await late.page.reload(); // a fresh snapshot (also every minute)
  const report = late.page.getByTestId("synchronisation");
  await expect(report.locator('li[data-sync-result="offline_conflict"]')).toContainText(
    "Zoé Ordre : Conflit hors ligne : un autre appareil l'avait émargé·e plus tôt",
  );
  await expect(report).toBeVisible();
  await expectNoA11yViolations(late.page);
  const t = await truth(request, fx.journeeId);
  expect(t.checkIns).toHaveLength(1);
  expect(t.scans.map((s) => [s.deviceId === t.scans[0].deviceId, s.result])).toEqual([
    [true, "ok"],
    [false, "offline_conflict"],
  ]);
  for (const d of [early, late]) await d.context.close();
});

test("undo offline: an unsent check-in leaves the queue; a sent one needs the network, said in French", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, {
    people: [
      { firstName: "Ugo", lastName: "Annulation" },
      { firstName: "Vera", lastName: "Enligne" },
    ],
  });
  const [ugo, vera] = fx.tickets;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, { role: "AGENT", partnerSlug: "unafo", name: "agent-undo" });
  await keepResults(page);
  await page.goto(accueilUrl(fx.journeeId));
  await expect(page.getByTestId("donnees-locales")).toContainText("Données hors ligne à jour de");
  await expect(await scanCode(page, vera.payload)).toHaveAttribute("data-result", "ok");
  await dismiss(page);

  await context.setOffline(true);
  await expect(status(page)).toContainText("Hors ligne");
  // Already sent (online): undo needs the server.
  await page.getByRole("button", { name: "Annuler cet émargement" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Hors ligne" })).toContainText(
    "cet émargement a déjà été envoyé au serveur, son annulation demande le réseau",
  );
  await expectNoA11yViolations(page);

  // Not sent yet: undone on this device.
  await expect(await scanCode(page, ugo.payload)).toHaveAttribute("data-result", "ok");
  await dismiss(page);
  await expect(pending(page)).toHaveText("1 scan en attente d'envoi");
  await expect(page.getByText("Dernier émargement : Ugo Annulation")).toBeVisible();
  await page.getByRole("button", { name: "Annuler cet émargement" }).click();
  await expect(pending(page)).toHaveText("Aucun scan en attente");
  await expect(page.getByTestId("synchronisation").locator('li[data-sync-result="undone"]')).toContainText(
    "Ugo Annulation : Annulé sur cet appareil avant l'envoi",
  );
  // The local mark went too: the same ticket is "ok" again, then stays queued.
  await expect(await scanCode(page, ugo.payload)).toHaveAttribute("data-result", "ok");
  await dismiss(page);
  await expect(await scanCode(page, ugo.payload)).toHaveAttribute("data-result", "already_checked_in");
  await dismiss(page);
  await expectNoA11yViolations(page);

  await context.setOffline(false);
  await expect(pending(page)).toHaveText("Aucun scan en attente", { timeout: 20_000 });
  const t = await truth(request, fx.journeeId);
  expect(t.checkIns.map((c) => c.registrationId).sort()).toEqual([ugo.registrationId, vera.registrationId].sort());
  expect(t.scans.filter((s) => s.registrationId === ugo.registrationId).map((s) => s.result)).toEqual([
    "ok",
    "already_checked_in",
  ]);
  await context.close();
});

test("offline walk-in when full: refused for an agent in French, an organiser may go over capacity", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, { capacity: 1, people: [{ firstName: "Seule", lastName: "Place" }] });
  const fill = async (page: Page, lastName: string) => {
    await page.getByRole("button", { name: "Sur place" }).click();
    await page.getByLabel("Prénom (obligatoire)", { exact: true }).fill("Jade");
    await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(lastName);
    await page.getByLabel("Structure (obligatoire)", { exact: true }).fill("Asso Complète");
    await page.getByLabel("Type de structure (obligatoire)").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Inscrire et émarger" }).click();
  };
  const agent = await deviceOffline(browser, fx.journeeId, { role: "AGENT", name: "agent-complet" });
  await fill(agent.page, "Refusée");
  await expect(agent.page.getByRole("alert").filter({ hasText: "complète" })).toHaveText(
    "Hors ligne, d'après les données de cet appareil : La journée est complète. Seul un organisateur peut inscrire au-delà de la capacité.",
  );
  await expect(agent.page.getByLabel(/au-delà de la capacité/)).toHaveCount(0);
  await expect(pending(agent.page)).toHaveText("Aucun scan en attente");
  await expectNoA11yViolations(agent.page);

  const organiser = await deviceOffline(browser, fx.journeeId, { role: "ORGANISATEUR", name: "orga-complet" });
  await fill(organiser.page, "Forcée");
  await expect(organiser.page.getByRole("alert").filter({ hasText: "complète" })).toBeVisible();
  await organiser.page.getByLabel("Inscrire au-delà de la capacité (organisateur, tracé dans le journal)").check();
  await organiser.page.getByRole("button", { name: "Inscrire et émarger" }).click();
  await expect(organiser.page.locator("section[data-result]")).toHaveAttribute("data-result", "ok");
  await expect(pending(organiser.page)).toHaveText("1 scan en attente d'envoi");
  await organiser.context.setOffline(false);
  await expect(pending(organiser.page)).toHaveText("Aucun scan en attente", { timeout: 20_000 });
  const t = await truth(request, fx.journeeId);
  expect(t.checkIns.filter((c) => c.method === "WALK_IN").map((c) => c.registration.overCapacity)).toEqual([true]);
  for (const d of [agent, organiser]) await d.context.close();
});

test("the device says it is ready offline only once the walk-in code is loaded: a cut right after still opens the form", async ({
  browser,
  request,
}) => {
  const fx = await makeFixture(request, { people: [{ firstName: "Ida", lastName: "Prête" }] });
  // No service worker, so that every request passes through the route below.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await signInAs(page, {
    role: "AGENT",
    partnerSlug: "unafo",
    name: "agent-lent",
    email: `lent-${fx.journeeId}@ex.org`,
  });
  // A slow network for the walk-in form's code only (loaded after the page is up); none once cut
  // (route.fetch goes through Playwright, not the page, so the cut is applied here too).
  let cut = false;
  await context.route("**/_next/static/**/*.js", async (route) => {
    if (cut) return route.abort("internetdisconnected");
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("Inscrire et émarger")) await new Promise((r) => setTimeout(r, 3000));
    await route.fulfill({ response, body });
  });
  await page.goto(accueilUrl(fx.journeeId));
  await expect(page.getByTestId("donnees-locales")).toContainText("Données hors ligne à jour de", { timeout: 15_000 });
  cut = true;
  await context.setOffline(true);
  await page.getByRole("button", { name: "Sur place" }).click();
  await expect(page.getByLabel("Prénom (obligatoire)", { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await context.close();
});
