import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { normalizeEmail } from "@/lib/text/normalize";

/**
 * Every registration of a person: the normalised e-mail, and the raw e-mail compared without case
 * (a row written before normalisation was consistent is still found).
 */
export function personWhere(email: string): Prisma.RegistrationWhereInput {
  const normalized = normalizeEmail(email);
  return { OR: [{ emailNormalized: normalized }, { email: { equals: email.trim(), mode: "insensitive" } }] };
}

/** For the confirmation step: how many registrations, over how many journées (no names shown). */
export async function countPersonRegistrations(email: string): Promise<{ registrations: number; journees: number }> {
  const db = await getDb();
  const groups = await db.registration.groupBy({
    by: ["journeeId"],
    where: personWhere(email),
    _count: { _all: true },
  });
  return { journees: groups.length, registrations: groups.reduce((n, g) => n + g._count._all, 0) };
}
