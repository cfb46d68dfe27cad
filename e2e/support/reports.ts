import { getDb } from "@/lib/db/client";
import { manageToken } from "@/lib/security/tokens";

// Report test hooks (/api/test-hooks/reports, e2e build only): someone present, someone who attended.

/** Checks in one confirmed, not yet present person of the journée (first half-day if any), now. */
export async function testHookCheckIn(journeeSlug: string): Promise<{ registrationId: string } | null> {
  const db = await getDb();
  const journee = await db.journee.findUnique({
    where: { slug: journeeSlug },
    select: {
      id: true,
      parts: { where: { kind: "HALF_DAY" }, orderBy: { position: "asc" }, take: 1, select: { id: true } },
    },
  });
  if (!journee) return null;
  const r = await db.registration.findFirst({
    where: { journeeId: journee.id, status: "CONFIRMED", checkIns: { none: {} } },
    orderBy: { seq: "asc" },
    select: { id: true },
  });
  if (!r) return null;
  const partId = journee.parts[0]?.id ?? null;
  await db.checkIn.create({
    data: {
      registrationId: r.id,
      journeeId: journee.id,
      partId,
      partKey: partId ?? "journee",
      checkedInAt: new Date(),
      method: "QR",
    },
  });
  return { registrationId: r.id };
}

/** The management token of someone who attended the journée (to download their attestation). */
export async function testHookAttendee(journeeSlug: string) {
  const db = await getDb();
  const r = await db.registration.findFirst({
    where: { journee: { slug: journeeSlug }, status: "CONFIRMED", checkIns: { some: {} } },
    orderBy: { seq: "asc" },
    select: { firstName: true, lastName: true, tokenSalt: true },
  });
  return r ? { firstName: r.firstName, lastName: r.lastName, manageToken: manageToken(r.tokenSalt) } : null;
}
