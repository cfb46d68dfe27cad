/** The morning benchmark's database side: the journée and staff sessions before, the checks after. */
import { createSessionFor } from "@/e2e/support/sessions";
import { ensureUserWithGrant } from "@/lib/auth/mutations";
import { getDb } from "@/lib/db/client";

export type Setup = { journeeId: string; slug: string; agentCookies: string[]; readerCookies: string[] };

/** A journée starting in 90 minutes (door open, registrations open), 4 agents and 5 readers. */
export async function prepareMorning(capacity: number): Promise<Setup> {
  const db = await getDb();
  const partner = await db.partner.create({
    data: { slug: "bench-morning", name: "Bench", shortName: "Bench", kind: "RESEAU" },
  });
  const now = Date.now();
  const journee = await db.journee.create({
    data: {
      slug: "matinee-de-charge",
      title: "Plénière (charge)",
      city: "Marseille",
      venue: "Palais du Pharo",
      address: "58 boulevard Charles-Livon, 13007 Marseille",
      startsAt: new Date(now + 90 * 60_000),
      endsAt: new Date(now + 9 * 3600_000),
      capacity,
      status: "PUBLISHED",
      partnerId: partner.id,
      registrationOpensAt: new Date(now - 86400_000),
      registrationClosesAt: new Date(now + 60 * 60_000),
    },
  });
  const session = async (role: "AGENT" | "LECTEUR", i: number) => {
    const { userId } = await ensureUserWithGrant({
      email: `${role.toLowerCase()}-${i}@bench.example.org`,
      grant: { role, partnerId: null, journeeId: role === "AGENT" ? journee.id : null },
    });
    return `authjs.session-token=${(await createSessionFor(userId, 8 * 3600)).sessionToken}`;
  };
  const agentCookies = await Promise.all([1, 2, 3, 4].map((i) => session("AGENT", i)));
  const readerCookies = await Promise.all([1, 2, 3, 4, 5].map((i) => session("LECTEUR", i)));
  return { journeeId: journee.id, slug: journee.slug, agentCookies, readerCookies };
}

/**
 * After the run, on the stopped server's database: every acknowledged write is there, and nothing
 * is counted twice (capacity counter = confirmed rows ≤ capacity; one presence per person).
 */
export async function verifyMorning(journeeId: string, ackRegistrations: string[], ackCheckIns: string[]) {
  const db = await getDb();
  const journee = await db.journee.findUniqueOrThrow({ where: { id: journeeId } });
  const regs = await db.registration.findMany({ where: { journeeId }, select: { id: true, status: true } });
  const ids = new Set(regs.map((r) => r.id));
  const confirmed = regs.filter((r) => r.status === "CONFIRMED").length;
  const checkIns = await db.checkIn.groupBy({ by: ["registrationId", "partKey"], where: { journeeId }, _count: true });
  const present = new Set(checkIns.map((c) => c.registrationId));
  const lostRegistrations = ackRegistrations.filter((id) => !ids.has(id)).length;
  const lostCheckIns = ackCheckIns.filter((id) => !present.has(id)).length;
  const duplicatePresences = checkIns.filter((c) => c._count > 1).length;
  const counterDrift = Math.abs(journee.confirmedCount - confirmed) + Math.max(0, confirmed - journee.capacity);
  return {
    registrations: regs.length,
    confirmed,
    present: present.size,
    lost_writes: lostRegistrations + lostCheckIns,
    double_counts: duplicatePresences + counterDrift,
  };
}
