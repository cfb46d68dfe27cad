import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, keepResults, makeFixture, scanCode, tabTo } from "./fixtures/checkin";
import { cameraContext, launchWithCamera, qrVideo } from "./fixtures/fake-camera";
import { drawOnPad } from "./fixtures/room";

/**
 * Issue 13 point 2: after an ok scan the door's phone shows a full-screen pad; a signature drawn with
 * pointer events is stored (the proof file lists it with its SHA-256) and the scanner is ready again.
 */
type Proof = { records: { personName: string; method: string; sha256: string | null; offline: boolean }[] };
async function proof(request: APIRequestContext, journeeId: string): Promise<Proof> {
  const res = await request.get(`/api/attendance/proof?journeeId=${journeeId}&partKey=journee`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as Proof;
}

test("door: the camera scans a ticket, the person signs on the phone, the signature is stored", async ({ request }) => {
  const fx = await makeFixture(request, {
    signatures: true,
    people: [{ firstName: "Inès", lastName: "Signataire", structure: "Habitat Alpin" }],
  });
  const browser = await launchWithCamera(await qrVideo(fx.tickets[0].payload, `sign-${fx.slug}`));
  try {
    const context = await cameraContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo", name: "Agent Signature" });
    // The scan's own result outlives the pad: once signed, it must not pop up over the next ticket.
    await keepResults(page);
    await page.goto(accueilUrl(fx.journeeId));
    await page.getByRole("button", { name: "Scanner avec la caméra" }).click();

    const dialog = page.getByRole("dialog", { name: "Signez ici" });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(dialog).toContainText("Inès Signataire — Journée entière");
    const valider = dialog.getByRole("button", { name: "Valider" });
    await expect(valider).toBeDisabled();
    await expect(dialog.getByRole("img", { name: /Zone de signature/ })).toBeVisible();
    await expectNoA11yViolations(page);

    await drawOnPad(page);
    await expect(dialog.getByRole("status")).toHaveText("Signature tracée.");
    await expect(valider).toBeEnabled();
    // Keyboard: Effacer then Valider are reachable with Tab.
    await tabTo(page, valider);
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(page.getByLabel("Code du billet (douchette ou saisie)")).toBeFocused();
    await expect(
      page.getByRole("status").filter({ hasText: "Signature enregistrée : Inès Signataire" }),
    ).toBeAttached();

    const { records } = await proof(page.request, fx.journeeId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ personName: expect.stringContaining("Signataire"), method: "DOOR_DEVICE" });
    expect(records[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // The drawn signature is on the signed émargement: the PDF holds its image next to the name.
    const pdf = await page.request.get(`/api/attendance/sheet-pdf?journeeId=${fx.journeeId}&partKey=journee`);
    expect(pdf.ok()).toBe(true);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emarge-e2e-door-")), "feuille.pdf");
    fs.writeFileSync(file, await pdf.body());
    expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).toContain("SIGNATAIRE");
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(images).toHaveLength(1);
  } finally {
    await browser.close();
  }
});

test("door: « signera plus tard » skips and a rescan offers the pad again; « attester la présence » records the agent's attestation", async ({
  page,
}) => {
  const fx = await makeFixture(page.request, {
    signatures: true,
    people: [
      { firstName: "Léo", lastName: "Plustard" },
      { firstName: "Maud", lastName: "Attestée" },
    ],
  });
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
  await page.goto(accueilUrl(fx.journeeId));
  const dialog = page.getByRole("dialog", { name: "Signez ici" });
  await scanCode(page, fx.tickets[0].payload);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Signera plus tard" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel("Code du billet (douchette ou saisie)")).toBeFocused();

  await scanCode(page, fx.tickets[1].payload);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Attester la présence" }).click();
  await dialog.getByLabel(/Présence attestée par l'agent/).fill("Main blessée");
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Enregistrer l'attestation" }).click();
  await expect(dialog).toHaveCount(0);

  const { records } = await proof(page.request, fx.journeeId);
  expect(records.map((r) => r.method)).toEqual(["AGENT_ATTESTED"]);

  // Catch-up: Léo, present but unsigned, is offered the pad again when scanned again; Maud is not.
  await scanCode(page, fx.tickets[0].payload);
  await expect(page.getByRole("status").filter({ hasText: "Léo Plustard" })).toContainText("Déjà enregistré·e");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Léo Plustard");
  await drawOnPad(page);
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog).toHaveCount(0);
  await scanCode(page, fx.tickets[1].payload);
  await expect(page.getByRole("status").filter({ hasText: "Maud Attestée" })).toContainText("Déjà enregistré·e");
  await expect(dialog).toHaveCount(0);
  const after = await proof(page.request, fx.journeeId);
  expect(after.records.map((r) => r.method)).toEqual(["AGENT_ATTESTED", "DOOR_DEVICE"]);
});

test("door offline: the signature waits in the queue after its scan and is stored once on reconnection", async ({
  page,
  context,
}) => {
  const fx = await makeFixture(page.request, {
    signatures: true,
    people: [{ firstName: "Hors", lastName: "Réseau" }],
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
  await page.goto(accueilUrl(fx.journeeId));
  await expect(page.getByTestId("donnees-locales")).toContainText("Données hors ligne à jour de");
  await context.setOffline(true);
  await expect(page.getByTestId("etat-reseau")).toContainText("Hors ligne");
  await scanCode(page, fx.tickets[0].payload);
  const dialog = page.getByRole("dialog", { name: "Signez ici" });
  await expect(dialog).toBeVisible();
  await drawOnPad(page);
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "hors ligne, envoyée au retour du réseau" })).toBeAttached();

  await context.setOffline(false);
  await expect.poll(async () => (await proof(page.request, fx.journeeId)).records, { timeout: 30_000 }).toHaveLength(1);
  const { records } = await proof(page.request, fx.journeeId);
  expect(records[0]).toMatchObject({ method: "DOOR_DEVICE", offline: true });
  // A second sync (reload: the queue is empty) adds nothing.
  await page.reload();
  await expect(page.getByTestId("etat-reseau")).toContainText("En ligne");
  expect((await proof(page.request, fx.journeeId)).records).toHaveLength(1);
});
