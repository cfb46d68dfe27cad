import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type RecipientStatus = "CONFIRMED" | "WAITLISTED";

const select = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  status: true,
  tokenSalt: true,
  journee: { select: { title: true, city: true, venue: true, address: true, startsAt: true, endsAt: true } },
} as const;

/** Registrants of a journée with an e-mail address, in arrival order — scoped in the `where`. */
export async function listRecipients(scope: JourneeScope, journeeId: string, statuses: RecipientStatus[]) {
  const db = await getDb();
  return db.registration.findMany({
    where: { journeeId, status: { in: statuses }, email: { not: null }, journee: { AND: [{ id: journeeId }, scope] } },
    orderBy: { seq: "asc" },
    select,
  });
}
export type Recipient = Awaited<ReturnType<typeof listRecipients>>[number];

/** How many confirmed registrants a message would reach (shown before sending). */
export async function countRecipients(scope: JourneeScope, journeeId: string): Promise<number> {
  const db = await getDb();
  return db.registration.count({
    where: { journeeId, status: "CONFIRMED", email: { not: null }, journee: { AND: [{ id: journeeId }, scope] } },
  });
}
