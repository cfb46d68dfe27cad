import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { submitDoorSignature } from "@/lib/attendance/mutations/door";
import { proofRecords } from "@/lib/attendance/queries/proof";
import { recordScanBatch } from "@/lib/checkin/mutations";
import { getDb } from "@/lib/db/client";
import { attendanceFixture, checkIn, signatureRequest } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

/** Issue 13 point 9: offline signatures sync exactly once; one made after an offline_conflict scan is not counted twice. */
describe(`offline signatures (${testDbKind()})`, () => {
  const offlineScan = (journeeId: string, registrationId: string, at: Date) => ({
    nonce: randomUUID(),
    registrationId,
    journeeId,
    partKey: "journee",
    door: "Porte hors ligne",
    deviceId: "dev-offline",
    scannedAt: at,
    method: "SEARCH" as const,
    offline: true,
    localResult: "ok" as const,
  });

  it("a queue synced twice stores each signature once", async () => {
    const f = await attendanceFixture({ count: 1 });
    const [p] = f.tickets;
    const at = new Date(Date.now() - 10 * 60_000);
    const scan = offlineScan(f.journeeId, p.registrationId, at);
    const sig = { ...signatureRequest(f.journeeId, "journee", p.registrationId), offline: true, clientSignedAt: at };
    const door = { user: f.staff, clientIp: null };
    for (let round = 0; round < 2; round++) {
      const { results } = await recordScanBatch(f.staff, [scan]);
      expect(results[0]).toMatchObject({ result: "ok" });
      const outcome = await submitDoorSignature(sig, door);
      expect(outcome).toEqual({ ok: true, status: round === 0 ? "signed" : "replayed" });
    }
    const db = await getDb();
    const stored = await db.attendanceSignature.findMany({ where: { registrationId: p.registrationId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ offline: true, clientSignedAt: at });
    expect(await db.signatureEvent.count({ where: { nonce: sig.nonce } })).toBe(1);
  });

  it("a signature whose scan became offline_conflict stays in the history, counted once", async () => {
    const f = await attendanceFixture({ count: 1 });
    const [p] = f.tickets;
    const door = { user: f.staff, clientIp: null };
    // Online door B checks the person in and they sign there.
    await checkIn(f.staff, f.journeeId, "journee", p.registrationId);
    expect(
      await submitDoorSignature(signatureRequest(f.journeeId, "journee", p.registrationId, 1), door),
    ).toMatchObject({ ok: true });
    // Offline door A had scanned them a minute later and had them sign too; it syncs now.
    const later = new Date(Date.now() + 1000);
    const { results } = await recordScanBatch(f.staff, [offlineScan(f.journeeId, p.registrationId, later)]);
    expect(results[0]).toMatchObject({ result: "offline_conflict" });
    const sig = {
      ...signatureRequest(f.journeeId, "journee", p.registrationId, 2),
      offline: true,
      clientSignedAt: later,
    };
    expect(await submitDoorSignature(sig, door)).toEqual({ ok: false, reason: "offline_conflict" });
    expect(await submitDoorSignature(sig, door)).toEqual({ ok: false, reason: "offline_conflict" });
    const db = await getDb();
    expect(await db.attendanceSignature.count({ where: { registrationId: p.registrationId } })).toBe(1);
    const history = await db.signatureEvent.findMany({
      where: { registrationId: p.registrationId },
      orderBy: { receivedAt: "asc" },
    });
    expect(history.map((h) => [h.result, h.offline])).toEqual([
      ["signed", false],
      ["offline_conflict", true],
    ]);
    expect((await proofRecords(f.staff, f.journeeId, "journee"))?.records).toHaveLength(1);
  });
});
