import { writeAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/permissions";
import { withinOfflineBounds } from "@/lib/checkin/mutations";
import { getDb } from "@/lib/db/client";
import { type Result, refused } from "@/lib/result";
import { hashToken, parseTicketPayload } from "@/lib/security/tokens";
import { doorScopedJournee } from "../queries/room";
import type { DepartureRequest } from "../schema";
import { lockSheet } from "./sheet";

export type DepartureRefusal = "forbidden" | "unknown_ticket" | "not_present" | "sheet_closed";
export type DeparturePerson = { registrationId: string; firstName: string; lastName: string; structure: string };

/**
 * POST /api/attendance/departure: the « départ » action, or the second scan in check-out mode
 * (the scan answers already_checked_in with the registrationId, then the scanner posts here).
 * The first departure stays (a conditional update on departedAt IS NULL); the same nonce or a
 * second departure answer the stored time. Offline: the device's time, within the offline bounds.
 * In check-out mode the ticket comes here directly: a person never checked in is told
 * `not_present` and is NOT checked in at the moment they leave (a scan would have done so).
 */
export async function recordDeparture(
  user: CurrentUser,
  req: DepartureRequest,
  now = new Date(),
): Promise<Result<{ departedAt: string; person: DeparturePerson }, DepartureRefusal>> {
  const journee = await doorScopedJournee(user, req.journeeId, req.partKey);
  if (!journee) return refused("forbidden");
  const at = req.offline && req.clientAt && withinOfflineBounds(req.clientAt, journee, now) ? req.clientAt : now;
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const sheet = await lockSheet(tx, req.journeeId, req.partKey);
    const token = req.ticket ? parseTicketPayload(req.ticket) : null;
    if (req.ticket && !token) return refused("unknown_ticket");
    const person = await tx.registration.findFirst({
      where: { journeeId: req.journeeId, ...(token ? { ticketHash: hashToken(token) } : { id: req.registrationId }) },
      select: { id: true, firstName: true, lastName: true, structure: true },
    });
    if (!person) return refused(req.ticket ? "unknown_ticket" : "not_present");
    const who = {
      registrationId: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      structure: person.structure,
    };
    const where = { registrationId: person.id, partKey: req.partKey, journeeId: req.journeeId };
    const checkIn = await tx.checkIn.findFirst({ where, select: { id: true, departedAt: true, departureNonce: true } });
    if (!checkIn) return refused("not_present");
    if (checkIn.departedAt) return { ok: true as const, departedAt: checkIn.departedAt.toISOString(), person: who };
    if (sheet.closedAt) return refused("sheet_closed");
    await tx.checkIn.update({
      where: { id: checkIn.id },
      data: { departedAt: at, departedById: user.id, departureDoor: req.door, departureNonce: req.nonce },
    });
    await writeAudit(
      {
        action: "checkin.departure",
        actorId: user.id,
        actorLabel: user.email,
        entityType: "Registration",
        entityId: person.id,
        details: { journeeId: req.journeeId, partKey: req.partKey, door: req.door, offline: req.offline },
      },
      tx,
    );
    return { ok: true as const, departedAt: at.toISOString(), person: who };
  });
}
