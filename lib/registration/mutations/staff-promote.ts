import type { Prisma } from "@/lib/db/generated/client";
import { takeOptionPlacesOnPromotion } from "./answers";
import { takePartPlace } from "./parts";
import { lockJournee } from "./waitlist";

type Tx = Prisma.TransactionClient;
export type StaffPromotion =
  | { ok: true; droppedParts: string[] }
  | { ok: false; reason: "not_found" | "not_waitlisted" | "full" };

/**
 * Staff variant of the waiting-list promotion: promotes THIS waitlisted person (not only the first
 * in line), under the journée's row lock, and only if the journée has a free place (conditional
 * increment: never above capacity). Ateliers that are full are dropped, as in promoteWaitlist.
 */
export async function promoteRegistration(
  tx: Tx,
  journeeId: string,
  registrationId: string,
  now: Date,
): Promise<StaffPromotion> {
  await lockJournee(tx, journeeId);
  const reg = await tx.registration.findFirst({
    where: { id: registrationId, journeeId },
    select: { status: true, parts: { select: { partId: true, part: { select: { title: true } } } } },
  });
  if (!reg) return { ok: false, reason: "not_found" };
  if (reg.status !== "WAITLISTED") return { ok: false, reason: "not_waitlisted" };
  const room = await tx.$executeRaw`
    UPDATE "Journee" SET "confirmedCount" = "confirmedCount" + 1
    WHERE id = ${journeeId} AND "confirmedCount" < capacity`;
  if (room === 0) return { ok: false, reason: "full" };
  await tx.registration.update({ where: { id: registrationId }, data: { status: "CONFIRMED", promotedAt: now } });
  const droppedParts: string[] = [];
  for (const choice of [...reg.parts].sort((a, b) => a.partId.localeCompare(b.partId))) {
    if (await takePartPlace(tx, choice.partId)) continue;
    await tx.registrationPart.delete({ where: { registrationId_partId: { registrationId, partId: choice.partId } } });
    droppedParts.push(choice.part.title);
  }
  droppedParts.push(...(await takeOptionPlacesOnPromotion(tx, registrationId)));
  return { ok: true, droppedParts };
}
