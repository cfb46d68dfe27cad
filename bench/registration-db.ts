import { performance } from "node:perf_hooks";
import { getDb } from "@/lib/db/client";

/** After the run: places never exceeded, counters equal to the rows, waiting list numbered 1..k. */
export async function checkInvariants(journeeId: string) {
  const db = await getDb();
  const journee = await db.journee.findUniqueOrThrow({ where: { id: journeeId } });
  const confirmed = await db.registration.count({ where: { journeeId, status: "CONFIRMED" } });
  const waitlisted = await db.registration.findMany({
    where: { journeeId, status: "WAITLISTED" },
    orderBy: { seq: "asc" },
    select: { waitlistPosition: true },
  });
  const positionsInOrder = waitlisted.every((r, i) => r.waitlistPosition === i + 1);
  const overbooked = Math.max(0, confirmed - journee.capacity);
  const ok = overbooked === 0 && journee.confirmedCount === confirmed && positionsInOrder;
  return {
    capacity: journee.capacity,
    confirmed,
    counter: journee.confirmedCount,
    waitlisted: waitlisted.length,
    positionsInOrder,
    overbooked,
    ok,
  };
}

/**
 * The database's own write rate through the same driver, pool and concurrency: small
 * single-statement transactions (one INSERT each, committed), for 3 seconds.
 */
export async function rawWriteRate(concurrency: number): Promise<number> {
  const db = await getDb();
  const stopAt = performance.now() + 3000;
  let done = 0;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < stopAt; i++) {
      await db.$executeRaw`INSERT INTO "RateLimitBucket" (key, count, "resetAt") VALUES (${`raw-${w}-${i}`}, 1, now())`;
      done += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return Math.round(done / ((performance.now() - t0) / 1000));
}
