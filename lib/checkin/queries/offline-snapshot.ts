import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { agentDisplayName } from "../labels";
import type { OfflineSnapshot } from "../schema";

/** Other journées whose tickets a scanner may meet: published or closed, ended less than a year ago. */
const OTHER_JOURNEES_SINCE_MS = 365 * 24 * 3600_000;
const MAX_OTHER_TICKETS = 20_000;

/**
 * The offline snapshot of one journée (decision 009): per registration only what validating a ticket
 * and searching by name need — never e-mail, phone, accessibility needs (the search text is folded in
 * the browser from the name and structure: the stored one may hold an e-mail). Other journées: ticket hashes
 * (16 characters) and the journée's public title, city and date, so wrong_journee works offline.
 * The journée's (and each part's) capacity and confirmed count let an offline walk-in be refused when
 * full (the server checks again on sync). Scoped: out of scope reads as null.
 */
export async function getOfflineSnapshot(
  scope: JourneeScope,
  journeeId: string,
  now = new Date(),
): Promise<OfflineSnapshot | null> {
  const db = await getDb();
  const journee = await db.journee.findFirst({
    where: { AND: [{ id: journeeId }, scope] },
    select: {
      id: true,
      title: true,
      city: true,
      status: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      confirmedCount: true,
      attendanceProof: true,
      parts: {
        orderBy: [{ position: "asc" }, { startsAt: "asc" }],
        select: { id: true, kind: true, title: true, capacity: true, confirmedCount: true },
      },
    },
  });
  if (!journee) return null;
  const [registrations, others, conflicts] = await Promise.all([
    db.registration.findMany({
      where: { journeeId, anonymizedAt: null },
      orderBy: { seq: "asc" },
      select: {
        id: true,
        ticketHash: true,
        status: true,
        firstName: true,
        lastName: true,
        structure: true,
        walkIn: true,
        waitlistPosition: true,
        parts: { select: { partId: true } },
        checkIns: {
          select: { partKey: true, checkedInAt: true, door: true, agent: { select: { name: true, email: true } } },
        },
        signatures: { select: { partKey: true } },
      },
    }),
    db.registration.findMany({
      where: {
        journeeId: { not: journeeId },
        anonymizedAt: null,
        journee: {
          status: { in: ["PUBLISHED", "CLOSED"] },
          endsAt: { gte: new Date(now.getTime() - OTHER_JOURNEES_SINCE_MS) },
        },
      },
      take: MAX_OTHER_TICKETS,
      orderBy: { seq: "desc" },
      select: { ticketHash: true, journee: { select: { id: true, title: true, city: true, startsAt: true } } },
    }),
    db.scanEvent.findMany({ where: { journeeId, result: "offline_conflict" }, select: { nonce: true } }),
  ]);
  const otherJournees: OfflineSnapshot["otherJournees"] = [];
  const index = new Map<string, number>();
  const otherTickets = others.map(({ ticketHash, journee: j }) => {
    let i = index.get(j.id);
    if (i === undefined) {
      i = otherJournees.push({ id: j.id, title: j.title, city: j.city, startsAt: j.startsAt.toISOString() }) - 1;
      index.set(j.id, i);
    }
    return { h: ticketHash.slice(0, 16), j: i };
  });
  const { attendanceProof, ...journeeRow } = journee;
  return {
    journee: {
      ...journeeRow,
      signatureRequired: attendanceProof === "SCAN_AND_SIGNATURE",
      startsAt: journee.startsAt.toISOString(),
      endsAt: journee.endsAt.toISOString(),
    },
    registrations: registrations.map(({ parts, checkIns, signatures, ...r }) => ({
      ...r,
      signedPartKeys: signatures.map((s) => s.partKey),
      partIds: parts.map((p) => p.partId),
      checkIns: checkIns.map((c) => ({
        partKey: c.partKey,
        at: c.checkedInAt.toISOString(),
        door: c.door,
        agentName: agentDisplayName(c.agent),
      })),
    })),
    otherTickets,
    otherJournees,
    conflicts: conflicts.map((c) => c.nonce),
    generatedAt: now.toISOString(),
  };
}
