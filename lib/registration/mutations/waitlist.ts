import type { Prisma } from "@/lib/db/generated/client";
import { takeOptionPlacesOnPromotion } from "./answers";
import { takePartPlace } from "./parts";

type Tx = Prisma.TransactionClient;

export type Promotion = { registrationId: string; droppedParts: string[] };

/**
 * Fills free places from the waiting list, first in line first (waitlistPosition, then seq).
 * The caller holds the journée row lock, so promotions and registrations never interleave.
 * A promoted person keeps their atelier only if it still has room; otherwise the choice is
 * dropped (never overbooked) and the promotion e-mail says so.
 */
export async function promoteWaitlist(tx: Tx, journeeId: string, now: Date): Promise<Promotion[]> {
  const promoted: Promotion[] = [];
  for (;;) {
    const next = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Registration"
      WHERE "journeeId" = ${journeeId} AND status = 'WAITLISTED'
      ORDER BY "waitlistPosition" ASC NULLS LAST, seq ASC
      LIMIT 1 FOR UPDATE`;
    if (next.length === 0) break;
    const room = await tx.$executeRaw`
      UPDATE "Journee" SET "confirmedCount" = "confirmedCount" + 1
      WHERE id = ${journeeId} AND "confirmedCount" < capacity`;
    if (room === 0) break;
    const id = next[0].id;
    await tx.registration.update({ where: { id }, data: { status: "CONFIRMED", promotedAt: now } });
    const choices = await tx.registrationPart.findMany({
      where: { registrationId: id },
      select: { partId: true, part: { select: { title: true } } },
      orderBy: { partId: "asc" },
    });
    const droppedParts: string[] = [];
    for (const choice of choices) {
      if (await takePartPlace(tx, choice.partId)) continue;
      await tx.registrationPart.delete({
        where: { registrationId_partId: { registrationId: id, partId: choice.partId } },
      });
      droppedParts.push(choice.part.title);
    }
    droppedParts.push(...(await takeOptionPlacesOnPromotion(tx, id)));
    promoted.push({ registrationId: id, droppedParts });
  }
  return promoted;
}

/** Locks the journée row: every change of status or counters for one journée goes one at a time. */
export async function lockJournee(tx: Tx, journeeId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Journee" WHERE id = ${journeeId} FOR UPDATE`;
}
