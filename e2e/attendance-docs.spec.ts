import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";

/**
 * Issue 13 points 7–8: a DDETS reader downloads a closed half-day's signed émargement and its
 * proof annex from the exports page (the PDFs hold the signature images and the statuses); the
 * public verifier says « conforme » for the printed code and fingerprint, not for a tampered one.
 */
type Seeded = { journeeId: string; partKey: string; verificationCode: string; fingerprint: string };

async function download(page: Page, name: RegExp): Promise<{ file: string; suggested: string }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emarge-e2e-docs-")), "document.pdf");
  await dl.saveAs(file);
  return { file, suggested: dl.suggestedFilename() };
}

const text = (file: string) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
const images = (file: string) =>
  execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2).length;

test("a reader downloads the signed sheet and the proof annex; the verifier says whether the sheet matches", async ({
  page,
}) => {
  const res = await page.request.post("/api/test-hooks/attendance-docs", { data: { op: "signed-sheet" } });
  expect(res.ok()).toBe(true);
  const s = (await res.json()) as Seeded;
  await signInAs(page, { role: "LECTEUR" });
  const mark = await auditMark(page.request);
  await page.goto(`/organisateur/exports?journeeId=${s.journeeId}`);
  await expect(page.getByRole("heading", { level: 2, name: "Émargement signé", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  const sheet = await download(page, /toutes les demi-journées/);
  expect(sheet.suggested).toMatch(/^feuille-d-émargement-signée-.*\.pdf$/);
  const sheetText = text(sheet.file);
  for (const t of ["DUPONT", "DURAND", "MARTIN", "BERNARD", "PETIT", "attestée par l'agent : main blessée"])
    expect(sheetText).toContain(t);
  expect(sheetText).toContain("absence justifiée : arrêt maladie");
  expect(sheetText).toContain(`Code de vérification ${s.verificationCode} · empreinte ${s.fingerprint}`);
  expect(sheetText).toContain("page 1 / 1");
  expect(images(sheet.file)).toBe(3);

  const proof = await download(page, /dossier de preuve \(PDF\)/);
  expect(proof.suggested).toMatch(/^dossier-de-preuve-.*\.pdf$/);
  expect(text(proof.file)).toContain("Chaîne d'intégrité VALIDE : les 3 enregistrements se suivent");
  const actions = (await auditSince(page.request, mark)).map((a) => a.action);
  expect(actions).toEqual(expect.arrayContaining(["export.emargement-signe-pdf", "export.dossier-preuve-pdf"]));

  // Out of the API's contract: a missing half-day for the proof is a JSON refusal, not a 500.
  const bad = await page.request.get(`/api/attendance/proof-pdf?journeeId=${s.journeeId}`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ ok: false, reason: "invalid" });

  // The public verifier, keyboard only.
  await page.context().clearCookies();
  await page.goto("/attestations/verifier");
  await page.getByRole("link", { name: "Vérifiez son code et son empreinte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vérifier une feuille d'émargement signée" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("Code de vérification").fill(s.verificationCode);
  await page.getByLabel("Empreinte").fill(s.fingerprint.toLowerCase().replace(/-/g, " "));
  await page.getByLabel("Empreinte").press("Enter");
  const result = page.getByTestId("sheet-verification");
  await expect(result.getByRole("heading", { name: "Feuille conforme" })).toBeVisible();
  await expect(result).toContainText("La feuille est conforme");
  await expectNoA11yViolations(page);

  const tampered = `${s.fingerprint.slice(0, -1)}${s.fingerprint.endsWith("0") ? "1" : "0"}`;
  await page.goto(`/attestations/verifier/emargement?code=${s.verificationCode}&empreinte=${tampered}`);
  await expect(result.getByRole("heading", { name: "Feuille non conforme" })).toBeVisible();
  await expect(result).not.toContainText("La feuille est conforme");
  await expectNoA11yViolations(page);

  await page.goto("/attestations/verifier/emargement?code=EM-INCONNU00&empreinte=0000-0000-0000-0000");
  await expect(result).toContainText("Aucune feuille d'émargement ne correspond");
  await expectNoA11yViolations(page);
});
