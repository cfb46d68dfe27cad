import { getDb } from "@/lib/db/client";
import type { Scope } from "../queries";

export type AttestationMailingProgress = {
  /** Attendees (checked in, not cancelled) with an e-mail address. */
  total: number;
  sent: number;
  /** The last run's outcome (its audit entry), null before any run. */
  last: { at: Date; sent: number; failed: number } | null;
};

/** How far the e-mailing of one journée's attestations has got (`scope`: the "manage" scope). */
export async function getAttestationMailingProgress(
  scope: Scope,
  journeeId: string,
): Promise<AttestationMailingProgress> {
  const db = await getDb();
  const attendees = {
    journeeId,
    journee: scope,
    status: { not: "CANCELLED" as const },
    email: { not: null },
    checkIns: { some: {} },
  };
  const [total, sent, last] = await Promise.all([
    db.registration.count({ where: attendees }),
    db.registration.count({ where: { ...attendees, attestationSentAt: { not: null } } }),
    db.auditLog.findFirst({
      where: { action: "attestations.envoi", entityType: "Journee", entityId: journeeId },
      orderBy: { id: "desc" },
      select: { at: true, details: true },
    }),
  ]);
  const details = (last?.details ?? {}) as { sent?: number; failed?: number };
  return {
    total,
    sent,
    last: last ? { at: last.at, sent: details.sent ?? 0, failed: details.failed ?? 0 } : null,
  };
}
