import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { libreOfficeToCsv, parseCsv, pdfToText } from "@/tests/fixtures/office";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";

/**
 * Issue 14: an organiser of the journée sees the answers' counts on the dashboard and downloads the
 * « liste traiteur » as XLSX (LibreOffice converts it), PDF (pdftotext reads it) and CSV, audited.
 */
type Seeded = { journeeId: string; slug: string; partnerSlug: string };

async function seed(page: Page): Promise<Seeded> {
  const res = await page.request.post("/api/test-hooks/question-reports", { data: { op: "seed" } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as Seeded;
}

async function download(page: Page, name: RegExp): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emarge-e2e-dl-")), file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

test("the dashboard shows the counts per answer and the lunches; the liste traiteur downloads as XLSX, PDF and CSV", async ({
  page,
}) => {
  const s = await seed(page);
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: s.partnerSlug });
  await page.goto(`/organisateur/journees/${s.journeeId}/tableau-de-bord`);
  const section = page.getByRole("region", { name: "Réponses aux questions" });
  await expect(section).toBeVisible();
  await expect(section.getByRole("definition").first()).toHaveText("3");
  await expect(section.getByText("Repas — déjeuners inscrits")).toBeVisible();
  const transport = section.getByRole("figure").filter({ hasText: "Comment venez-vous ?" });
  await transport.getByText("Voir les données du graphique").click();
  await expect(transport.getByRole("row", { name: /Voiture/ })).toContainText("2");
  // Free text is listed to the journée's organisers.
  await expect(section.getByRole("listitem").filter({ hasText: "Arachides" })).toBeVisible();
  await expectNoA11yViolations(page);

  const mark = await auditMark(page.request);
  await page.goto(`/organisateur/exports?journeeId=${s.journeeId}`);
  await expectNoA11yViolations(page);
  const xlsx = await download(page, /Liste traiteur — classeur XLSX/);
  const rows = parseCsv(await libreOfficeToCsv(xlsx));
  expect(rows[0].slice(0, 3)).toEqual(["Rubrique", "Réponse ou régime", "Nombre"]);
  expect(rows[1][0]).toBe("Liste traiteur à J-2 (inscrit·es confirmé·es)");
  expect(rows.find((r) => r[0] === "Repas")?.[2]).toBe("3");
  expect(rows.find((r) => r[3] === "Moreau")?.[1]).toContain("Arachides");

  const pdf = await download(page, /Liste traiteur — PDF/);
  const text = await pdfToText(pdf);
  expect(text).toContain("Liste traiteur à J-2");
  expect(text).toContain("Déjeuners : 3");
  expect(text).toContain("MOREAU Paul");

  const csv = await download(page, /Liste traiteur — CSV/);
  const csvRows = parseCsv(await libreOfficeToCsv(csv, { semicolonCsv: true }));
  expect(csvRows[0]).toEqual(rows[0]);
  expect(csvRows.find((r) => r[3] === "Lunel")?.[1]).toBe("Régime alimentaire : Végétarien");

  const actions = (await auditSince(page.request, mark)).map((a) => a.action);
  expect(actions).toEqual(
    expect.arrayContaining(["export.traiteur-xlsx", "export.traiteur-pdf", "export.traiteur-csv"]),
  );
});

test("a reader sees the counts but neither the free text nor the liste traiteur", async ({ page }) => {
  const s = await seed(page);
  await signInAs(page, { role: "LECTEUR" });
  await page.goto(`/organisateur/journees/${s.journeeId}/tableau-de-bord`);
  const section = page.getByRole("region", { name: "Réponses aux questions" });
  await expect(section.getByText("ne sont visibles que des organisateurs")).toBeVisible();
  await expect(section.getByText("Arachides")).toHaveCount(0);
  await page.goto(`/organisateur/exports?journeeId=${s.journeeId}`);
  await expect(page.getByRole("link", { name: /Liste traiteur/ })).toHaveCount(0);
  const refused = await page.request.get(`/api/exports/traiteur-csv?journeeId=${s.journeeId}`);
  expect(refused.status()).toBe(403);
});
