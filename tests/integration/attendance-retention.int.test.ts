import { describe, expect, it } from "vitest";
import { countersignAs } from "@/lib/attendance/mutations/close";
import { submitDoorSignature } from "@/lib/attendance/mutations/door";
import { recordJustifiedAbsenceAs } from "@/lib/attendance/mutations/justification";
import { normaliseSignature } from "@/lib/attendance/signature-image";
import { getDb } from "@/lib/db/client";
import { applyRetention } from "@/lib/retention/mutations";
import { afterTheDay, attendanceFixture, checkIn, signaturePng, signatureRequest } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

const policy = { fullMonths: 6, proofYears: 3, daily: false, dailyHour: 3 };
const YEAR = 365 * 24 * 3600_000;

/** Decision 008 + 020: signatures are kept with the attendance proof and deleted with it. */
describe(`retention of signatures (${testDbKind()})`, () => {
  it("kept through the proof period, deleted (with history, motives, countersignature) at its end", async () => {
    const f = await attendanceFixture({ count: 2 });
    const [a, b] = f.tickets;
    const key = "journee";
    await checkIn(f.staff, f.journeeId, key, a.registrationId);
    await submitDoorSignature(signatureRequest(f.journeeId, key, a.registrationId), {
      user: f.staff,
      clientIp: "203.0.113.9",
    });
    const actor = { id: f.staff.id, email: f.staff.email, ip: null, name: "Alex" };
    await recordJustifiedAbsenceAs(actor, {
      journeeId: f.journeeId,
      registrationId: b.registrationId,
      partKey: key,
      reason: "Raison de santé",
    });
    const image = normaliseSignature(signaturePng(3));
    if (!image) throw new Error("image");
    await countersignAs(actor, f.journeeId, key, image, afterTheDay());
    const db = await getDb();
    const counts = async () => ({
      signatures: await db.attendanceSignature.count({ where: { journeeId: f.journeeId } }),
      events: await db.signatureEvent.count({ where: { journeeId: f.journeeId } }),
      motives: await db.absenceJustification.count({ where: { journeeId: f.journeeId, reason: { not: "" } } }),
      justified: await db.absenceJustification.count({ where: { journeeId: f.journeeId, status: "ACCEPTED" } }),
      countersigned: await db.halfDaySheet.count({ where: { journeeId: f.journeeId, countersignPng: { not: null } } }),
      checkIns: await db.checkIn.count({ where: { journeeId: f.journeeId } }),
    });
    const all = { signatures: 1, events: 1, motives: 1, justified: 1, countersigned: 1, checkIns: 1 };
    // One year later: stage 1 (contact details gone), the proof — signatures included — stays.
    await applyRetention({ now: new Date(Date.now() + YEAR), policy });
    expect(await counts()).toEqual(all);
    // Four years later: proof period over.
    await applyRetention({ now: new Date(Date.now() + 4 * YEAR), policy });
    expect(await counts()).toEqual({ ...all, signatures: 0, events: 0, motives: 0, countersigned: 0 });
  });
});
