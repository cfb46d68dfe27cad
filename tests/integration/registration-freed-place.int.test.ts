import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { cancelRegistration, register } from "@/lib/registration/mutations";
import { fillFreedPlaces } from "@/lib/registration/mutations/settle";
import { registrationSchema } from "@/lib/registration/schema";
import { manageToken } from "@/lib/security/tokens";
import { insertRegistration, makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

/**
 * A registration that finds the journée full may commit just after a cancellation that freed a
 * place with nobody in line yet: nobody may then wait while a place is free.
 */
const input = (journeeId: string, n: number) =>
  registrationSchema.parse({
    journeeId,
    firstName: `Prénom${n}`,
    lastName: `Nom${n}`,
    email: `libre${n}@example.org`,
    structure: "CCAS de Test",
    structureType: "COMMUNE_CCAS",
    jobTitle: "Travailleur social",
    commune: "Marseille",
    privacyAck: true,
  });

async function state(journeeId: string) {
  const db = await getDb();
  const j = await db.journee.findUniqueOrThrow({ where: { id: journeeId } });
  const rows = await db.registration.findMany({ where: { journeeId }, select: { status: true } });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    capacity: j.capacity,
    counter: j.confirmedCount,
    confirmed: count("CONFIRMED"),
    waiting: count("WAITLISTED"),
  };
}

describe(`a place freed while someone joins the waiting list (${testDbKind()})`, () => {
  it("fillFreedPlaces promotes the first in line when a place is free, and does nothing when full", async () => {
    const journee = await makeJournee({ capacity: 2, confirmedCount: 1, waitlistSeq: 2 });
    await insertRegistration(journee.id, "deja@example.org");
    const first = await insertRegistration(journee.id, "premier@example.org", {
      status: "WAITLISTED",
      waitlistPosition: 1,
    });
    await insertRegistration(journee.id, "second@example.org", { status: "WAITLISTED", waitlistPosition: 2 });
    const promoted = await fillFreedPlaces(journee.id, new Date());
    expect(promoted.map((p) => p.registrationId)).toEqual([first.id]);
    expect(await state(journee.id)).toEqual({ capacity: 2, counter: 2, confirmed: 2, waiting: 1 });
    expect(await fillFreedPlaces(journee.id, new Date())).toEqual([]);
  });

  it.runIf(testDbKind() === "postgres")(
    "a registration that saw the journée full, then waited for a cancellation's lock, is promoted at once",
    async () => {
      const journee = await makeJournee({ capacity: 1 });
      const leaving = await register(input(journee.id, 1));
      if (!leaving.ok) throw new Error("setup");
      const db = await getDb();
      let late: ReturnType<typeof register> | undefined;
      // The cancellation holds the journée row while the registration starts: the registration's
      // "seat?" sees the row full (no wait), its "place in line" waits for the lock, then goes on
      // after the place was freed — the interleaving that used to leave someone waiting.
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Journee" WHERE id = ${journee.id} FOR UPDATE`;
        late = register(input(journee.id, 2));
        for (let i = 0; i < 200; i++) {
          const [w] = await tx.$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          if (Number(w.n) > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        await tx.$executeRaw`UPDATE "Journee" SET "confirmedCount" = "confirmedCount" - 1 WHERE id = ${journee.id}`;
        await tx.registration.update({
          where: { id: leaving.registrationId },
          data: { status: "CANCELLED", liveEmailKey: null, cancelledAt: new Date() },
        });
      });
      const outcome = await late;
      expect(outcome?.ok && outcome.status).toBe("CONFIRMED");
      expect(await state(journee.id)).toEqual({ capacity: 1, counter: 1, confirmed: 1, waiting: 0 });
    },
  );

  it("cancellations racing registrations at capacity: nobody waits while a place is free", async () => {
    const journee = await makeJournee({ capacity: 20 });
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => register(input(journee.id, i))));
    const salts = first.flatMap((r) => (r.ok ? [r.tokenSalt] : []));
    // 20 cancellations and 30 new registrations, all at once.
    const outcomes = await Promise.all([
      ...salts.map((salt) => cancelRegistration(manageToken(salt))),
      ...Array.from({ length: 30 }, (_, i) => register(input(journee.id, 100 + i))),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const s = await state(journee.id);
    expect(s.counter).toBe(s.confirmed);
    expect(s.confirmed).toBe(20);
    expect(s.waiting).toBe(10);
  });
});
