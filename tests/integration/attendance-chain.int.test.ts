import { describe, expect, it } from "vitest";
import { countersignAs } from "@/lib/attendance/mutations/close";
import { submitDoorSignature } from "@/lib/attendance/mutations/door";
import { recordJustifiedAbsenceAs } from "@/lib/attendance/mutations/justification";
import { proofRecords, verifySheet } from "@/lib/attendance/queries/proof";
import { roomStatus } from "@/lib/attendance/queries/room";
import { signedSheetData } from "@/lib/attendance/queries/sheet";
import { normaliseSignature } from "@/lib/attendance/signature-image";
import { getDb } from "@/lib/db/client";
import {
  afterTheDay,
  attendanceFixture,
  checkIn,
  makeStaff,
  signaturePng,
  signatureRequest,
} from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

/** Issue 13 point 8: the chain detects a deleted and a modified record; the sheet's code verifies (both databases). */
async function closedSheetWithThree() {
  const f = await attendanceFixture({ count: 4 });
  const key = "journee";
  const door = { user: f.staff, clientIp: "198.51.100.4" };
  for (const [i, t] of f.tickets.slice(0, 3).entries()) {
    await checkIn(f.staff, f.journeeId, key, t.registrationId);
    expect(await submitDoorSignature(signatureRequest(f.journeeId, key, t.registrationId, i), door)).toMatchObject({
      ok: true,
    });
  }
  const actor = { id: f.staff.id, email: f.staff.email, ip: null, name: "Alex Organisatrice" };
  await recordJustifiedAbsenceAs(actor, {
    journeeId: f.journeeId,
    registrationId: f.tickets[3].registrationId,
    partKey: key,
    reason: "Formation",
  });
  const image = normaliseSignature(signaturePng(5));
  if (!image) throw new Error("image");
  const closed = await countersignAs(actor, f.journeeId, key, image, afterTheDay());
  if (!closed.ok) throw new Error("close");
  return { f, key, ...closed };
}

describe(`signature chain (${testDbKind()})`, () => {
  it("an intact sheet: proof file, signed sheet data, room status and verification all agree", async () => {
    const { f, key, verificationCode, fingerprint } = await closedSheetWithThree();
    const proof = await proofRecords(f.staff, f.journeeId, key);
    expect(proof?.chainValid).toBe(true);
    expect(proof?.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(proof?.records[0]).toMatchObject({
      method: "DOOR_DEVICE",
      clientIp: "198.51.100.4",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(proof?.sheet).toMatchObject({
      verificationCode,
      fingerprint,
      countersignature: { name: "Alex Organisatrice" },
    });
    const sheet = await signedSheetData(f.staff, f.journeeId);
    const rows = sheet?.halfDays[0].rows ?? [];
    expect(rows.filter((r) => r.signature.kind === "image")).toHaveLength(3);
    expect(rows.find((r) => r.presence === "justified")).toMatchObject({
      justification: "Formation",
      signature: { kind: "missing" },
    });
    expect(sheet?.halfDays[0]).toMatchObject({ verificationCode, fingerprint });
    expect(await roomStatus(f.staff, f.journeeId, key)).toEqual({ signatures: 3, present: 3 });
    expect(await verifySheet(verificationCode, fingerprint.toLowerCase().replaceAll("-", " "))).toMatchObject({
      found: true,
      matches: true,
      count: 3,
    });
    expect(await verifySheet(verificationCode, "0000-0000-0000-0000")).toMatchObject({ found: true, matches: false });
    expect(await verifySheet("EM-NOPE", fingerprint)).toMatchObject({ found: false });
    // Out of scope: an agent of another journée reads nothing.
    const stranger = await makeStaff("LECTEUR", "another-journee");
    expect(await proofRecords(stranger, f.journeeId, key)).toBeNull();
    expect(await signedSheetData(stranger, f.journeeId)).toBeNull();
  });

  it("detects a deleted record", async () => {
    const { f, key, verificationCode, fingerprint } = await closedSheetWithThree();
    const db = await getDb();
    await db.attendanceSignature.deleteMany({ where: { journeeId: f.journeeId, chainSeq: 2 } });
    const proof = await proofRecords(f.staff, f.journeeId, key);
    expect(proof?.check).toEqual({ valid: false, brokenAtSeq: 2, problem: "missing_record" });
    expect(await verifySheet(verificationCode, fingerprint)).toMatchObject({ found: true, matches: false });
    // The last record removed: caught by the sheet's head.
    await db.attendanceSignature.deleteMany({ where: { journeeId: f.journeeId, chainSeq: 3 } });
    expect((await proofRecords(f.staff, f.journeeId, key))?.check).toMatchObject({
      valid: false,
      problem: "head_mismatch",
    });
  });

  it("detects a modified record and a swapped image", async () => {
    const { f, key, verificationCode, fingerprint } = await closedSheetWithThree();
    const db = await getDb();
    await db.attendanceSignature.updateMany({
      where: { journeeId: f.journeeId, chainSeq: 2 },
      data: { door: "Porte Z" },
    });
    expect((await proofRecords(f.staff, f.journeeId, key))?.check).toEqual({
      valid: false,
      brokenAtSeq: 2,
      problem: "modified_record",
    });
    expect(await verifySheet(verificationCode, fingerprint)).toMatchObject({ matches: false });
    await db.attendanceSignature.updateMany({
      where: { journeeId: f.journeeId, chainSeq: 2 },
      data: { door: "Porte 1" },
    });
    expect((await proofRecords(f.staff, f.journeeId, key))?.chainValid).toBe(true);
    const other = normaliseSignature(signaturePng(42));
    await db.attendanceSignature.updateMany({
      where: { journeeId: f.journeeId, chainSeq: 1 },
      data: { png: new Uint8Array(other?.png ?? []) },
    });
    expect((await proofRecords(f.staff, f.journeeId, key))?.check).toEqual({
      valid: false,
      brokenAtSeq: 1,
      problem: "image_changed",
    });
  });
});
