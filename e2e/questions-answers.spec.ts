import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { pdfToText } from "@/tests/fixtures/office";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";

/**
 * Issue 14 point 3: a person changes an answer from their management link, on a phone, with the
 * keyboard, with and without JavaScript: the same schema refuses in French next to the field and
 * keeps the entries; the full option is shown as such; the page then shows the new answers.
 */
type Seeded = { journeeId: string; token: string; registrationId: string; partnerSlug: string };

async function seed(page: Page): Promise<Seeded> {
  const res = await page.request.post("/api/test-hooks/question-answers", { data: { op: "seed" } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as Seeded;
}

const COUNT = "Combien de collègues vous accompagnent ? (obligatoire)";
const answers = (page: Page) => page.getByRole("region", { name: "Vos réponses aux questions" });

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("changes the atelier from the management link with the keyboard; axe clean", async ({ page }) => {
  const s = await seed(page);
  await page.goto(`/inscription/${s.token}`);
  await expect(answers(page)).toContainText("Atelier 2");
  await expect(answers(page)).toContainText("Déjeunerez-vous sur place ?");
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Modifier mes informations" }).click();
  await expect(page.locator("form[data-ready]")).toBeAttached();
  await expect(page.getByRole("radio", { name: "Atelier 1 — complet" })).toBeDisabled();
  await expect(page.getByRole("radio", { name: "Atelier 2" })).toBeChecked();
  await expect(page.getByLabel(COUNT)).toHaveValue("1");
  await expectNoA11yViolations(page);

  // Keyboard only: arrow within the radio group, type a number out of range, submit with Enter.
  await page.getByRole("radio", { name: "Atelier 2" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Atelier 3" })).toBeChecked();
  await page.getByLabel(COUNT).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("12");
  await page.keyboard.press("Enter");
  // The French error is next to the field (its description), as at registration.
  await expect(page.getByLabel(COUNT)).toHaveAccessibleDescription(/Indiquez un nombre entre 0 et 10\./);
  await expect(page.getByRole("radio", { name: "Atelier 3" })).toBeChecked();
  await expectNoA11yViolations(page);

  await page.getByLabel(COUNT).fill("2");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?modifiee=1$/);
  await expect(page.getByText("Vos modifications sont enregistrées.")).toBeVisible();
  await expect(answers(page)).toContainText("Atelier 3");
  await expect(answers(page)).toContainText("2");
  await expectNoA11yViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server refuses with the same schema, in French next to the field, entries kept; then saves", async ({
    page,
  }) => {
    const s = await seed(page);
    await page.goto(`/inscription/${s.token}/modifier`);
    await page.getByRole("radio", { name: "Atelier 3" }).check();
    await page.getByRole("radio", { name: "Non" }).check();
    await page.getByLabel(COUNT).fill("deux");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByLabel(COUNT)).toHaveAccessibleDescription(/Indiquez un nombre\./);
    await expect(page.getByLabel(COUNT)).toHaveValue("deux");
    await expect(page.getByRole("radio", { name: "Atelier 3" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Non" })).toBeChecked();
    // (axe needs JavaScript in the page: the same error state is checked with JS in the test above.)
    await page.getByLabel(COUNT).fill("0");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page).toHaveURL(/\?modifiee=1$/);
    await expect(answers(page)).toContainText("Atelier 3");
    await expect(answers(page)).toContainText("Non");
  });
});

test("an organiser changes the answer from the staff page (audited) and prints it on the badges", async ({ page }) => {
  const s = await seed(page);
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: s.partnerSlug });
  const mark = await auditMark(page.request);
  await page.goto(`/organisateur/journees/${s.journeeId}/inscriptions/${s.registrationId}`);
  await expect(page.getByRole("region", { name: "Réponses aux questions" })).toContainText("Atelier 2");
  await expect(page.locator("form[data-ready]")).toBeAttached();
  await page.getByRole("radio", { name: "Atelier 3" }).check();
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Inscription modifiée.")).toBeVisible();
  await expectNoA11yViolations(page);
  const audit = (await auditSince(page.request, mark)).find((a) => a.action === "registration.staff_update");
  expect(JSON.stringify(audit)).toContain("Atelier 3");

  await page.goto(`/organisateur/exports?journeeId=${s.journeeId}`);
  await page.getByLabel("Afficher la réponse à…").selectOption({ label: "Quel atelier de l'après-midi ?" });
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/questionId=/);
  await expectNoA11yViolations(page);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Badges/ }).click()]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emarge-e2e-dl-")), file.suggestedFilename());
  await file.saveAs(target);
  const text = await pdfToText(target);
  expect(text).toContain("MARTIN");
  expect(text).toContain("Atelier 3");
  expect(text).toContain("Atelier 1");
});
