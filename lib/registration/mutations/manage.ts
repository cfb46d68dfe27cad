import { hashToken } from "@/lib/security/tokens";
import type { UpdateInput } from "../schema";
import { manageLinkExpired } from "../window";
import { releaseOptionPlaces } from "./answers";
import { changeAnswers } from "./change-answers";
import { inTransaction, type MutationContext, personData, type Tx } from "./in-transaction";
import { chosenPartIds, releasePartPlace, takePartPlaces } from "./parts";
import { RegistrationRefused } from "./refused";
import { lockJournee, type Promotion, promoteWaitlist } from "./waitlist";

/** The live registration behind a management token, read inside the transaction. */
async function registrationForToken(tx: Tx, token: string, now: Date) {
  const reg = await tx.registration.findUnique({
    where: { manageHash: hashToken(token) },
    select: { id: true, journeeId: true, journee: { select: { endsAt: true } } },
  });
  if (!reg) throw new RegistrationRefused("unknown_link");
  if (manageLinkExpired(reg.journee, now)) throw new RegistrationRefused("expired_link");
  await lockJournee(tx, reg.journeeId);
  // Re-read after the lock: status changes for one journée all happen under it.
  const current = await tx.registration.findUniqueOrThrow({
    where: { id: reg.id },
    select: { id: true, journeeId: true, status: true, parts: { select: { partId: true } } },
  });
  if (current.status === "CANCELLED") throw new RegistrationRefused("already_cancelled");
  return current;
}

/**
 * Changes details, half-day/atelier choices and answers to the journée's questions; a confirmed
 * person's new atelier and new options must have room (mutations/change-answers.ts).
 */
export async function updateRegistration(token: string, input: UpdateInput, ctx: MutationContext = {}) {
  const now = ctx.now ?? new Date();
  return inTransaction(async (tx) => {
    const reg = await registrationForToken(tx, token, now);
    const parts = await tx.journeePart.findMany({
      where: { journeeId: reg.journeeId },
      select: { id: true, kind: true, title: true },
    });
    const next = chosenPartIds(parts, input.halfDayIds, input.workshopId);
    const before = reg.parts.map((p) => p.partId);
    const added = next.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !next.includes(id));
    if (reg.status === "CONFIRMED") {
      for (const id of removed) await releasePartPlace(tx, id);
      await takePartPlaces(tx, added, parts);
    }
    const answers = await changeAnswers(tx, reg.id, reg.journeeId, input.answers, reg.status === "CONFIRMED");
    await tx.registration.update({
      where: { id: reg.id },
      data: {
        ...personData(input),
        parts: { deleteMany: { partId: { in: removed } }, create: added.map((partId) => ({ partId })) },
      },
    });
    return {
      ok: true as const,
      registrationId: reg.id,
      droppedAnswers: answers.dropped,
      answerChanges: answers.changes,
    };
  });
}

/** Cancels: frees the place (and atelier places) and promotes the waiting list, in one transaction. */
export async function cancelRegistration(token: string, ctx: MutationContext = {}) {
  const now = ctx.now ?? new Date();
  return inTransaction(async (tx) => {
    const reg = await registrationForToken(tx, token, now);
    await tx.registration.update({
      where: { id: reg.id },
      data: { status: "CANCELLED", liveEmailKey: null, cancelledAt: now },
    });
    let promoted: Promotion[] = [];
    if (reg.status === "CONFIRMED") {
      await tx.$executeRaw`
        UPDATE "Journee" SET "confirmedCount" = GREATEST("confirmedCount" - 1, 0) WHERE id = ${reg.journeeId}`;
      for (const { partId } of reg.parts) await releasePartPlace(tx, partId);
      await releaseOptionPlaces(tx, reg.id);
      promoted = await promoteWaitlist(tx, reg.journeeId, now);
    }
    return { ok: true as const, registrationId: reg.id, journeeId: reg.journeeId, wasStatus: reg.status, promoted };
  });
}
