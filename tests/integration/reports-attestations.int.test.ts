import fs from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as downloadAttestation } from "@/app/api/attestation/[token]/route";
import { getDb } from "@/lib/db/client";
import { parisTime } from "@/lib/format/dates";
import { buildExport } from "@/lib/reports/exports";
import { assignAttestationCodes, auditExport } from "@/lib/reports/mutations";
import { findAttestationByCode } from "@/lib/reports/queries";
import { CODE_ALPHABET, exportFiltersSchema, formatAttestationCode } from "@/lib/reports/schema";
import { manageToken } from "@/lib/security/tokens";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { pdfToText, writeTemp } from "@/tests/fixtures/office";
import { seedReportFixture } from "./reports-fixture";

let f: Awaited<ReturnType<typeof seedReportFixture>>;
beforeAll(async () => {
  f = await seedReportFixture();
});

const call = (token: string) =>
  downloadAttestation(new Request(`http://localhost/api/attestation/${token}`), { params: Promise.resolve({ token }) });

describe("attestations de présence", () => {
  it("bulk zip: one PDF per attendee only, each with identity, half-days, duration and a code", async () => {
    const result = await buildExport({}, "attestations-zip", exportFiltersSchema.parse({ journeeId: f.plenary.id }));
    if (!result.ok) throw new Error(result.reason);
    const files = unzipSync(new Uint8Array(result.body as Buffer));
    const pdfs = Object.keys(files).filter((n) => n.endsWith(".pdf"));
    expect(pdfs).toHaveLength(3); // Zoé, Jérôme, Loïc — not the no-show, the waitlisted or the cancelled
    expect(strFromU8(files["LISEZMOI.txt"])).toContain("3 attestations. Vérification");
    const zoeName = pdfs.find((n) => n.includes("Lef"));
    const text = await pdfToText(await writeTemp("zoe.pdf", files[zoeName ?? ""]));
    expect(text).toContain("Attestation de présence");
    expect(text).toContain("Zoé LEFÈVRE");
    expect(text).toContain("CCAS d'Aix-en-Provence");
    expect(text).toContain("mardi 16 avril 2024");
    expect(text).toContain("Palais du Pharo");
    expect(text).toContain("Présence : Matinée, Après-midi");
    // Hours actually attended: 9 h 05 – 12 h 30 and 14 h 02 – 17 h 00, not the half-days' 6 h 30.
    expect(text).toContain("Matinée : présent (arrivée 9 h 05) - 3 h 25");
    expect(text).toContain("Durée de présence : 6 h 23");
    const db = await getDb();
    const zoe = await db.registration.findUniqueOrThrow({ where: { id: f.people.zoe.id } });
    expect(zoe.attestationCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
    expect(text).toContain(`Code de vérification : ${formatAttestationCode(zoe.attestationCode ?? "")}`);
    const anais = await db.registration.findUniqueOrThrow({ where: { id: f.people.anais.id } });
    expect(anais.attestationCode).toBeNull();
  });

  it("codes are assigned once (idempotent) and verify to exactly what the attestation shows", async () => {
    expect(await assignAttestationCodes(f.plenary.id)).toBe(0);
    const db = await getDb();
    const loic = await db.registration.findUniqueOrThrow({ where: { id: f.people.loic.id } });
    const found = await findAttestationByCode(loic.attestationCode ?? "");
    expect(found).toMatchObject({ firstName: "Loïc", lastName: "Sœur", halfDays: ["Après-midi"], minutes: 165 });
    expect(await findAttestationByCode("ZZZZZZZZZZ")).toBeNull();
  });

  it("the attendee downloads their own attestation with the management link, only if they came", async () => {
    const ok = await call(manageToken(f.people.jerome.tokenSalt));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    const file = await writeTemp("jerome.pdf", Buffer.from(await ok.arrayBuffer()));
    expect(await pdfToText(file)).toContain("Jérôme ÇELIK");
    await fs.rm(file);
    expect((await call(manageToken(f.people.anais.tokenSalt))).status).toBe(404); // no-show
    expect((await call(manageToken(f.people.helene.tokenSalt))).status).toBe(404); // cancelled
    expect((await call("not-a-token")).status).toBe(404);
  });

  it("is refused before the end of the journée", async () => {
    const future = await makeJournee({ partnerId: f.partner.id });
    const r = await insertRegistration(future.id, "tot@example.org");
    const db = await getDb();
    await db.checkIn.create({
      data: { registrationId: r.id, journeeId: future.id, partKey: "journee", checkedInAt: new Date(), method: "QR" },
    });
    expect((await call(manageToken(r.tokenSalt))).status).toBe(403);
    const zip = await buildExport({}, "attestations-zip", exportFiltersSchema.parse({ journeeId: future.id }));
    expect(zip).toEqual({ ok: false, reason: "not_finished" });
  });

  it("a late arrival and an early departure: the statuses and the hours actually attended (point 5)", async () => {
    const db = await getDb();
    // Jérôme arrives at 9 h 40 (after 9 h 00 + 15 min) and leaves at 11 h 30: 1 h 50 of the morning.
    await db.checkIn.updateMany({
      where: { registrationId: f.people.jerome.id, partKey: f.morning.id },
      data: { checkedInAt: parisTime("2024-04-16", "09:40"), departedAt: parisTime("2024-04-16", "11:30") },
    });
    await db.absenceJustification.create({
      data: {
        journeeId: f.plenary.id,
        registrationId: f.people.jerome.id,
        partKey: f.afternoon.id,
        reason: "Rendez-vous médical",
        status: "ACCEPTED",
        source: "ORGANISER",
      },
    });
    const res = await call(manageToken(f.people.jerome.tokenSalt));
    expect(res.status).toBe(200);
    const file = await writeTemp("jerome-tard.pdf", Buffer.from(await res.arrayBuffer()));
    const text = (await pdfToText(file)).replace(/\s+/g, " ");
    await fs.rm(file);
    expect(text).toContain("Présence : Matinée");
    expect(text).toContain("Matinée : en retard (arrivée 9 h 40), parti avant la fin (départ 11 h 30) - 1 h 50");
    expect(text).toContain("Après-midi : absence justifiée : Rendez-vous médical");
    expect(text).toContain("Durée de présence : 1 h 50");
  });

  it("every export is audited with who, what and which filters", async () => {
    const user = { id: "u-lecteur", email: "lecteur@ddets.example.org", name: null, grants: [] };
    const filters = exportFiltersSchema.parse({ journeeId: f.plenary.id, partId: f.morning.id, status: "present" });
    await auditExport(user, "inscriptions-xlsx", filters, { rows: 2 });
    const db = await getDb();
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "export.inscriptions-xlsx" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({
      actorId: "u-lecteur",
      actorLabel: "lecteur@ddets.example.org",
      entityType: "Journee",
      entityId: f.plenary.id,
    });
    expect(entry.details).toMatchObject({
      kind: "inscriptions-xlsx",
      rows: 2,
      filters: { journeeId: f.plenary.id, partId: f.morning.id, status: "present" },
    });
    expect(entry.at).toBeInstanceOf(Date);
  });
});
