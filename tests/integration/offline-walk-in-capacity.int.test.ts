import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerWalkIn } from "@/lib/checkin/mutations";
import { getCheckInJournee, getOfflineSnapshot } from "@/lib/checkin/queries";
import { WalkInSchema } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * Offline walk-ins and capacity: the snapshot carries the journée's and each half-day's capacity and
 * confirmed count (the scanner refuses locally when full), and the server checks again on sync —
 * a device's "force" is honoured only for an organiser.
 */
const H = 3600_000;

async function fullJournee() {
  const start = new Date(Date.now() - H);
  const j = await makeJournee({
    startsAt: start,
    endsAt: new Date(start.getTime() + 8 * H),
    capacity: 2,
    confirmedCount: 2,
    parts: {
      create: [
        {
          kind: "HALF_DAY",
          title: "Matinée",
          startsAt: start,
          endsAt: new Date(start.getTime() + 3 * H),
          capacity: 1,
          confirmedCount: 1,
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
  return journee;
}

const offlineWalkIn = (journeeId: string, partKey: string, forceOverCapacity: boolean) =>
  WalkInSchema.parse({
    journeeId,
    partKey,
    firstName: "Jade",
    lastName: "Complète",
    structure: "Asso",
    structureType: "ASSOCIATION",
    nonce: randomUUID(),
    forceOverCapacity,
    offline: true,
    scannedAt: new Date(Date.now() - 60_000).toISOString(),
  });

describe(`offline walk-ins and capacity (${testDbKind()})`, () => {
  it("the snapshot carries the journée's and the half-days' capacity and confirmed count", async () => {
    const j = await fullJournee();
    const snap = await getOfflineSnapshot({}, j.id);
    expect(snap?.journee).toMatchObject({ capacity: 2, confirmedCount: 2 });
    expect(snap?.journee.parts.map((p) => [p.title, p.capacity, p.confirmedCount])).toEqual([
      ["Matinée", 1, 1],
      ["Après-midi", null, 0],
    ]);
  });

  it("sync re-checks: an agent's forced offline walk-in is refused, an organiser's is recorded over capacity", async () => {
    const db = await getDb();
    const j = await fullJournee();
    const [morning] = j.parts;
    const agent = { userId: null, name: "agent", mayOverCapacity: false };
    const organiser = { userId: null, name: "orga", mayOverCapacity: true };
    expect(await registerWalkIn(offlineWalkIn(j.id, morning.id, true), j, agent)).toMatchObject({
      ok: false,
      reason: "full",
    });
    const forced = await registerWalkIn(offlineWalkIn(j.id, morning.id, true), j, organiser);
    expect(forced).toMatchObject({ ok: true, overCapacity: true });
    const rows = await db.registration.findMany({ where: { journeeId: j.id } });
    expect(rows.map((r) => [r.walkIn, r.overCapacity])).toEqual([[true, true]]);
    expect(await db.checkIn.findMany({ where: { journeeId: j.id } })).toMatchObject([
      { offline: true, method: "WALK_IN" },
    ]);
  });
});
