import { describe, expect, it } from "vitest";
import { attestPresence, submitDoorSignature } from "@/lib/attendance/mutations/door";
import { signWithRoomCodeFor } from "@/lib/attendance/mutations/own-phone";
import { roomStatus } from "@/lib/attendance/queries/room";
import { currentRoomCode } from "@/lib/attendance/room-code";
import { getDb } from "@/lib/db/client";
import { manageToken } from "@/lib/security/tokens";
import { attendanceFixture, checkIn, signaturePng, signatureRequest } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

const secret = "s".repeat(40);

/** Issue 13 point 1: a scan-only journée takes no signature, whatever a device or a phone sends. */
describe(`scan-only journée (${testDbKind()})`, () => {
  it("refuses the door's signature, the agent's attestation, the own-phone signature and the room code", async () => {
    const f = await attendanceFixture({ count: 2 });
    const db = await getDb();
    await db.journee.update({ where: { id: f.journeeId }, data: { attendanceProof: "SCAN_ONLY" } });
    const [a, b] = f.tickets;
    const key = "journee";
    expect(await checkIn(f.staff, f.journeeId, key, a.registrationId)).toMatchObject({ result: "ok" });
    const door = { user: f.staff, clientIp: null };
    expect(await submitDoorSignature(signatureRequest(f.journeeId, key, a.registrationId), door)).toEqual({
      ok: false,
      reason: "scan_only",
    });
    const attest = { journeeId: f.journeeId, partKey: key, registrationId: a.registrationId, reason: "Ne peut pas" };
    expect(await attestPresence({ ...attest, nonce: "atteste-a-1", deviceId: "", door: "" }, door)).toEqual({
      ok: false,
      reason: "scan_only",
    });
    const salt = (await db.registration.findUniqueOrThrow({ where: { id: b.registrationId } })).tokenSalt;
    const { code } = currentRoomCode(secret, f.journeeId, key, new Date());
    const own = { token: manageToken(salt), code, png: signaturePng(2) };
    expect(await signWithRoomCodeFor(own, { secret, clientIp: null })).toEqual({ ok: false, reason: "scan_only" });
    expect(await roomStatus(f.staff, f.journeeId, key)).toBe("scan_only");
    expect(await db.attendanceSignature.count({ where: { journeeId: f.journeeId } })).toBe(0);
    // B, who signed nothing, was not recorded present by the room flow either.
    expect(await db.checkIn.count({ where: { registrationId: b.registrationId } })).toBe(0);
  });
});
