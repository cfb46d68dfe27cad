import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

/**
 * Staff reads of a journée (management pages): every read is scoped by the caller's
 * `journeeScope(user, "manage")` in its `where`. The public reads stay in lib/journees/queries.ts.
 */

/** Only the journée's id and partner, unscoped: to tell "forbidden" from "unknown" before acting. */
export async function findJourneeRef(id: string): Promise<{ id: string; partnerId: string } | null> {
  const db = await getDb();
  return db.journee.findUnique({ where: { id }, select: { id: true, partnerId: true } });
}

/** The journée with its parts and counts, or null when unknown or outside the scope. */
export async function getManagedJournee(scope: JourneeScope, id: string) {
  const db = await getDb();
  const journee = await db.journee.findFirst({
    where: { AND: [{ id }, scope] },
    include: {
      partner: { select: { name: true, shortName: true } },
      parts: { orderBy: [{ position: "asc" }, { startsAt: "asc" }] },
    },
  });
  if (!journee) return null;
  const byStatus = await db.registration.groupBy({
    by: ["status"],
    where: { journeeId: id },
    _count: { _all: true },
  });
  const counts = { CONFIRMED: 0, WAITLISTED: 0, CANCELLED: 0 };
  for (const row of byStatus) counts[row.status] = row._count._all;
  return { ...journee, counts };
}
export type ManagedJournee = NonNullable<Awaited<ReturnType<typeof getManagedJournee>>>;

/** Only the journée's title, for the document titles of its staff pages; null when outside the scope. */
export async function findJourneeTitle(scope: JourneeScope, id: string): Promise<string | null> {
  const db = await getDb();
  const journee = await db.journee.findFirst({ where: { AND: [{ id }, scope] }, select: { title: true } });
  return journee?.title ?? null;
}
