import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_PLENARY_SLUG } from "@/lib/demo/seed";
import { libreOfficeToCsv, parseCsv, pdfToText } from "@/tests/fixtures/office";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";

/**
 * A DDETS reader watches the plenary's counts move during check-in, downloads the émargement
 * PDF, the XLSX and the CSV (opened with LibreOffice / pdftotext), every download audited;
 * an attendee downloads their attestation and its code verifies on the public page.
 */
async function plenaryId(page: Page): Promise<string> {
  await page.goto("/organisateur/tableau-de-bord");
  const link = page.getByRole("link", { name: /plénière/i }).first();
  const href = await link.getAttribute("href");
  const id = /journees\/([^/]+)\/tableau-de-bord/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`no plenary link (${href})`);
  return id;
}

async function presentCount(page: Page): Promise<number> {
  const dd = page
    .locator("dl[aria-label='Chiffres clés de la journée'] div")
    .filter({ has: page.getByText("Présent·es", { exact: true }) })
    .locator("dd");
  return Number(((await dd.textContent()) ?? "").replace(/\s/g, ""));
}

test("a DDETS reader sees the dashboards (axe clean) and the plenary count moves without reload", async ({ page }) => {
  await signInAs(page, { role: "LECTEUR" });
  await page.goto("/organisateur/tableau-de-bord");
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord du programme" })).toBeVisible();
  await expect(page.getByText("Personnes venues à plusieurs journées")).toBeVisible();
  const byNetwork = page.locator("figure", { hasText: "Par réseau ou fédération de la structure" });
  await byNetwork.getByText("Voir les données du graphique").click();
  await expect(byNetwork.getByRole("rowheader", { name: "Unafo", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  const id = await plenaryId(page);
  await page.goto(`/organisateur/journees/${id}/tableau-de-bord`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("plénière");
  await expectNoA11yViolations(page);
  const before = await presentCount(page);
  const res = await page.request.post("/api/test-hooks/reports", { data: { op: "check-in", slug: DEMO_PLENARY_SLUG } });
  expect(res.ok()).toBe(true);
  await expect.poll(() => presentCount(page), { timeout: 15_000 }).toBe(before + 1);
});

async function download(page: Page, name: RegExp): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emarge-e2e-dl-")), file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

test("a reader downloads the émargement PDF, the XLSX and the CSV; each opens cleanly and is audited", async ({
  page,
}) => {
  await signInAs(page, { role: "LECTEUR" });
  const id = await plenaryId(page);
  const mark = await auditMark(page.request);
  await page.goto(`/organisateur/exports?journeeId=${id}`);
  await expectNoA11yViolations(page);

  const pdf = await download(page, /Feuille d'émargement à signer/);
  const text = await pdfToText(pdf);
  expect(text).toContain("Feuille d'émargement");
  expect(text).toMatch(/Page 1\/\d+/);
  expect(text).toContain("Signature");
  // The production server found the npm font files (decision 018): embedded Noto, no Helvetica.
  const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  expect(fonts).toContain("NotoSans-Regular");
  expect(fonts).not.toContain("Helvetica");

  const xlsx = await download(page, /classeur XLSX/);
  const rows = parseCsv(await libreOfficeToCsv(xlsx));
  const at = rows[0].indexOf("Date de la journée");
  expect(rows[0].slice(1, 3)).toEqual(["Nom", "Prénom"]);
  expect(rows[0][rows[0].indexOf("Type de structure") + 1]).toBe("Réseau ou fédération");
  expect(rows[1][at]).toMatch(/^16\/04\/2024 \d\d:\d\d$/);

  const csv = await download(page, /CSV pour Excel/);
  expect(fs.readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const csvRows = parseCsv(await libreOfficeToCsv(csv, { semicolonCsv: true }));
  expect(csvRows.length).toBe(rows.length);
  expect(csvRows[0]).toEqual(rows[0]);

  const audit = await auditSince(page.request, mark);
  const actions = audit.map((a) => a.action);
  expect(actions).toEqual(
    expect.arrayContaining(["export.emargement-pdf", "export.inscriptions-xlsx", "export.inscriptions-csv"]),
  );
  expect(audit.find((a) => a.action === "export.inscriptions-csv")?.details).toMatchObject({
    filters: { journeeId: id },
  });
});

test("an attendee downloads their attestation and its code verifies on the public page", async ({ page, request }) => {
  const res = await request.post("/api/test-hooks/reports", { data: { op: "attendee", slug: DEMO_PLENARY_SLUG } });
  const who = (await res.json()) as { firstName: string; lastName: string; manageToken: string };
  // From the e-mailed management link, once the journée is over.
  await page.goto(`/inscription/${who.manageToken}`);
  const link = page.getByRole("link", { name: "Télécharger mon attestation de présence (PDF)" });
  await expect(link).toHaveAttribute("href", `/api/attestation/${who.manageToken}`);
  await expectNoA11yViolations(page);
  const pdf = await request.get((await link.getAttribute("href")) as string);
  expect(pdf.status()).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emarge-e2e-att-")), "attestation.pdf");
  fs.writeFileSync(file, await pdf.body());
  const text = await pdfToText(file);
  expect(text).toContain("Attestation de présence");
  expect(text).toContain(who.lastName.toUpperCase());
  const code = /Code de vérification : ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)?.[1];
  expect(code).toBeTruthy();

  await page.goto("/attestations/verifier");
  await page.getByLabel("Code de vérification").fill(code?.toLowerCase().replace("-", " ") ?? "");
  await page.getByRole("button", { name: "Vérifier" }).click();
  const result = page.getByTestId("verification-result");
  await expect(result).toContainText("Attestation authentique");
  await expect(result).toContainText(`${who.firstName} ${who.lastName}`);
  await expect(result).not.toContainText("@");
  await expectNoA11yViolations(page);

  await page.goto("/attestations/verifier?code=ZZZZZ-ZZZZZ");
  await expect(page.getByTestId("verification-result")).toContainText("Aucune attestation");
});
