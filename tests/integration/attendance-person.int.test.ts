import { describe, expect, it } from "vitest";
import { requestJustificationFor } from "@/lib/attendance/mutations/justification";
import { signWithRoomCodeFor } from "@/lib/attendance/mutations/own-phone";
import { personAttendance } from "@/lib/attendance/queries/person";
import { currentRoomCode } from "@/lib/attendance/room-code";
import { getDb } from "@/lib/db/client";
import { manageToken } from "@/lib/security/tokens";
import { attendanceFixture, checkIn, signaturePng } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

const secret = "p".repeat(40);

/** The person's own attendance on their management page (issue 13 points 3 and 5), by token only. */
describe(`person attendance (${testDbKind()})`, () => {
  it("shows per half-day: present, signed, justification; only the token's own registration", async () => {
    const f = await attendanceFixture({ count: 2, halfDays: true });
    const db = await getDb();
    const token = async (id: string) =>
      manageToken((await db.registration.findUniqueOrThrow({ where: { id } })).tokenSalt);
    const [a, b] = f.tickets;
    const [morning, afternoon] = f.partKeys;
    const tokenA = await token(a.registrationId);
    const tokenB = await token(b.registrationId);
    await checkIn(f.staff, f.journeeId, morning, b.registrationId);
    const { code } = currentRoomCode(secret, f.journeeId, morning, new Date());
    expect(
      await signWithRoomCodeFor({ token: tokenA, code, png: signaturePng(2) }, { secret, clientIp: null }),
    ).toEqual({ ok: true, partTitle: "Matinée" });
    expect(await requestJustificationFor({ token: tokenA, partKey: afternoon, reason: "Rendez-vous médical" })).toEqual(
      {
        ok: true,
      },
    );

    const mine = await personAttendance(tokenA);
    expect(mine?.signatures).toBe(true);
    expect(
      mine?.halfDays.map(({ title, present, signed, justification }) => ({ title, present, signed, justification })),
    ).toEqual([
      { title: "Matinée", present: true, signed: true, justification: null },
      {
        title: "Après-midi",
        present: false,
        signed: false,
        justification: { status: "REQUESTED", reason: "Rendez-vous médical" },
      },
    ]);
    const theirs = await personAttendance(tokenB);
    expect(theirs?.halfDays.map((h) => [h.present, h.signed, h.justification])).toEqual([
      [true, false, null],
      [false, false, null],
    ]);
    expect(await personAttendance("x".repeat(22))).toBeNull();
    expect(await personAttendance("not a token")).toBeNull();
  });
});
