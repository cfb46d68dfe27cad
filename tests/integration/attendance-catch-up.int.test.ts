import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { submitDoorSignature } from "@/lib/attendance/mutations/door";
import { recordScanBatch } from "@/lib/checkin/mutations";
import { getDb } from "@/lib/db/client";
import { attendanceFixture, checkIn, signatureRequest } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

/** Issue 13 point 2: someone present who skipped the pad (« signera plus tard ») is offered it again. */
describe(`catch-up signing (${testDbKind()})`, () => {
  it("a rescan of a present, unsigned person says needsSignature; once signed, no longer", async () => {
    const f = await attendanceFixture({ count: 1 });
    const [a] = f.tickets;
    const key = "journee";
    const rescan = async () => {
      const scan = { nonce: randomUUID(), ticket: a.payload, journeeId: f.journeeId, partKey: key, door: "Porte A" };
      const { results } = await recordScanBatch(f.staff, [
        { ...scan, deviceId: "dev-A", scannedAt: new Date(), method: "QR" as const, offline: false },
      ]);
      return results[0];
    };
    expect(await checkIn(f.staff, f.journeeId, key, a.registrationId)).toMatchObject({
      result: "ok",
      details: { signatureRequired: true, partKey: key },
    });
    expect(await rescan()).toMatchObject({
      result: "already_checked_in",
      details: { needsSignature: true, partKey: key },
    });
    const door = { user: f.staff, clientIp: null };
    expect(await submitDoorSignature(signatureRequest(f.journeeId, key, a.registrationId), door)).toMatchObject({
      ok: true,
    });
    const signed = await rescan();
    expect(signed).toMatchObject({ result: "already_checked_in" });
    expect("result" in signed && signed.details.needsSignature).toBeFalsy();
    // A scan-only journée never asks.
    const g = await attendanceFixture({ count: 1 });
    const db = await getDb();
    await db.journee.update({ where: { id: g.journeeId }, data: { attendanceProof: "SCAN_ONLY" } });
    await checkIn(g.staff, g.journeeId, key, g.tickets[0].registrationId);
    const again = await checkIn(g.staff, g.journeeId, key, g.tickets[0].registrationId);
    expect(again).toMatchObject({ result: "already_checked_in" });
    expect("result" in again && again.details.needsSignature).toBeFalsy();
  });
});
