import type { z } from "zod";
import { shareSheet } from "@/lib/attendance/mutations/sheet";
import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import { ok, type Result, refused } from "@/lib/result";
import { newTokenSalt, tokensForSalt } from "@/lib/security/tokens";
import { foldForSearch, normalizeEmail } from "@/lib/text/normalize";
import { checkInWindow, isLateSync, type JourneeSnapshot, offlineSyncDeadline } from "../evaluate";
import type { Actor } from "../mutations";
import type { ScanOutcome, WalkInSchema } from "../schema";
import { OFFLINE_SCAN_BOUNDS, UNDO_WINDOW_MS, WHOLE_DAY } from "../schema";

export type WalkInRefusal = "full" | "part_full" | "closed" | "duplicate_email" | "too_late" | "sheet_closed";
type WalkIn = z.output<typeof WalkInSchema>;

class Refusal extends Error {
  constructor(readonly reason: "full" | "part_full" | "sheet_closed") {
    super(reason);
  }
}

const isUnique = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

/**
 * Registers a person at the door and checks them in, in ONE transaction: a conditional increment
 * of Journee.confirmedCount (never above capacity), then the same on the chosen half-day when it
 * has a capacity of its own (journée row first, then the part: the lock order of registrations),
 * or — only when an organiser asks for it — an increment past capacity recorded as overCapacity
 * (with which one was full) and audited. The scan nonce makes a
 * retried submission return the first result instead of a second registration.
 * Recorded offline and synced later: the window is checked and the presence dated at the door's
 * time (`scannedAt`, believed up to 5 minutes ahead of the server's clock).
 */
export async function registerWalkIn(
  input: WalkIn,
  journee: JourneeSnapshot,
  actor: Actor,
  now = new Date(),
): Promise<Result<{ outcome: ScanOutcome; overCapacity: boolean }, WalkInRefusal>> {
  const { opensAt, closesAt } = checkInWindow(journee);
  // A walk-in recorded offline creates a confirmed attendee: it may not arrive after the grace.
  if (input.offline && now.getTime() > offlineSyncDeadline(journee).getTime()) return refused("too_late");
  const lateSync = isLateSync({ offline: Boolean(input.offline), receivedAt: now }, journee);
  const offlineAt = input.offline ? input.scannedAt : undefined;
  const at = offlineAt && offlineAt.getTime() <= now.getTime() + OFFLINE_SCAN_BOUNDS.aheadMs ? offlineAt : now;
  if (journee.status !== "PUBLISHED" || at < opensAt || at > closesAt) return refused("closed");
  const db = await getDb();
  const email = input.email?.trim() || null;
  const emailNormalized = email ? normalizeEmail(email) : null;
  const partId = input.partKey === WHOLE_DAY ? null : input.partKey;
  const tokenSalt = newTokenSalt();
  const { ticketHash, manageHash } = tokensForSalt(tokenSalt);
  try {
    return await db.$transaction(async (tx) => {
      // A countersigned half-day takes no new presence (decision 031): read under the sheet's lock.
      if ((await shareSheet(tx, journee.id, input.partKey)).closed) throw new Refusal("sheet_closed");
      const seat = await tx.$queryRaw<{ n: number }[]>`
        UPDATE "Journee" SET "confirmedCount" = "confirmedCount" + 1
        WHERE id = ${journee.id} AND "confirmedCount" < capacity RETURNING 1 AS n`;
      const journeeFull = seat.length === 0;
      const partSeat = partId
        ? await tx.$queryRaw<{ n: number }[]>`
            UPDATE "JourneePart" SET "confirmedCount" = "confirmedCount" + 1
            WHERE id = ${partId} AND "journeeId" = ${journee.id} AND (capacity IS NULL OR "confirmedCount" < capacity)
            RETURNING 1 AS n`
        : [];
      const partFull = partId !== null && partSeat.length === 0;
      const overCapacity = journeeFull || partFull;
      if (overCapacity && !(input.forceOverCapacity && actor.mayOverCapacity)) {
        throw new Refusal(journeeFull ? "full" : "part_full");
      }
      if (journeeFull) {
        await tx.journee.update({ where: { id: journee.id }, data: { confirmedCount: { increment: 1 } } });
      }
      if (partFull && partId) {
        await tx.journeePart.update({ where: { id: partId }, data: { confirmedCount: { increment: 1 } } });
      }
      const reg = await tx.registration.create({
        data: {
          journeeId: journee.id,
          firstName: input.firstName,
          lastName: input.lastName,
          searchText: foldForSearch(`${input.firstName} ${input.lastName} ${input.structure}`),
          email,
          emailNormalized,
          liveEmailKey: emailNormalized,
          structure: input.structure,
          structureType: input.structureType,
          status: "CONFIRMED",
          tokenSalt,
          ticketHash,
          manageHash,
          walkIn: true,
          overCapacity,
          createdById: actor.userId,
          parts: partId ? { create: [{ partId }] } : undefined,
        },
        select: { id: true },
      });
      const common = {
        journeeId: journee.id,
        partKey: input.partKey,
        registrationId: reg.id,
        method: "WALK_IN" as const,
      };
      const where = { door: input.door, deviceId: input.deviceId, agentId: actor.userId, offline: input.offline };
      await tx.scanEvent.create({ data: { ...common, ...where, nonce: input.nonce, result: "ok", scannedAt: at } });
      const checkIn = await tx.checkIn.create({
        data: { ...common, ...where, partId, checkedInAt: at },
        select: { id: true },
      });
      await writeAudit(
        {
          action: overCapacity ? "checkin.walk_in_over_capacity" : "checkin.walk_in",
          actorId: actor.userId,
          actorLabel: actor.name,
          entityType: "Registration",
          entityId: reg.id,
          details: {
            journeeId: journee.id,
            partKey: input.partKey,
            door: input.door,
            overCapacity,
            lateSync,
            journeeFull,
            partFull,
          },
        },
        tx,
      );
      const person = { registrationId: reg.id, ...pick(input), walkIn: true };
      const undoUntil = new Date(now.getTime() + UNDO_WINDOW_MS).toISOString();
      const shown = { id: checkIn.id, at: at.toISOString(), door: input.door, agentName: actor.name, undoUntil };
      const details = { person, checkIn: shown };
      return ok({ outcome: { nonce: input.nonce, result: "ok" as const, details }, overCapacity });
    });
  } catch (error) {
    if (error instanceof Refusal) return refused(error.reason);
    if (!isUnique(error)) throw error;
    const replayed = await replayWalkIn(input.nonce, journee.id);
    if (replayed) return ok({ outcome: replayed, overCapacity: false });
    return refused("duplicate_email");
  }
}

function pick(input: WalkIn) {
  return { firstName: input.firstName, lastName: input.lastName, structure: input.structure };
}

/** The registration a retried walk-in submission (same nonce, same journée) already created. */
async function replayWalkIn(nonce: string, journeeId: string): Promise<ScanOutcome | null> {
  const db = await getDb();
  const event = await db.scanEvent.findFirst({
    where: { nonce, journeeId },
    select: { registration: { select: { id: true, firstName: true, lastName: true, structure: true } } },
  });
  if (!event?.registration) return null;
  const { id, ...rest } = event.registration;
  return { nonce, result: "ok", details: { person: { registrationId: id, ...rest, walkIn: true }, replayed: true } };
}
