import { describe, expect, it } from "vitest";
import { checkInWindow } from "@/lib/checkin/evaluate";
import { getDb } from "@/lib/db/client";
import { parisDateKey } from "@/lib/format/dates";
import { journeePublicStatus } from "@/lib/journees/status";
import {
  DEMO_OPEN_SLUG,
  DEMO_PLENARY_SLUG,
  DEMO_PROGRAMME_SLUGS,
  DEMO_TODAY_SLUG,
  isDatabaseEmpty,
  seedDemo,
} from "./seed";

async function counts() {
  const db = await getDb();
  return {
    partners: await db.partner.count(),
    journees: await db.journee.count(),
    parts: await db.journeePart.count(),
    registrations: await db.registration.count(),
    choices: await db.registrationPart.count(),
    checkIns: await db.checkIn.count(),
  };
}

describe("seedDemo", () => {
  const now = new Date("2026-11-26T10:00:00Z");

  it("fills an empty database once, then changes nothing", async () => {
    const db = await getDb();
    expect(await isDatabaseEmpty(db)).toBe(true);

    expect(await seedDemo(db, { now })).toEqual({ created: true });
    expect(await isDatabaseEmpty(db)).toBe(false);
    const first = await counts();

    expect(await seedDemo(db, { now: new Date("2027-03-01T10:00:00Z") })).toEqual({ created: false });
    expect(await counts()).toEqual(first);
    expect(first.partners).toBe(3);
  });

  it("creates the five programme journées, the open one and today's", async () => {
    const db = await getDb();
    const journees = await db.journee.findMany({
      select: { slug: true, status: true, isPlenary: true, startsAt: true },
    });
    const slugs = journees.map((j) => j.slug);
    for (const slug of [...DEMO_PROGRAMME_SLUGS, DEMO_OPEN_SLUG, DEMO_TODAY_SLUG]) expect(slugs).toContain(slug);
    expect(journees).toHaveLength(7);

    const open = journees.find((j) => j.slug === DEMO_OPEN_SLUG);
    expect(open?.status).toBe("PUBLISHED");
    expect(open?.startsAt.getTime()).toBeGreaterThan(now.getTime() + 30 * 86_400_000 - 86_400_000);

    const openRow = await db.journee.findUniqueOrThrow({ where: { slug: DEMO_OPEN_SLUG } });
    expect(journeePublicStatus(openRow, now)).toBe("ouvertes");
    expect(openRow.capacity).toBe(120);

    const plenary = journees.find((j) => j.slug === DEMO_PLENARY_SLUG);
    expect(plenary?.isPlenary).toBe(true);
    expect(plenary?.startsAt.toISOString()).toBe("2024-04-16T07:00:00.000Z");
    expect(journees.filter((j) => j.status === "CLOSED")).toHaveLength(5);
  });

  it("holds today's journée with its door open: confirmed tickets, some already checked in", async () => {
    const db = await getDb();
    const today = await db.journee.findUniqueOrThrow({ where: { slug: DEMO_TODAY_SLUG }, include: { parts: true } });
    expect(today.title).toBe("Journée test du jour — accueil");
    expect(today.status).toBe("PUBLISHED");
    expect(today.parts).toHaveLength(0);
    expect(parisDateKey(today.startsAt)).toBe(parisDateKey(now));
    const { opensAt, closesAt } = checkInWindow(today);
    expect(opensAt.getTime()).toBeLessThan(now.getTime());
    expect(closesAt.getTime()).toBeGreaterThan(now.getTime());

    const confirmed = await db.registration.count({ where: { journeeId: today.id, status: "CONFIRMED" } });
    expect(confirmed).toBeGreaterThanOrEqual(24);
    const checkIns = await db.checkIn.findMany({ where: { journeeId: today.id } });
    expect(checkIns.length).toBeGreaterThan(5);
    expect(checkIns.length).toBeLessThan(confirmed);
    for (const c of checkIns) {
      expect(c.checkedInAt.getTime()).toBeGreaterThanOrEqual(opensAt.getTime());
      expect(c.checkedInAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(c.partKey).toBe("journee");
    }
  });

  it("has about 200 people in 2023 and more than 200 at the plenary", async () => {
    const db = await getDb();
    const in2023 = await db.registration.count({
      where: { status: "CONFIRMED", journee: { slug: { in: DEMO_PROGRAMME_SLUGS.filter((s) => s.endsWith("2023")) } } },
    });
    expect(in2023).toBeGreaterThanOrEqual(190);
    expect(in2023).toBeLessThanOrEqual(210);

    const plenary = await db.journee.findUniqueOrThrow({
      where: { slug: DEMO_PLENARY_SLUG },
      include: { parts: true },
    });
    const atPlenary = await db.registration.count({ where: { journeeId: plenary.id, status: "CONFIRMED" } });
    expect(atPlenary).toBeGreaterThan(200);
    const present = await db.checkIn.groupBy({ by: ["registrationId"], where: { journeeId: plenary.id } });
    expect(present.length).toBeGreaterThan(200);
    expect(plenary.parts.map((p) => p.kind)).toEqual(["HALF_DAY", "HALF_DAY"]);
    const partKeys = await db.checkIn.findMany({ where: { journeeId: plenary.id }, distinct: ["partKey"] });
    expect(partKeys.map((c) => c.partKey).sort()).toEqual(plenary.parts.map((p) => p.id).sort());
  });

  it("keeps every capacity counter equal to its confirmed registrations", async () => {
    const db = await getDb();
    const journees = await db.journee.findMany({ include: { parts: true } });
    for (const j of journees) {
      const confirmed = await db.registration.count({ where: { journeeId: j.id, status: "CONFIRMED" } });
      expect(j.confirmedCount, j.slug).toBe(confirmed);
      for (const part of j.parts) {
        const chosen = await db.registrationPart.count({
          where: { partId: part.id, registration: { status: "CONFIRMED" } },
        });
        expect(part.confirmedCount, part.title).toBe(chosen);
      }
    }
  });

  it("writes consistent registrations", async () => {
    const db = await getDb();
    const rows = await db.registration.findMany();
    for (const r of rows) {
      expect(r.liveEmailKey).toBe(r.status === "CANCELLED" ? null : r.emailNormalized);
      expect(r.privacyAckAt).not.toBeNull();
      expect(r.email).toMatch(/^[a-z-]+\.[a-z-]+@[a-z0-9-]+\.example\.org$/);
      expect(r.waitlistPosition !== null).toBe(r.status === "WAITLISTED");
    }
    const journeesWithWaitlist = new Set(rows.filter((r) => r.status === "WAITLISTED").map((r) => r.journeeId));
    for (const id of journeesWithWaitlist) {
      const j = await db.journee.findUniqueOrThrow({ where: { id } });
      const preRegistered = rows.filter((r) => r.journeeId === id && r.status === "CONFIRMED" && !r.walkIn).length;
      expect(preRegistered).toBeGreaterThanOrEqual(j.capacity);
    }
  });

  it("gives registrations the network of their structure, with about one in five left empty", async () => {
    const db = await getDb();
    const rows = await db.registration.findMany({ select: { network: true, structureType: true } });
    const empty = rows.filter((r) => r.network === null).length / rows.length;
    expect(empty).toBeGreaterThan(0.1);
    expect(empty).toBeLessThan(0.3);
    expect(new Set(rows.map((r) => r.network)).size).toBeGreaterThanOrEqual(8);
    for (const r of rows.filter((x) => x.structureType === "BAILLEUR_SOCIAL" && x.network))
      expect(r.network).toBe("USH");
  });
});
