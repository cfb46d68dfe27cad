import { expect, type Page, test } from "@playwright/test";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { waitForMail } from "./fixtures/mail";

/**
 * Journée management end to end: an Unafo organiser creates a journée with two half-days,
 * publishes it (it appears on the public programme), sees Bruno's place in line in the list and on
 * his page, finds "Élodie" by typing "elodie", cancels
 * her registration (the next person in line is promoted and e-mailed), sends a reminder after
 * a preview, edits, closes and cancels the journée — each action leaves its audit entry, each page
 * passes axe. Other roles are refused.
 */
const stamp = Date.now().toString(36);
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

async function register(page: Page, slug: string, firstName: string, email: string) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(Date.now() % 200) + firstName.length}` });
  await page.goto(`/journees/${slug}`);
  await expect(page.locator("form[data-ready]").first()).toBeAttached();
  await page.getByLabel("E-mail professionnel (obligatoire)", { exact: true }).fill(email);
  await page.getByLabel("Prénom (obligatoire)", { exact: true }).fill(firstName);
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill("Martin");
  await page.getByLabel("Structure (obligatoire)", { exact: true }).fill("Résidence sociale Les Calanques");
  await page.getByLabel("Type de structure (obligatoire)", { exact: true }).selectOption({ label: "Association" });
  await page.getByLabel("Fonction (obligatoire)", { exact: true }).fill("Intervenante sociale");
  await page.getByLabel("Commune de la structure (obligatoire)", { exact: true }).fill("Arles");
  await page.getByRole("checkbox", { name: /Matin/ }).check();
  await page.getByLabel(/J'ai pris connaissance/).check();
  await page.getByRole("button", { name: "M'inscrire" }).click();
  await expect(page).toHaveURL(/\/inscription\/[A-Za-z0-9_-]{22}/);
}

test("an Unafo organiser creates, publishes and runs a journée; every action is audited", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo", email: `orga-${stamp}@unafo.example.org` });
  const mark = await auditMark(page.request);
  const title = `Habiter d'abord en Camargue ${stamp}`;
  const jour = day(40);

  await page.goto("/organisateur");
  await page.getByRole("link", { name: "Nouvelle journée" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle journée" })).toBeVisible();
  await expectNoA11yViolations(page);
  const field = (label: string) => page.getByLabel(`${label} (obligatoire)`, { exact: true });
  await page.getByRole("button", { name: "Créer la journée (brouillon)" }).click();
  await expect(page.getByRole("alert", { name: "Certains champs sont à corriger." })).toBeVisible();
  await expect(field("Titre")).toHaveAttribute("aria-invalid", "true");
  await field("Titre").fill(title);
  await field("Ville").fill("Arles");
  await field("Lieu").fill("Salle des fêtes");
  await field("Adresse").fill("1 place de la République, 13200 Arles");
  await field("Début de la journée").fill(`${jour}T09:00`);
  await field("Fin de la journée").fill(`${jour}T17:00`);
  await field("Capacité").fill("1");
  await field("Ouverture des inscriptions").fill(`${day(-1)}T09:00`);
  await field("Clôture des inscriptions").fill(`${day(39)}T18:00`);
  for (const [i, [name, from, to]] of [
    ["Matin", "09:00", "12:30"],
    ["Après-midi", "14:00", "17:00"],
  ].entries()) {
    await page.getByRole("button", { name: "Ajouter une demi-journée" }).click();
    const row = page.getByTestId("part-row").nth(i);
    await row.getByLabel("Intitulé (obligatoire)").fill(name);
    await row.getByLabel("Début (obligatoire)").fill(`${jour}T${from}`);
    await row.getByLabel("Fin (obligatoire)").fill(`${jour}T${to}`);
  }
  await page.getByRole("button", { name: "Créer la journée (brouillon)" }).click();
  await page.waitForURL((url) => /^\/organisateur\/journees\/(?!nouvelle$)[a-z0-9]+$/.test(url.pathname));
  const base = new URL(page.url()).pathname;
  await expect(page.getByTestId("journee-status")).toContainText("Brouillon");
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Publier la journée" }).click();
  await expect(page.getByTestId("journee-status")).toContainText("Publiée");
  const slug =
    ((await page.getByRole("link", { name: "Page publique" }).getAttribute("href")) ?? "").split("/").pop() ?? "";
  await page.goto("/");
  await expect(page.getByText(title)).toBeVisible();

  const waiting = `bruno.${stamp}@example.org`;
  await register(page, slug, "Élodie", `elodie.${stamp}@example.org`);
  await register(page, slug, "Bruno", waiting);

  // Bruno waits: the list and his own page tell organisers his place in line (issue 15 point 11).
  await page.goto(`${base}/inscriptions`);
  const brunoRow = page.getByRole("row", { name: /Bruno Martin/ });
  await expect(brunoRow).toContainText("Sur liste d'attente — 1re position");
  await brunoRow.getByRole("link", { name: "Modifier l'inscription de Bruno Martin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inscription de Bruno Martin" })).toBeVisible();
  await expect(page.getByText(`Sur liste d'attente (1re position) — ${waiting}`)).toBeVisible();

  await page.goto(`${base}/inscriptions`);
  await page.getByLabel("Nom, structure ou e-mail").fill("elodie");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("status")).toContainText("1 inscription");
  const row = page.getByRole("row", { name: /Élodie Martin/ });
  await expect(row).toContainText("Inscription confirmée");
  await expectNoA11yViolations(page);
  // A confirmation step, by keyboard: the first activation cancels nothing.
  await row.getByText("Annuler l'inscription", { exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(row).toContainText("Annuler l'inscription de Élodie Martin ?");
  await expect(row).toContainText("Inscription confirmée");
  await expectNoA11yViolations(page);
  await row.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await expect(row).toContainText("Inscription annulée");
  await waitForMail(waiting, /Une place s'est libérée/);

  await page.goto(`${base}/message`);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByTestId("message-preview")).toContainText("Bonjour Bruno");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: /Envoyer à 1 personne/ }).click();
  await expect(page.getByText("Message envoyé à 1 personne.")).toBeVisible();
  const reminder = await waitForMail(waiting, /^Rappel/);
  expect(reminder.attachments.some((a) => a.filename === "billet-qr.png")).toBe(true);

  await page.goto(`${base}/modifier`);
  await expectNoA11yViolations(page);
  await field("Capacité").fill("3");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await page.getByRole("button", { name: "Clore les inscriptions" }).click();
  await expect(page.getByTestId("journee-status")).toContainText("Inscriptions closes");
  await page.getByRole("button", { name: "Annuler la journée" }).click();
  await expect(page.getByText("Cochez la case pour confirmer l'annulation.")).toBeVisible();
  // One person left (Bruno, promoted): the sentence agrees with the count.
  await expect(page.getByLabel(/Je confirme l'annulation/)).toHaveAccessibleName(
    /; la personne inscrite \(confirmée ou en liste d'attente\) sera prévenue par e-mail\.$/,
  );
  await page.getByLabel(/Je confirme l'annulation/).check();
  await page.getByRole("button", { name: "Annuler la journée" }).click();
  await expect(page.getByTestId("journee-status")).toContainText("Annulée");
  await waitForMail(waiting, /Journée annulée/);

  const actions = (await auditSince(page.request, mark)).map((e) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining([
      "journee.create",
      "journee.publish",
      "registration.staff_cancel",
      "message.reminder",
      "journee.update",
      "journee.close",
      "journee.cancel",
    ]),
  );
});

test("a lecteur, or an organiser of another partner, cannot manage an Unafo journée", async ({ page }) => {
  await signInAs(page, { role: "LECTEUR" });
  await page.goto("/organisateur");
  const link = page.locator("tr[data-slug='journee-ouverte']").getByRole("link", { name: /Tableau de bord/ });
  const id = ((await link.getAttribute("href")) ?? "").split("/")[3];
  for (const path of [
    `/organisateur/journees/${id}`,
    `/organisateur/journees/${id}/inscriptions`,
    "/organisateur/journees/nouvelle",
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/acces-refuse$/);
  }
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "metropole-amp" });
  for (const path of [`/organisateur/journees/${id}/message`, `/organisateur/journees/${id}/modifier`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/acces-refuse$/);
  }
});
