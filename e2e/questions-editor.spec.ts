import { expect, type Locator, type Page, test } from "@playwright/test";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { fillRegistrationForm, unique } from "./fixtures/registration";

/**
 * Issue 14 point 1: an organiser of the journée builds its registration questions (ready-made in
 * one click, an edit adding a capacity, a reorder, a removal with confirmation; keyboard only for
 * adding and reordering; axe on every state), then people register on a phone answering them, with
 * and without JavaScript. The tests share one journée, in order.
 */
test.describe.configure({ mode: "serial" });

let journee: { id: string; slug: string };
const LUNCH = "Déjeunerez-vous sur place ?";
const DIET = "Régime alimentaire";
const DETAIL = "Allergies ou autre régime : précisez";
const TRANSPORT = "Comment venez-vous ?";
let ipSeq = 0;

const items = (page: Page) => page.getByTestId("question-item");
const item = (page: Page, label: string) => items(page).filter({ has: page.getByRole("heading", { name: label }) });
const order = async (page: Page) => items(page).getByRole("heading", { level: 3 }).allTextContents();

/** Presses Tab until the focused element is `target` (keyboard only: no click, no focus()). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("element never reached with Tab");
}

/** WCAG 1.4.10: nothing scrolls sideways; names the innermost elements sticking out, to say what to fix. */
async function noHorizontalScroll(page: Page) {
  const { overflow, culprits } = await page.evaluate(() => {
    const el = document.scrollingElement as Element;
    const out = [...document.querySelectorAll("body *")].filter(
      (e) => e.getBoundingClientRect().right > el.clientWidth + 1,
    );
    const innermost = out.filter((e) => !out.some((o) => o !== e && e.contains(o)));
    return {
      overflow: el.scrollWidth - el.clientWidth,
      culprits: innermost.slice(0, 6).map((e) => e.outerHTML.slice(0, 80)),
    };
  });
  expect(overflow, culprits.join("\n")).toBeLessThanOrEqual(0);
}

test("an organiser adds the ready-made questions, edits, reorders and removes them — keyboard and axe clean", async ({
  page,
}) => {
  const res = await page.request.post("/api/test-hooks/registration", { data: { op: "journee", capacity: 30 } });
  journee = await res.json();
  await signInAs(page, { role: "ORGANISATEUR", journeeSlug: journee.slug });
  const mark = await auditMark(page.request);
  await page.goto(`/organisateur/journees/${journee.id}`);
  await page
    .getByRole("navigation", { name: "Gestion de la journée" })
    .getByRole("link", { name: "Questions à l'inscription" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Questions à l'inscription" })).toBeVisible();
  await expect(page).toHaveTitle(/^Questions à l'inscription — Journée de test/);
  await expect(page.locator("form[data-ready]").first()).toBeAttached();
  await expect(page.getByText("Aucune question pour l'instant")).toBeVisible();
  await expectNoA11yViolations(page);

  // Keyboard only: one key press per ready-made question.
  const announce = page.locator("#questions-annonce");
  for (const [name, count] of [
    ["Ajouter : Repas (oui / non)", 1],
    ["Ajouter : Régime alimentaire", 3],
    ["Ajouter : Transport", 4],
  ] as const) {
    await tabTo(page, page.getByRole("button", { name }));
    await page.keyboard.press("Enter");
    await expect(items(page)).toHaveCount(count);
  }
  await expect(announce).toHaveText("Question ajoutée : Transport.");
  expect(await order(page)).toEqual([LUNCH, DIET, DETAIL, TRANSPORT]);
  await expectNoA11yViolations(page);

  // Reorder by keyboard: the focus stays on the button pressed, so it can be pressed again.
  const down = page.getByRole("button", { name: `Descendre « ${LUNCH} »` });
  await tabTo(page, down);
  await page.keyboard.press("Enter");
  await expect.poll(() => order(page)).toEqual([DIET, LUNCH, DETAIL, TRANSPORT]);
  await expect(down).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => order(page)).toEqual([DIET, DETAIL, LUNCH, TRANSPORT]);
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: `Monter « ${LUNCH} »` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => order(page)).toEqual([DIET, LUNCH, DETAIL, TRANSPORT]);
  await expect(announce).toHaveText("Question montée.");
  await expectNoA11yViolations(page);

  // Edit: a refused change shows French errors, then lunch gets 80 places.
  const lunch = item(page, LUNCH);
  await lunch.locator("summary", { hasText: /^Modifier/ }).click();
  const lunchForm = lunch.getByRole("form", { name: `Modifier la question « ${LUNCH} »` });
  await lunchForm.getByLabel("Question (obligatoire)", { exact: true }).fill("");
  await lunchForm.getByRole("button", { name: "Enregistrer la question" }).click();
  const summary = lunchForm.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Certains champs sont à corriger.");
  await expect(summary).toContainText("Question : Indiquez la question.");
  await expect(lunchForm.getByLabel("Question (obligatoire)", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page);
  await lunchForm.getByLabel("Question (obligatoire)", { exact: true }).fill(LUNCH);
  await lunchForm.getByLabel("Places pour « Oui » (facultatif)").fill("80");
  await lunchForm.getByRole("button", { name: "Enregistrer la question" }).click();
  await expect(lunch.getByRole("status")).toContainText(`Question enregistrée : « ${LUNCH} ».`);
  await expect(lunch.getByRole("listitem").filter({ hasText: "Oui : 0 place prise sur 80" })).toBeVisible();
  await expectNoA11yViolations(page);

  // Remove with a confirmation step.
  const transport = item(page, TRANSPORT);
  await transport.locator("summary", { hasText: /^Retirer/ }).click();
  await expect(transport.getByText(`Retirer « ${TRANSPORT} » du formulaire ?`)).toBeVisible();
  await expectNoA11yViolations(page);
  await transport.getByRole("button", { name: `Confirmer le retrait « ${TRANSPORT} »` }).click();
  await expect(items(page)).toHaveCount(3);
  await expect(announce).toContainText("Question retirée du formulaire");
  await expect(page.getByRole("heading", { name: "Questions du formulaire (3)" })).toBeFocused();
  await expectNoA11yViolations(page);

  const actions = (await auditSince(page.request, mark)).map((a) => a.action);
  expect(actions.filter((a) => a === "question.add")).toHaveLength(4);
  expect(actions).toEqual(expect.arrayContaining(["question.move", "question.update", "question.remove"]));
});

test("a new question is checked with the shared schema before it is sent, then added at the end", async ({ page }) => {
  await signInAs(page, { role: "ORGANISATEUR", journeeSlug: journee.slug });
  await page.goto(`/organisateur/journees/${journee.id}/questions`);
  const form = page.getByRole("form", { name: "Nouvelle question" });
  await expect(form).toHaveAttribute("data-ready", "true");
  await form.getByLabel("Type de question (obligatoire)").selectOption({ label: "Une seule réponse parmi une liste" });
  await form.getByLabel("Question (obligatoire)", { exact: true }).fill("Quel atelier de l'après-midi ?");
  await form.getByLabel("Réponse 1 (facultatif)").fill("Logement");
  await form.getByLabel("Places pour « Logement » (facultatif)").fill("trente");
  await form.getByRole("button", { name: "Ajouter la question" }).click();
  await expect(form.getByRole("alert")).toBeFocused();
  await expect(form.getByRole("alert")).toContainText("Réponse 1 — places : Indiquez un nombre entier.");
  await expect(form.getByLabel("Places pour « Logement » (facultatif)")).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page);
  await form.getByLabel("Places pour « Logement » (facultatif)").fill("30");
  await form.getByRole("button", { name: "Ajouter la question" }).click();
  await expect(form.getByRole("alert")).toContainText("Réponses proposées : Proposez au moins deux réponses.");
  await form.getByLabel("Réponse 2 (facultatif)").fill("Emploi");
  await form.getByRole("button", { name: "Ajouter la question" }).click();
  await expect(items(page)).toHaveCount(4);
  await expect(page.getByRole("status").filter({ hasText: "Question ajoutée : « Quel atelier" })).toBeVisible();
  await expect(
    page.getByRole("form", { name: "Nouvelle question" }).getByLabel("Question (obligatoire)", { exact: true }),
  ).toHaveValue("");
  await noHorizontalScroll(page);
  // Not asked of the people below: removed again (with its confirmation).
  const atelier = item(page, "Quel atelier de l'après-midi ?");
  await atelier.locator("summary", { hasText: /^Retirer/ }).click();
  await atelier.getByRole("button", { name: /Confirmer le retrait/ }).click();
  await expect(items(page)).toHaveCount(3);
});

test("the questions page is refused to an agent, a reader and an organiser of another partner", async ({ page }) => {
  const path = `/organisateur/journees/${journee.id}/questions`;
  await page.goto(path);
  await expect(page).toHaveURL(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  for (const spec of [
    { role: "AGENT", journeeSlug: journee.slug },
    { role: "LECTEUR" },
    { role: "ORGANISATEUR", partnerSlug: "unafo" },
  ] as const) {
    await page.context().clearCookies();
    await signInAs(page, spec);
    await page.goto(path);
    await expect(page).toHaveURL(/\/acces-refuse$/);
  }
});

async function fillPerson(page: Page, email: string, firstName: string) {
  ipSeq += 1;
  await fillRegistrationForm(page, { email, firstName, lastName: "Questionnaire" });
}
const group = (page: Page, name: RegExp) => page.getByRole("group", { name });

test.describe("a person on a phone answers the questions", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("with JavaScript: the questions follow the fixed fields, with why they are asked", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(Date.now() + ipSeq) % 250}` });
    await page.goto(`/journees/${journee.slug}`);
    await expect(page.locator("form[data-ready]").first()).toBeAttached();
    await fillPerson(page, unique("questions-js"), "Alix");
    await expect(group(page, /Régime alimentaire \(facultatif\)/)).toContainText("Pourquoi cette question :");
    await group(page, /Déjeunerez-vous sur place \? \(obligatoire\)/)
      .getByRole("radio", { name: "Oui" })
      .check();
    await group(page, /Régime alimentaire/)
      .getByRole("radio", { name: "Sans gluten" })
      .check();
    await page.getByLabel(/Allergies ou autre régime : précisez/).fill("Pas de céleri");
    await noHorizontalScroll(page);
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await expect(page.getByTestId("registration-status")).toContainText("Inscription confirmée");

    // The organiser sees the place taken, and the editor warns that answers are kept.
    await signInAs(page, { role: "ORGANISATEUR", journeeSlug: journee.slug });
    await page.goto(`/organisateur/journees/${journee.id}/questions`);
    const lunch = item(page, LUNCH);
    await expect(lunch.getByRole("listitem").filter({ hasText: "Oui : 1 place prise sur 80" })).toBeVisible();
    await lunch.locator("summary", { hasText: /^Modifier/ }).click();
    await expect(lunch.getByText("1 réponse déjà donnée : elles seront conservées")).toBeVisible();
    await noHorizontalScroll(page);
    await expectNoA11yViolations(page);
    // At 320 px (WCAG reflow), with an edit panel and a removal confirmation open.
    await page.setViewportSize({ width: 320, height: 640 });
    await item(page, DIET)
      .locator("summary", { hasText: /^Retirer/ })
      .click();
    await noHorizontalScroll(page);
    await expectNoA11yViolations(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a refused post shows the French error next to the question and keeps every entry, then registers", async ({
      page,
    }) => {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(Date.now() + ipSeq + 7) % 250}` });
      await page.goto(`/journees/${journee.slug}`);
      const email = unique("questions-sansjs");
      await fillPerson(page, email, "Bastien");
      await group(page, /Régime alimentaire/)
        .getByRole("radio", { name: "Végétarien" })
        .check();
      await page.getByLabel(/Allergies ou autre régime : précisez/).fill("Noix");
      // The required lunch question is left unanswered.
      await page.getByRole("button", { name: "M'inscrire" }).click();
      const lunchGroup = group(page, /Déjeunerez-vous sur place \? \(obligatoire\)/);
      await expect(lunchGroup).toContainText("Choisissez une réponse.");
      await expect(page.locator("form [role=alert]")).toContainText(`${LUNCH} : Choisissez une réponse.`);
      await expect(group(page, /Régime alimentaire/).getByRole("radio", { name: "Végétarien" })).toBeChecked();
      await expect(page.getByLabel(/Allergies ou autre régime : précisez/)).toHaveValue("Noix");
      await expect(page.getByLabel("Prénom (obligatoire)", { exact: true })).toHaveValue("Bastien");
      await expect(page.getByLabel("E-mail professionnel (obligatoire)", { exact: true })).toHaveValue(email);
      await noHorizontalScroll(page);
      // (axe needs JavaScript in the page: the error state is checked with JavaScript above and in registration.spec.)
      await lunchGroup.getByRole("radio", { name: "Non" }).check();
      await page.getByRole("button", { name: "M'inscrire" }).click();
      await expect(page.getByTestId("registration-status")).toContainText("Inscription confirmée");
    });

    test("the organiser's editor works as plain form posts: a ready-made question, a refused then accepted new one", async ({
      page,
    }) => {
      const res = await page.request.post("/api/test-hooks/registration", { data: { op: "journee" } });
      const other = (await res.json()) as { id: string; slug: string };
      await signInAs(page, { role: "ORGANISATEUR", journeeSlug: other.slug });
      await page.goto(`/organisateur/journees/${other.id}/questions`);
      await page.getByRole("button", { name: "Ajouter : Transport" }).click();
      await expect(items(page)).toHaveCount(1);
      const form = page.getByRole("form", { name: "Nouvelle question" });
      await form.getByLabel("Type de question (obligatoire)").selectOption({ label: "Nombre entier" });
      await form.getByLabel("Aide (facultatif)").fill("Vous compris.");
      await form.getByLabel("Nombre minimum (facultatif)").fill("5");
      await form.getByLabel("Nombre maximum (facultatif)").fill("1");
      await form.getByRole("button", { name: "Ajouter la question" }).click();
      const kept = page.getByRole("form", { name: "Nouvelle question" });
      await expect(kept.getByRole("alert")).toContainText("Question : Indiquez la question.");
      await expect(kept.locator("#q-nouvelle-label-erreur")).toHaveText("Indiquez la question.");
      await expect(kept.getByLabel("Aide (facultatif)")).toHaveValue("Vous compris.");
      await expect(kept.getByLabel("Type de question (obligatoire)")).toHaveValue("NUMBER");
      await kept.getByLabel("Question (obligatoire)", { exact: true }).fill("Combien serez-vous ?");
      await kept.getByLabel("Nombre maximum (facultatif)").fill("10");
      await kept.getByRole("button", { name: "Ajouter la question" }).click();
      await expect(items(page)).toHaveCount(2);
      expect(await order(page)).toEqual([TRANSPORT, "Combien serez-vous ?"]);
      await page.getByRole("button", { name: "Monter « Combien serez-vous ? »" }).click();
      await expect.poll(() => order(page)).toEqual(["Combien serez-vous ?", TRANSPORT]);
      await noHorizontalScroll(page);
    });
  });
});
