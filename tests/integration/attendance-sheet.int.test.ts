import { describe, expect, it } from "vitest";
import { countersignAs, reopenAs } from "@/lib/attendance/mutations/close";
import { recordDeparture } from "@/lib/attendance/mutations/departure";
import { attestPresence, submitDoorSignature } from "@/lib/attendance/mutations/door";
import {
  decideJustificationAs,
  recordJustifiedAbsenceAs,
  requestJustificationFor,
} from "@/lib/attendance/mutations/justification";
import { normaliseSignature } from "@/lib/attendance/signature-image";
import { actorFor, recordScanBatch, registerWalkIn, undoCheckIn } from "@/lib/checkin/mutations";
import { getCheckInJournee } from "@/lib/checkin/queries";
import { WalkInSchema } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { manageToken } from "@/lib/security/tokens";
import { afterTheDay, attendanceFixture, checkIn, signaturePng, signatureRequest } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

const offlineScan = (journeeId: string, partKey: string, registrationId: string) => ({
  nonce: "",
  registrationId,
  journeeId,
  partKey,
  door: "Porte B",
  deviceId: "dev-B",
  scannedAt: new Date(Date.now() - 60_000),
  method: "SEARCH" as const,
  offline: true,
  localResult: "ok" as const,
});
const walkInForm = {
  firstName: "Inès",
  lastName: "Tardive",
  structure: "Asso",
  structureType: "ASSOCIATION",
  email: "",
};

/** Issue 13 points 5–6: departures, justified absences, the countersignature closing the half-day. */
describe(`half-day sheet (${testDbKind()})`, () => {
  it("departure once, justified absences, then a closed half-day refuses every change until reopened", async () => {
    const f = await attendanceFixture({ count: 5 });
    const [a, b, c, d, e] = f.tickets;
    const db = await getDb();
    const actor = { id: f.staff.id, email: f.staff.email, ip: null, name: "Alex Organisatrice" };
    const door = { user: f.staff, clientIp: null };
    const key = "journee";
    await checkIn(f.staff, f.journeeId, key, a.registrationId);
    expect(await submitDoorSignature(signatureRequest(f.journeeId, key, a.registrationId), door)).toMatchObject({
      ok: true,
    });
    // A signed presence cannot be undone: the signature would be left without its presence.
    const agent = actorFor(f.staff, { id: f.journeeId, partnerId: "" });
    const aCheckIn = await db.checkIn.findFirstOrThrow({ where: { registrationId: a.registrationId } });
    expect(await undoCheckIn(aCheckIn.id, agent, () => true)).toEqual({ ok: false, reason: "signed" });
    const eScan = await checkIn(f.staff, f.journeeId, key, e.registrationId);
    const eCheckInId = "result" in eScan ? eScan.details.checkIn?.id : undefined;
    if (!eCheckInId) throw new Error("check-in of E");
    const dep = {
      journeeId: f.journeeId,
      partKey: key,
      registrationId: a.registrationId,
      nonce: "depart-a-1",
      door: "Porte A",
      offline: false,
    };
    const first = await recordDeparture(f.staff, dep);
    expect(first).toMatchObject({ ok: true });
    expect(await recordDeparture(f.staff, { ...dep, nonce: "depart-a-2" })).toEqual(first);
    expect(await recordDeparture(f.staff, { ...dep, registrationId: b.registrationId })).toEqual({
      ok: false,
      reason: "not_present",
    });
    // Check-out mode sends the ticket: A's departure is found by it; B, never checked in, is NOT
    // checked in by leaving; a ticket of another journée or a malformed one is unknown here.
    const byTicket = { ...dep, registrationId: undefined, nonce: "depart-a-3", ticket: a.payload };
    expect(await recordDeparture(f.staff, byTicket)).toEqual({
      ...first,
      person: expect.objectContaining({ registrationId: a.registrationId }),
    });
    expect(await recordDeparture(f.staff, { ...byTicket, ticket: b.payload })).toEqual({
      ok: false,
      reason: "not_present",
    });
    expect(await db.checkIn.count({ where: { registrationId: b.registrationId } })).toBe(0);
    const elsewhere = await attendanceFixture({ count: 1 });
    expect(await recordDeparture(f.staff, { ...byTicket, ticket: elsewhere.tickets[0].payload })).toEqual({
      ok: false,
      reason: "unknown_ticket",
    });
    expect(await recordDeparture(f.staff, { ...byTicket, ticket: "pas un billet" })).toEqual({
      ok: false,
      reason: "unknown_ticket",
    });
    // B asks from their link, the organiser accepts; the organiser records C's directly.
    const salt = (await db.registration.findUniqueOrThrow({ where: { id: b.registrationId } })).tokenSalt;
    const asked = await requestJustificationFor({ token: manageToken(salt), partKey: key, reason: "Malade" });
    expect(asked).toEqual({ ok: true });
    expect(await requestJustificationFor({ token: manageToken(salt), partKey: key, reason: "Encore" })).toMatchObject({
      reason: "already_requested",
    });
    const row = await db.absenceJustification.findFirstOrThrow({ where: { registrationId: b.registrationId } });
    expect(await decideJustificationAs(actor, row, true)).toEqual({ ok: true });
    expect(await decideJustificationAs(actor, row, false)).toMatchObject({ reason: "already_decided" });
    const c1 = { journeeId: f.journeeId, registrationId: c.registrationId, partKey: key, reason: "Formation" };
    expect(await recordJustifiedAbsenceAs(actor, c1)).toEqual({ ok: true });
    expect(await recordJustifiedAbsenceAs(actor, { ...c1, registrationId: a.registrationId })).toMatchObject({
      reason: "present",
    });
    // Countersignature closes the sheet, once the half-day is over (the server's clock decides).
    const image = normaliseSignature(signaturePng(9));
    if (!image) throw new Error("image");
    expect(await countersignAs(actor, f.journeeId, key, image)).toEqual({ ok: false, reason: "not_over" });
    const closed = await countersignAs(actor, f.journeeId, key, image, afterTheDay());
    expect(closed).toMatchObject({ ok: true, fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/) });
    expect(await countersignAs(actor, f.journeeId, key, image, afterTheDay())).toMatchObject({
      reason: "sheet_closed",
    });
    // Today's scan, an offline sync, a walk-in and an undo no longer change the closed half-day.
    expect(await checkIn(f.staff, f.journeeId, key, d.registrationId)).toMatchObject({ result: "sheet_closed" });
    const offline = { ...offlineScan(f.journeeId, key, d.registrationId), nonce: "hors-ligne-d-1" };
    const synced = await recordScanBatch(f.staff, [
      offline,
      { ...offline, nonce: "hors-ligne-a-1", registrationId: a.registrationId },
    ]);
    expect(synced.results.map((r) => ("result" in r ? r.result : r.error))).toEqual(["sheet_closed", "sheet_closed"]);
    // A's offline scan is earlier than A's presence, but it no longer takes it over (decision 011).
    expect(await db.checkIn.findFirstOrThrow({ where: { registrationId: a.registrationId } })).toMatchObject({
      checkedInAt: aCheckIn.checkedInAt,
    });
    expect(await db.checkIn.count({ where: { registrationId: d.registrationId } })).toBe(0);
    const journee = await getCheckInJournee({}, f.journeeId);
    if (!journee) throw new Error("journée");
    const walkIn = WalkInSchema.parse({ ...walkInForm, journeeId: f.journeeId, partKey: key, nonce: "sur-place-1" });
    expect(await registerWalkIn(walkIn, journee, agent)).toEqual({ ok: false, reason: "sheet_closed" });
    expect(await db.registration.count({ where: { journeeId: f.journeeId, walkIn: true } })).toBe(0);
    expect(await undoCheckIn(eCheckInId, agent, () => true)).toEqual({ ok: false, reason: "sheet_closed" });
    expect(await db.scanEvent.count({ where: { journeeId: f.journeeId, result: "sheet_closed" } })).toBe(3);
    expect(await submitDoorSignature(signatureRequest(f.journeeId, key, d.registrationId), door)).toEqual({
      ok: false,
      reason: "sheet_closed",
    });
    const attest = {
      journeeId: f.journeeId,
      partKey: key,
      registrationId: d.registrationId,
      reason: "Ne peut pas",
      nonce: "attest-d-1",
      deviceId: "",
      door: "",
    };
    expect(await attestPresence(attest, door)).toEqual({ ok: false, reason: "sheet_closed" });
    expect(await recordDeparture(f.staff, { ...dep, registrationId: e.registrationId, nonce: "depart-e-1" })).toEqual({
      ok: false,
      reason: "sheet_closed",
    });
    expect(await recordJustifiedAbsenceAs(actor, { ...c1, registrationId: b.registrationId })).toMatchObject({
      reason: "sheet_closed",
    });
    expect(await db.attendanceSignature.count({ where: { journeeId: f.journeeId } })).toBe(1);
    // Reopened with a reason (audited): changes are accepted again.
    expect(await reopenAs(actor, f.journeeId, key, "Oubli d'une signature")).toEqual({ ok: true });
    expect(await checkIn(f.staff, f.journeeId, key, d.registrationId)).toMatchObject({ result: "ok" });
    expect(await submitDoorSignature(signatureRequest(f.journeeId, key, d.registrationId), door)).toMatchObject({
      ok: true,
    });
    const audit = await db.auditLog.findMany({
      where: { action: { startsWith: "attendance.sheet_" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(["attendance.sheet_closed", "attendance.sheet_reopened"]);
    expect(audit[1].details).toMatchObject({ reason: "Oubli d'une signature" });
  });
});
