import { describe, expect, it } from "vitest";
import { signWithRoomCodeFor } from "@/lib/attendance/mutations/own-phone";
import { currentRoomCode, ROOM_WINDOW_MS } from "@/lib/attendance/room-code";
import { getDb } from "@/lib/db/client";
import { manageToken } from "@/lib/security/tokens";
import { attendanceFixture, signaturePng } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

const secret = "r".repeat(40);

/** Issue 13 point 3: signing on one's own phone needs the room's current code (both databases). */
describe(`room codes (${testDbKind()})`, () => {
  it("refuses expired, forged, other half-day, other journée; accepts current and previous window once", async () => {
    const f = await attendanceFixture({ count: 2, halfDays: true });
    const other = await attendanceFixture({ count: 1 });
    const db = await getDb();
    const salt = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).tokenSalt;
    const [a, b] = f.tickets;
    const tokenA = manageToken(await salt(a.registrationId));
    const tokenB = manageToken(await salt(b.registrationId));
    const [morning, afternoon] = f.partKeys;
    const t0 = new Date();
    const png = signaturePng(1);
    const sign = (token: string, code: string, now: Date) =>
      signWithRoomCodeFor({ token, code, png }, { secret, clientIp: "192.0.2.7", now });
    const { code } = currentRoomCode(secret, f.journeeId, morning, t0);
    const expired = new Date(t0.getTime() + 2 * ROOM_WINDOW_MS);
    expect(await sign(tokenA, code, expired)).toEqual({ ok: false, reason: "invalid_code" });
    expect(await sign(tokenA, "ABCDEF", t0)).toEqual({ ok: false, reason: "invalid_code" });
    const otherJournee = currentRoomCode(secret, other.journeeId, other.partKeys[0], t0).code;
    expect(await sign(tokenA, otherJournee, t0)).toEqual({ ok: false, reason: "invalid_code" });
    const forged = currentRoomCode("x".repeat(40), f.journeeId, morning, t0).code;
    expect(await sign(tokenA, forged, t0)).toEqual({ ok: false, reason: "invalid_code" });
    expect(await sign("not-a-token-at-all", code, t0)).toEqual({ ok: false, reason: "not_registered" });
    // Current window: signed for the morning, presence recorded since nobody scanned A.
    expect(await sign(tokenA, code, t0)).toEqual({ ok: true, partTitle: "Matinée" });
    expect(await sign(tokenA, code, t0)).toEqual({ ok: false, reason: "already_signed" });
    // Previous window still accepted (B), and the afternoon's code signs the afternoon only.
    const previous = new Date(t0.getTime() + ROOM_WINDOW_MS);
    expect(await sign(tokenB, code, previous)).toMatchObject({ ok: true, partTitle: "Matinée" });
    const pm = currentRoomCode(secret, f.journeeId, afternoon, t0).code;
    expect(await sign(tokenA, pm, t0)).toEqual({ ok: true, partTitle: "Après-midi" });
    const rows = await db.attendanceSignature.findMany({ where: { journeeId: f.journeeId } });
    expect(
      rows
        .map((r) => `${r.registrationId === a.registrationId ? "A" : "B"}:${r.partKey === morning ? "am" : "pm"}`)
        .sort(),
    ).toEqual(["A:am", "A:pm", "B:am"]);
    expect(rows.every((r) => r.method === "OWN_PHONE" && r.clientIp === "192.0.2.7")).toBe(true);
    const checkIns = await db.checkIn.findMany({ where: { registrationId: a.registrationId } });
    expect(checkIns.map((c) => c.door)).toEqual(["Salle", "Salle"]);
  });
});
