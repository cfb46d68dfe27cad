import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SIGNED_PEOPLE, seedSignedSheet } from "@/e2e/support/attendance-docs";
import { verifySheet } from "@/lib/attendance/queries/proof";
import { getDb } from "@/lib/db/client";
import { proofAnnexDocument, signedSheetDocument } from "@/lib/reports/signed-documents";
import { makeStaff } from "@/tests/fixtures/attendance";
import { makePartner } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

function pdfTools(pdf: Buffer) {
  const file = path.join(os.tmpdir(), `docs-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
    return { text, images: images.length };
  } finally {
    fs.rmSync(file);
  }
}

/** Issue 13 points 7–8: the signed émargement PDF and the proof annex, from the stored records. */
describe(`signed émargement documents (${testDbKind()})`, () => {
  it("prints every status, the signatures, the code and fingerprint; readers only; audited", async () => {
    const db = await getDb();
    if ((await db.partner.count()) === 0) await makePartner();
    const s = await seedSignedSheet();
    const lecteur = await makeStaff("LECTEUR");
    const doc = await signedSheetDocument(lecteur, s.journeeId, null, "198.51.100.2");
    if (!doc) throw new Error("no document");
    expect(doc.filename).toMatch(/^feuille-d-émargement-signée-journée-émargement-signé-\d{4}-\d{2}-\d{2}\.pdf$/);
    const { text, images } = pdfTools(doc.pdf);
    for (const name of Object.values(SIGNED_PEOPLE)) expect(text).toContain(name.toUpperCase());
    expect(text).toContain("attestée par l'agent : main blessée");
    expect(text).toContain("absence justifiée : arrêt maladie");
    expect(text).toMatch(/absent.*absent/);
    expect(text).toContain(`Code de vérification ${s.verificationCode}`);
    expect(text).toContain(`empreinte ${s.fingerprint}`);
    expect(text).toContain("page 1 / 1");
    expect(text).toContain("Alex Organisatrice");
    expect(text).toContain("/attestations/verifier/emargement");
    // Two drawn signatures and the countersignature.
    expect(images).toBe(3);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "export.emargement-signe-pdf" } });
    expect(audit).toMatchObject({ actorId: lecteur.id, entityId: s.journeeId, ip: "198.51.100.2" });
    // Someone else's journée is unknown; an unknown half-day too.
    const other = await makeStaff(
      "ORGANISATEUR",
      (await db.journee.create({ data: otherJournee((await db.partner.findFirstOrThrow()).id) })).id,
    );
    expect(await signedSheetDocument(other, s.journeeId, null, null)).toBeNull();
    expect(await signedSheetDocument(lecteur, s.journeeId, "nope", null)).toBeNull();
    expect(await proofAnnexDocument(other, s.journeeId, s.partKey, null)).toBeNull();
    expect(await verifySheet(s.verificationCode, s.fingerprint)).toMatchObject({ found: true, matches: true });
  });

  it("the proof annex says the chain is valid, then broken after a record is changed or deleted", async () => {
    const db = await getDb();
    if ((await db.partner.count()) === 0) await makePartner();
    const s = await seedSignedSheet();
    const valid = await proofAnnexDocument(s.staff, s.journeeId, s.partKey, null);
    if (!valid) throw new Error("no annex");
    expect(valid.filename).toMatch(/^dossier-de-preuve-journée-émargement-signé-journée-\d{4}-\d{2}-\d{2}\.pdf$/);
    const ok = pdfTools(valid.pdf).text;
    expect(ok).toContain("Chaîne d'intégrité VALIDE : les 3 enregistrements se suivent");
    for (const t of ["n° 1", "n° 3", "Téléphone accueil 1", "Porte A", "203.0.113.7", "Présence attestée par l'agent"])
      expect(ok).toContain(t);
    const records = await db.attendanceSignature.findMany({
      where: { journeeId: s.journeeId },
      orderBy: { chainSeq: "asc" },
    });
    expect(ok).toContain(records[0].recordHash);
    expect(ok).toContain(records[0].pngSha256 ?? "missing");
    expect(await db.auditLog.count({ where: { action: "export.dossier-preuve-pdf" } })).toBe(1);

    await db.attendanceSignature.update({ where: { id: records[1].id }, data: { door: "Porte Z" } });
    const changed = pdfTools(
      (await proofAnnexDocument(s.staff, s.journeeId, s.partKey, null))?.pdf ?? Buffer.alloc(0),
    ).text;
    expect(changed).toContain("Chaîne d'intégrité ROMPUE au rang 2 : un enregistrement a été modifié");
    expect(await verifySheet(s.verificationCode, s.fingerprint)).toMatchObject({ found: true, matches: false });

    await db.attendanceSignature.update({ where: { id: records[1].id }, data: { door: records[1].door } });
    await db.attendanceSignature.delete({ where: { id: records[0].id } });
    const deleted = pdfTools(
      (await proofAnnexDocument(s.staff, s.journeeId, s.partKey, null))?.pdf ?? Buffer.alloc(0),
    ).text;
    expect(deleted).toContain("Chaîne d'intégrité ROMPUE au rang 1 : un enregistrement manque");
  });
});

function otherJournee(partnerId: string) {
  const at = new Date("2030-01-10T09:00:00Z");
  return {
    slug: `autre-${Date.now()}`,
    title: "Autre journée",
    city: "Nice",
    venue: "Salle",
    address: "1 rue",
    startsAt: at,
    endsAt: new Date(at.getTime() + 8 * 3600e3),
    capacity: 10,
    registrationOpensAt: new Date("2029-12-01T09:00:00Z"),
    registrationClosesAt: new Date("2030-01-09T09:00:00Z"),
    partnerId,
  };
}
