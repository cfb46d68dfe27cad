import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { auditMark, auditSince, signInAs } from "./fixtures/auth";
import { expectNoA11yViolations } from "./fixtures/axe";
import { accueilUrl, makeFixture } from "./fixtures/checkin";
import { mailsTo, waitForMail } from "./fixtures/mail";

/**
 * An organiser exports the scan history from its page (filters, CSV and XLSX, audited), and
 * e-mails the attestations of a finished journée from the exports page (sent in the background,
 * progress shown, each attendee once). axe on both pages.
 */
test("the history marks an offline scan synced after the door closed, and only that one", async ({ page, request }) => {
  // Ended 2 h ago: within the 12 h grace, an offline scan from the door is still accepted (decision 017).
  const fx = await makeFixture(request, {
    window: "closed",
    people: [
      { firstName: "Tardif", lastName: "Sync" },
      { firstName: "Direct", lastName: "Scan" },
    ],
  });
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
  const atTheDoor = new Date(Date.now() - 6 * 3600_000).toISOString();
  const sent = await page.request.post("/api/checkin", {
    data: {
      scans: [
        {
          nonce: `e2e-late-${Math.random().toString(36).slice(2)}`,
          ticket: fx.tickets[0].payload,
          journeeId: fx.journeeId,
          partKey: fx.partKeys[0],
          deviceId: "tel-hors-ligne",
          scannedAt: atTheDoor,
          offline: true,
          localResult: "ok",
        },
        // Online, now: refused (the door is closed), recorded, not a late sync.
        {
          nonce: `e2e-now-${Math.random().toString(36).slice(2)}`,
          ticket: fx.tickets[1].payload,
          journeeId: fx.journeeId,
          partKey: fx.partKeys[0],
          deviceId: "tel-en-ligne",
          scannedAt: new Date().toISOString(),
        },
      ],
    },
  });
  expect(sent.ok()).toBe(true);
  expect((await sent.json()).results[0]).toMatchObject({ result: "ok" });

  await page.goto(`${accueilUrl(fx.journeeId)}/historique`);
  const row = page.getByRole("row", { name: /Tardif Sync/ });
  await expect(row).toContainText(/Hors ligne, reçu après la fermeture \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)/);
  await expect(row.locator("td[data-late-sync]")).toHaveCount(1);
  await expect(page.getByRole("row", { name: /Direct Scan/ })).toContainText("En direct");
  await expect(page.locator("td[data-late-sync]")).toHaveCount(1);
  await expectNoA11yViolations(page);
});

test("an organiser exports the scan history of a journée, filtered, as CSV and XLSX", async ({ page, request }) => {
  const fx = await makeFixture(request, { halfDays: true, people: [{ firstName: "Inès", lastName: "Béchir" }] });
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
  const scan = (ticket: string) => ({
    nonce: `e2e-${Math.random().toString(36).slice(2)}`,
    ticket,
    journeeId: fx.journeeId,
    partKey: fx.partKeys[0],
    door: "Porte Nord",
    deviceId: "tel-e2e",
    method: "QR",
    scannedAt: new Date().toISOString(),
  });
  const sent = await page.request.post("/api/checkin", {
    data: { scans: [scan(fx.tickets[0].payload), scan("EMT1.AAAAAAAAAAAAAAAAAAAAAA")] },
  });
  expect(sent.ok()).toBe(true);

  await page.goto(`${accueilUrl(fx.journeeId)}/historique`);
  await expect(page.getByRole("heading", { name: "Exporter l'historique" })).toBeVisible();
  await expectNoA11yViolations(page);

  const mark = await auditMark(request);
  await page.getByLabel("Résultat").selectOption("unknown");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger en CSV (Excel)" }).click(),
  ]);
  const text = fs.readFileSync((await csv.path()) ?? "", "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split("\r\n").filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(
    /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d;Matinée;Porte Nord;tel-e2e;.*;unknown;Billet inconnu;inconnu;/,
  );

  await page.getByLabel("Résultat").selectOption("");
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger en XLSX" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^historique-scans-.+\.xlsx$/);
  expect(
    fs
      .readFileSync((await xlsx.path()) ?? "")
      .subarray(0, 2)
      .toString(),
  ).toBe("PK");

  const entries = await auditSince(request, mark, ["export.historique-scans-csv", "export.historique-scans-xlsx"]);
  expect(entries.map((e) => [e.action, e.details.rows])).toEqual([
    ["export.historique-scans-csv", 1],
    ["export.historique-scans-xlsx", 2],
  ]);
});

test("an organiser e-mails the attestations: sent after the answer, to attendees only, once", async ({
  page,
  request,
}) => {
  const stamp = Date.now().toString(36);
  const email = (who: string) => `${who}-${stamp}@example.org`;
  const fx = await makeFixture(request, {
    window: "past",
    people: [
      { firstName: "Zoé", lastName: "Présente", email: email("zoe") },
      { firstName: "Noël", lastName: "Présent", email: email("noel") },
      { firstName: "Anaïs", lastName: "Absente", email: email("anais") },
    ],
  });
  for (let i = 0; i < 2; i++) {
    const res = await request.post("/api/test-hooks/reports", { data: { op: "check-in", slug: fx.slug } });
    expect(res.ok()).toBe(true);
  }
  await signInAs(page, { role: "ORGANISATEUR", partnerSlug: "unafo" });
  await page.goto(`/organisateur/exports?journeeId=${fx.journeeId}`);
  const progress = page.getByTestId("attestations-progress");
  await expect(progress).toHaveText(/Attestations envoyées : 0 sur 2 /);
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Envoyer les attestations" }).click();
  await expect(page.getByRole("status")).toContainText("Envoi lancé");
  await expectNoA11yViolations(page);
  for (const who of ["zoe", "noel"]) {
    const mail = await waitForMail(email(who), /Votre attestation de présence/);
    expect(mail.attachments.filter((a) => a.contentType === "application/pdf")).toHaveLength(1);
  }
  await expect(async () => {
    await page.reload();
    await expect(progress).toHaveText(/Attestations envoyées : 2 sur 2 personnes présentes.*2 envoyées, 0 échec\./, {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("button", { name: /Envoyer/ })).toHaveCount(0);
  expect(await mailsTo(email("anais"))).toHaveLength(0);
  expect(await mailsTo(email("zoe"))).toHaveLength(1);
});
