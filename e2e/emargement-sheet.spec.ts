import { type APIRequestContext, expect, type Locator, type Page, type Request, test } from "@playwright/test";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { tabTo } from "./fixtures/checkin";

/**
 * Issue 13 points 1, 5, 6 (organiser side): the attendance settings (audited), the sheet page's
 * statuses, justification decisions, the countersignature that closes the half-day (a change is
 * then refused by the server), reopening with a reason (audited); a lecteur reads only.
 */
type Seed = { journeeId: string; slug: string; partKey: string };
async function seed(request: APIRequestContext): Promise<Seed> {
  const res = await request.post("/api/test-hooks/attendance-sheet", { data: { op: "seed" } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as Seed;
}

/** A signature-like scribble drawn with the mouse (pointer events) across the pad. */
async function draw(page: Page) {
  const pad = page.getByTestId("signature-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error("pad not visible");
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(box.x + 20 + i * 10, box.y + box.height / 2 + Math.sin(i / 2) * 30, { steps: 2 });
  }
  await page.mouse.up();
}

/** Sends a server action's request again, with the cookies of `page`'s context: the server's answer as text. */
async function replay(page: Page, action: Request): Promise<string> {
  const headers = action.headers();
  const res = await page.request.post(action.url(), {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: "text/x-component",
      origin: new URL(action.url()).origin,
    },
    data: action.postData() ?? "",
  });
  return `${res.status()} ${await res.text()}`;
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const el = document.scrollingElement as Element;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** Keyboard only, backwards: Shift+Tab until `target` has the focus. */
async function tabBackTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Shift+Tab");
  }
  throw new Error("élément jamais atteint au clavier");
}

const isAction = (r: Request) => r.method() === "POST" && !!r.headers()["next-action"];

test("an organiser sets the attendance proof, decides, countersigns, sees a change refused, reopens; a lecteur reads only", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const s = await seed(page.request);
  await signInAs(page, { role: "ORGANISATEUR", journeeSlug: s.slug, name: "Odile Organisatrice" });
  const mark = await auditMark(page.request);
  const base = `/organisateur/journees/${s.journeeId}`;

  // Point 1: the settings on the journée's page, with the shared schema's French error next to the field.
  await page.goto(base);
  const tolerance = page.getByLabel("Tolérance de retard, en minutes (obligatoire)");
  await expect(tolerance).toHaveValue("15");
  await expect(page.getByLabel("Scan du billet et signature par demi-journée")).toBeChecked();
  await tolerance.fill("200");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.locator("#att-tolerance-erreur")).toHaveText("Entre 0 et 120 minutes");
  await expect(tolerance).toHaveAttribute("aria-invalid", "true");
  await expect(tolerance).toBeFocused();
  await expectNoA11yViolations(page);
  await tolerance.fill("30");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Réglages de l'émargement enregistrés." })).toBeVisible();
  const settings = await auditSince(page.request, mark, ["journee.attendance_settings"]);
  expect(settings).toHaveLength(1);
  expect(settings[0]).toMatchObject({
    entityId: s.journeeId,
    details: { before: { lateToleranceMinutes: 15 }, after: { lateToleranceMinutes: 30 } },
  });

  // Point 5: the sheet page, from the journée's navigation.
  await page
    .getByRole("navigation", { name: "Gestion de la journée" })
    .getByRole("link", { name: "Feuille d'émargement" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Feuille d'émargement — Journée" })).toBeVisible();
  const row = (name: string) => page.getByTestId("sheet-row").filter({ hasText: name });
  const status = (name: string) => row(name).getByTestId("sheet-status");
  await expect(page.getByTestId("sheet-row").locator("h3")).toHaveText([
    "AUBERT Anne",
    "BERNARD Bruno",
    "CARON Chloé",
    "DURAND David",
    "ESNAULT Emma",
    "FABRE Félix",
  ]);
  await expect(status("AUBERT")).toHaveText("Absent · Justification demandée : Rendez-vous médical");
  await expect(status("CARON")).toHaveText("Absent");
  await expect(status("DURAND")).toHaveText("Présent");
  await expect(row("DURAND").getByRole("img", { name: "Signature de DURAND David" })).toBeVisible();
  await expect(status("ESNAULT")).toHaveText(
    "En retard · Parti avant la fin · Présence attestée par l'agent : Main dans le plâtre",
  );
  await expect(status("FABRE")).toHaveText("Présent · Signature manquante");
  await expect(page.getByTestId("sheet-counts")).toContainText("3 présentes");
  await expect(page.getByTestId("sheet-counts")).toContainText("2 demandes de justification en attente");
  await expect(page.getByRole("link", { name: "Feuille signée de cette demi-journée (PDF)" })).toHaveAttribute(
    "href",
    `/api/attendance/sheet-pdf?journeeId=${s.journeeId}&partKey=${s.partKey}`,
  );
  await expect(page.getByRole("link", { name: "Dossier de preuve (JSON)" })).toHaveAttribute(
    "href",
    `/api/attendance/proof?journeeId=${s.journeeId}&partKey=${s.partKey}`,
  );
  await expect(page.getByRole("link", { name: "Dossier de preuve (PDF)" })).toHaveAttribute(
    "href",
    `/api/attendance/proof-pdf?journeeId=${s.journeeId}&partKey=${s.partKey}`,
  );
  await expectNoA11yViolations(page);

  // Keyboard only: accept Aubert's request, record Caron's justified absence.
  const accept = page.getByRole("button", { name: "Accepter la justification de AUBERT Anne" });
  await tabTo(page, accept, 60);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Justification acceptée pour AUBERT Anne.")).toBeFocused();
  await expect(status("AUBERT")).toHaveText("Absence justifiée : Rendez-vous médical");
  await page.getByRole("button", { name: "Refuser la justification de BERNARD Bruno" }).click();
  await expect(status("BERNARD")).toHaveText("Absent · Justification refusée : Oubli");
  const record = page.getByRole("button", { name: "Enregistrer une absence justifiée pour CARON Chloé" });
  await tabTo(page, record, 60);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Motif de l'absence (obligatoire)")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Indiquez le motif (3 caractères au moins)")).toBeVisible();
  await page.keyboard.type("Formation obligatoire");
  const sent = page.waitForRequest(isAction);
  await page.keyboard.press("Enter");
  const recordRequest = await sent;
  await expect(status("CARON")).toHaveText("Absence justifiée : Formation obligatoire");
  await expect(page.getByTestId("sheet-counts")).toContainText("2 absences justifiées");

  // Catch-up from the sheet: Fabre, present without a signature, gets the agent's attestation.
  await page.getByRole("button", { name: "Attester la présence de FABRE Félix" }).click();
  await page.getByLabel("Pourquoi la personne ne signe pas (obligatoire)").fill("Partie avant de signer");
  await page.getByRole("button", { name: "Attester la présence", exact: true }).click();
  await expect(page.getByText("Présence de FABRE Félix attestée.")).toBeFocused();
  await expect(status("FABRE")).toHaveText("Présent · Présence attestée par l'agent : Partie avant de signer");

  // Point 6: the countersignature with pointer events closes the half-day.
  await draw(page);
  await expect(page.getByTestId("signature-pad")).toHaveAttribute("data-drawn", "true");
  const sign = page.getByRole("button", { name: "Contresigner et clore la feuille" });
  await tabBackTo(page, sign);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sheet-closed")).toContainText("contresignée par Odile Organisatrice");
  await expect(page.getByTestId("verification-code")).toHaveText(/^EM-[A-Z0-9]{10}$/);
  await expect(page.getByTestId("fingerprint")).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(page.getByRole("img", { name: "Contresignature de Odile Organisatrice" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Enregistrer une absence justifiée|Accepter|Refuser/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
  // Hidden, and refused by the server too: the same request as before is answered « sheet_closed ».
  expect(await replay(page, recordRequest)).toContain('"reason":"sheet_closed"');

  // Reopening needs a reason, and is audited with it.
  await page.getByRole("button", { name: "Rouvrir" }).click();
  await expect(page.getByText("Indiquez la raison (3 caractères au moins)")).toBeVisible();
  await page.getByLabel("Raison de la réouverture (obligatoire)").fill("Erreur de pointage à corriger");
  await page.getByRole("button", { name: "Rouvrir" }).click();
  await expect(page.getByRole("button", { name: "Contresigner et clore la feuille" })).toBeVisible();
  await expect(page.getByTestId("sheet-closed")).toHaveCount(0);
  const audits = await auditSince(page.request, mark, [
    "attendance.justification_accepted",
    "attendance.justification_refused",
    "attendance.justification_recorded",
    "attendance.sheet_closed",
    "attendance.sheet_reopened",
  ]);
  expect(audits.map((a) => a.action).sort()).toEqual([
    "attendance.justification_accepted",
    "attendance.justification_recorded",
    "attendance.justification_refused",
    "attendance.sheet_closed",
    "attendance.sheet_reopened",
  ]);
  expect(audits.find((a) => a.action === "attendance.sheet_reopened")?.details).toMatchObject({
    reason: "Erreur de pointage à corriger",
  });
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page);

  // A lecteur (DDETS) reads the same sheet, can do nothing there, and the server refuses them.
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const reader = await context.newPage();
  await signInAs(reader, { role: "LECTEUR", name: "Lucie Lectrice" });
  await reader.goto(`${base}/emargement?partie=${s.partKey}`);
  await expect(reader.getByTestId("read-only")).toBeVisible();
  await expect(reader.getByTestId("sheet-row")).toHaveCount(6);
  await expect(reader.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(reader.getByTestId("attendance-settings")).toContainText("30 min");
  await expectNoSidewaysScroll(reader);
  await expectNoA11yViolations(reader);
  expect(await replay(reader, recordRequest)).toContain('"reason":"forbidden"');
  await context.close();
});

test("an agent of the journée gets the refusal page", async ({ page }) => {
  const s = await seed(page.request);
  await signInAs(page, { role: "AGENT", journeeSlug: s.slug });
  await page.goto(`/organisateur/journees/${s.journeeId}/emargement`);
  await expect(page).toHaveURL(/\/acces-refuse/);
});
