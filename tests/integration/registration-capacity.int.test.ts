import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { cancelRegistration, register } from "@/lib/registration/mutations";
import { registrationSchema } from "@/lib/registration/schema";
import { manageToken } from "@/lib/security/tokens";
import { makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

function input(journeeId: string, n: number, extra: Record<string, unknown> = {}) {
  return registrationSchema.parse({
    journeeId,
    firstName: `Prénom${n}`,
    lastName: `Nom${n}`,
    email: `personne${n}@example.org`,
    structure: "CCAS de Test",
    structureType: "COMMUNE_CCAS",
    jobTitle: "Travailleur social",
    commune: "Marseille",
    privacyAck: true,
    ...extra,
  });
}

async function registrations(journeeId: string) {
  const db = await getDb();
  return db.registration.findMany({ where: { journeeId }, orderBy: { seq: "asc" } });
}

describe(`capacity and waiting list (${testDbKind()})`, () => {
  it("500 simultaneous registrations for 200 places: exactly 200 confirmed, 300 waitlisted in arrival order", async () => {
    const journee = await makeJournee({ capacity: 200 });
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => register(input(journee.id, i))));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await registrations(journee.id);
    expect(rows).toHaveLength(500);
    // Arrival order = the order the database served them (seq): the first 200 got the places.
    expect(rows.slice(0, 200).every((r) => r.status === "CONFIRMED")).toBe(true);
    expect(rows.slice(200).every((r) => r.status === "WAITLISTED")).toBe(true);
    expect(rows.slice(200).map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const db = await getDb();
    const after = await db.journee.findUniqueOrThrow({ where: { id: journee.id } });
    expect(after.confirmedCount).toBe(200);
    expect(after.waitlistSeq).toBe(300);
  });

  it("cancellations promote the waiting list in order, never above capacity", async () => {
    const journee = await makeJournee({ capacity: 3 });
    for (let i = 0; i < 6; i++) await register(input(journee.id, i));
    let rows = await registrations(journee.id);
    const confirmed = rows.filter((r) => r.status === "CONFIRMED");
    // Two cancellations at once: the first two in line are promoted, in order.
    const outcomes = await Promise.all(confirmed.slice(0, 2).map((r) => cancelRegistration(manageToken(r.tokenSalt))));
    const promotedIds = outcomes.flatMap((o) => (o.ok ? o.promoted.map((p) => p.registrationId) : []));
    rows = await registrations(journee.id);
    const waitlisted = rows.filter((r) => r.waitlistPosition !== null);
    expect(new Set(promotedIds)).toEqual(new Set([waitlisted[0].id, waitlisted[1].id]));
    expect(rows.filter((r) => r.status === "CONFIRMED")).toHaveLength(3);
    expect(rows.find((r) => r.id === waitlisted[2].id)?.status).toBe("WAITLISTED");
    const db = await getDb();
    expect((await db.journee.findUniqueOrThrow({ where: { id: journee.id } })).confirmedCount).toBe(3);
  });

  it("cancelling a waitlisted person promotes no one; cancelling twice is refused", async () => {
    const journee = await makeJournee({ capacity: 1 });
    await register(input(journee.id, 1));
    await register(input(journee.id, 2));
    const [, second] = await registrations(journee.id);
    const token = manageToken(second.tokenSalt);
    const first = await cancelRegistration(token);
    expect(first).toMatchObject({ ok: true, promoted: [] });
    expect(await cancelRegistration(token)).toMatchObject({ ok: false, reason: "already_cancelled" });
    expect(await cancelRegistration("A".repeat(22))).toMatchObject({ ok: false, reason: "unknown_link" });
  });

  it("an atelier's capacity is never exceeded under concurrency; the full atelier is named", async () => {
    const journee = await makeJournee({ capacity: 100 });
    const db = await getDb();
    const atelier = await db.journeePart.create({
      data: {
        journeeId: journee.id,
        kind: "WORKSHOP",
        title: "Atelier A",
        startsAt: journee.startsAt,
        endsAt: journee.endsAt,
        capacity: 10,
      },
    });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => register(input(journee.id, i, { workshopId: atelier.id }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refusedOne = results.find((r) => !r.ok);
    expect(refusedOne).toMatchObject({ reason: "part_full" });
    expect(JSON.stringify(refusedOne)).toContain("Atelier A");
    expect((await db.journeePart.findUniqueOrThrow({ where: { id: atelier.id } })).confirmedCount).toBe(10);
    // Nothing half-written: the refused ones left no row and no journée place behind.
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(10);
    expect((await db.journee.findUniqueOrThrow({ where: { id: journee.id } })).confirmedCount).toBe(10);
  });

  it("a promoted person keeps their atelier only if it still has room", async () => {
    const journee = await makeJournee({ capacity: 1 });
    const db = await getDb();
    const atelier = await db.journeePart.create({
      data: {
        journeeId: journee.id,
        kind: "WORKSHOP",
        title: "Atelier B",
        startsAt: journee.startsAt,
        endsAt: journee.endsAt,
        capacity: 1,
      },
    });
    await register(input(journee.id, 1, { workshopId: atelier.id }));
    await register(input(journee.id, 2, { workshopId: atelier.id }));
    const [first] = await registrations(journee.id);
    const outcome = await cancelRegistration(manageToken(first.tokenSalt));
    expect(outcome).toMatchObject({ ok: true, promoted: [{ droppedParts: [] }] });
    expect((await db.journeePart.findUniqueOrThrow({ where: { id: atelier.id } })).confirmedCount).toBe(1);
  });

  it("both paths at once (with and without atelier) share the same guard: never above capacity, line in order", async () => {
    const journee = await makeJournee({ capacity: 50 });
    const db = await getDb();
    const atelier = await db.journeePart.create({
      data: {
        journeeId: journee.id,
        kind: "WORKSHOP",
        title: "Grand atelier",
        startsAt: journee.startsAt,
        endsAt: journee.endsAt,
        capacity: 500,
      },
    });
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => register(input(journee.id, i, i % 2 ? { workshopId: atelier.id } : {}))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await registrations(journee.id);
    expect(rows.filter((r) => r.status === "CONFIRMED")).toHaveLength(50);
    expect(rows.slice(50).map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await db.journee.findUniqueOrThrow({ where: { id: journee.id } })).confirmedCount).toBe(50);
    const confirmedInAtelier = await db.registrationPart.count({
      where: { partId: atelier.id, registration: { status: "CONFIRMED" } },
    });
    expect((await db.journeePart.findUniqueOrThrow({ where: { id: atelier.id } })).confirmedCount).toBe(
      confirmedInAtelier,
    );
  });

  it("a journée with half-days requires choosing one (both paths)", async () => {
    const journee = await makeJournee();
    const db = await getDb();
    const morning = await db.journeePart.create({
      data: {
        journeeId: journee.id,
        kind: "HALF_DAY",
        title: "Matin",
        startsAt: journee.startsAt,
        endsAt: journee.endsAt,
      },
    });
    expect(await register(input(journee.id, 1))).toMatchObject({
      ok: false,
      fieldErrors: { halfDayIds: expect.any(String) },
    });
    expect(await register(input(journee.id, 2, { halfDayIds: [morning.id] }))).toMatchObject({
      ok: true,
      status: "CONFIRMED",
    });
    expect((await db.journeePart.findUniqueOrThrow({ where: { id: morning.id } })).confirmedCount).toBe(1);
  });
});
