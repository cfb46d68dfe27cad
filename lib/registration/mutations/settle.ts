import { getDb } from "@/lib/db/client";
import { lockJournee, type Promotion, promoteWaitlist } from "./waitlist";

/**
 * Run right after a registration was put on the waiting list. A statement that found the journée
 * full can still commit after a cancellation that freed a place and found nobody in line to promote
 * (the cancel ran between the registration's "is there a seat?" and its "take a place in line").
 * Then a place is free while someone waits: promote, under the journée lock, exactly as a
 * cancellation would. The first read only avoids taking the lock when the journée is full.
 */
export async function fillFreedPlaces(journeeId: string, now: Date): Promise<Promotion[]> {
  const db = await getDb();
  const room = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Journee" WHERE id = ${journeeId} AND "confirmedCount" < capacity`;
  if (room.length === 0) return [];
  return db.$transaction(
    async (tx) => {
      await lockJournee(tx, journeeId);
      return promoteWaitlist(tx, journeeId, now);
    },
    { maxWait: 60_000, timeout: 30_000 },
  );
}
