import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerWalkIn } from "@/lib/checkin/mutations";
import { getCheckInJournee } from "@/lib/checkin/queries";
import { WalkInSchema } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * Walk-ins on a journée with half-days: the chosen half-day's own capacity is checked with the
 * journée's rule (agents refused when full, organisers may go over: recorded and audited).
 */
const H = 3600_000;
const agent = { userId: null, name: "agent", mayOverCapacity: false };
const organiser = { userId: null, name: "orga", mayOverCapacity: true };

/** A journée open at the door now, with a morning of `morningCapacity` places (`taken` already used). */
async function journeeWithHalfDays(o: { capacity?: number; confirmedCount?: number; morning: number; taken: number }) {
  const start = new Date(Date.now() + H);
  const j = await makeJournee({
    startsAt: start,
    endsAt: new Date(start.getTime() + 8 * H),
    capacity: o.capacity ?? 100,
    confirmedCount: o.confirmedCount ?? o.taken,
    parts: {
      create: [
        {
          kind: "HALF_DAY",
          title: "Matinée",
          startsAt: start,
          endsAt: new Date(start.getTime() + 3 * H),
          capacity: o.morning,
          confirmedCount: o.taken,
          position: 0,
        },
        {
          kind: "HALF_DAY",
          title: "Après-midi",
          startsAt: new Date(start.getTime() + 4 * H),
          endsAt: new Date(start.getTime() + 8 * H),
          position: 1,
        },
      ],
    },
  });
  const journee = await getCheckInJournee({}, j.id);
  if (!journee) throw new Error("journée");
  const [morning, afternoon] = journee.parts;
  return { journee, morning: morning.id, afternoon: afternoon.id };
}

const form = (journeeId: string, partKey: string, over: object = {}) =>
  WalkInSchema.parse({
    journeeId,
    partKey,
    firstName: "Inès",
    lastName: "Béchir",
    structure: "Asso Œuvre",
    structureType: "ASSOCIATION",
    door: "Porte A",
    nonce: randomUUID(),
    ...over,
  });

async function counts(journeeId: string, partId: string) {
  const db = await getDb();
  const [j, p, walkIns] = await Promise.all([
    db.journee.findUniqueOrThrow({ where: { id: journeeId }, select: { confirmedCount: true } }),
    db.journeePart.findUniqueOrThrow({ where: { id: partId }, select: { confirmedCount: true } }),
    db.registration.count({ where: { journeeId, walkIn: true } }),
  ]);
  return { journee: j.confirmedCount, part: p.confirmedCount, walkIns };
}

describe(`walk-ins and half-day capacity (${testDbKind()})`, () => {
  it("an agent is refused when the half-day is full; an organiser may go over, recorded and audited", async () => {
    const db = await getDb();
    const { journee, morning, afternoon } = await journeeWithHalfDays({ morning: 2, taken: 1 });
    expect(await registerWalkIn(form(journee.id, morning), journee, agent)).toMatchObject({
      ok: true,
      overCapacity: false,
    });
    expect(await counts(journee.id, morning)).toEqual({ journee: 2, part: 2, walkIns: 1 });

    // Full morning: the agent is refused and nothing is written, even when asking to force.
    expect(await registerWalkIn(form(journee.id, morning), journee, agent)).toEqual({ ok: false, reason: "part_full" });
    const forcedByAgent = form(journee.id, morning, { forceOverCapacity: true });
    expect(await registerWalkIn(forcedByAgent, journee, agent)).toEqual({ ok: false, reason: "part_full" });
    expect(await counts(journee.id, morning)).toEqual({ journee: 2, part: 2, walkIns: 1 });
    // Without asking, an organiser is refused too (the screen then offers to force).
    expect(await registerWalkIn(form(journee.id, morning), journee, organiser)).toEqual({
      ok: false,
      reason: "part_full",
    });

    // The afternoon has no capacity of its own: only the journée's counts.
    expect(await registerWalkIn(form(journee.id, afternoon), journee, agent)).toMatchObject({ ok: true });

    const forced = await registerWalkIn(form(journee.id, morning, { forceOverCapacity: true }), journee, organiser);
    expect(forced).toMatchObject({ ok: true, overCapacity: true });
    expect(await counts(journee.id, morning)).toEqual({ journee: 4, part: 3, walkIns: 3 });
    const row = await db.registration.findFirstOrThrow({ where: { journeeId: journee.id, overCapacity: true } });
    expect(row).toMatchObject({ walkIn: true, status: "CONFIRMED" });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "checkin.walk_in_over_capacity", entityId: row.id },
    });
    expect(audit.details).toMatchObject({ partKey: morning, overCapacity: true, partFull: true, journeeFull: false });
    expect(await db.checkIn.count({ where: { registrationId: row.id, partKey: morning, method: "WALK_IN" } })).toBe(1);
  });

  it("a full journée still refuses an agent even when the half-day has room", async () => {
    const { journee, morning } = await journeeWithHalfDays({ capacity: 5, confirmedCount: 5, morning: 10, taken: 2 });
    expect(await registerWalkIn(form(journee.id, morning), journee, agent)).toEqual({ ok: false, reason: "full" });
    expect(await counts(journee.id, morning)).toEqual({ journee: 5, part: 2, walkIns: 0 });
    const forced = await registerWalkIn(form(journee.id, morning, { forceOverCapacity: true }), journee, organiser);
    expect(forced).toMatchObject({ ok: true, overCapacity: true });
    expect(await counts(journee.id, morning)).toEqual({ journee: 6, part: 3, walkIns: 1 });
  });

  it("10 simultaneous walk-ins for the 3 places left in a half-day: exactly 3 registered", async () => {
    const { journee, morning } = await journeeWithHalfDays({ morning: 5, taken: 2 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        registerWalkIn(form(journee.id, morning, { lastName: `Porte${i}`, door: `Porte ${i % 3}` }), journee, agent),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === "part_full")).toHaveLength(7);
    expect(await counts(journee.id, morning)).toEqual({ journee: 5, part: 5, walkIns: 3 });
    const db = await getDb();
    expect(await db.checkIn.count({ where: { journeeId: journee.id, partKey: morning } })).toBe(3);
    expect(
      await db.auditLog.count({
        where: { action: "checkin.walk_in", details: { path: ["journeeId"], equals: journee.id } },
      }),
    ).toBe(3);
  });
});
