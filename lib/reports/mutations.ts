import { randomInt } from "node:crypto";
import { writeAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { CODE_ALPHABET, type ExportFilters, type ExportKind } from "./schema";

/** 10 Crockford base32 characters from the CSPRNG: 50 bits, unguessable. */
export function newAttestationCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * Gives a verification code to each attendee of the journée who has none yet (idempotent;
 * the conditional update never replaces a code already printed on an attestation).
 * Returns how many codes were assigned.
 */
export async function assignAttestationCodes(journeeId: string, registrationIds?: string[]): Promise<number> {
  const db = await getDb();
  const missing = await db.registration.findMany({
    where: {
      journeeId,
      attestationCode: null,
      status: { not: "CANCELLED" },
      checkIns: { some: {} },
      ...(registrationIds ? { id: { in: registrationIds } } : {}),
    },
    select: { id: true },
  });
  let assigned = 0;
  for (const { id } of missing) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const { count } = await db.registration.updateMany({
          where: { id, attestationCode: null },
          data: { attestationCode: newAttestationCode() },
        });
        assigned += count;
        break;
      } catch (error) {
        // A collision on the unique index (1 chance in 10^15): draw again.
        if (attempt === 4) throw error;
      }
    }
  }
  return assigned;
}

/** Every export is audited: who, which export, which filters, how many rows, when (AuditLog.at). */
export async function auditExport(
  user: CurrentUser,
  kind: ExportKind,
  filters: ExportFilters,
  extra: { rows?: number; ip?: string | null } = {},
): Promise<void> {
  await writeAudit({
    action: `export.${kind}`,
    actorId: user.id,
    actorLabel: user.email,
    entityType: filters.journeeId ? "Journee" : "Programme",
    entityId: filters.journeeId ?? "",
    details: { kind, filters: { ...filters }, rows: extra.rows ?? null },
    ip: extra.ip ?? null,
  });
}

/** What a run of the attestation mailing did (also its audit entry's details). */
export type AttestationMailingOutcome = { sent: number; failed: number; alreadySent: number; withoutEmail: number };

/** Attestations sent by e-mail are audited too (how many, for which journée), once the run is over. */
export async function auditAttestationMailing(
  user: CurrentUser,
  journeeId: string,
  outcome: AttestationMailingOutcome,
) {
  await writeAudit({
    action: "attestations.envoi",
    actorId: user.id,
    actorLabel: user.email,
    entityType: "Journee",
    entityId: journeeId,
    details: { ...outcome },
  });
}

/**
 * Takes the right to e-mail this attestation: a conditional update, so of two runs (two clicks,
 * two instances) only one sends it, and a later run skips it. False when already taken.
 */
export async function claimAttestationSend(registrationId: string): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.registration.updateMany({
    where: { id: registrationId, attestationSentAt: null },
    data: { attestationSentAt: new Date() },
  });
  return count === 1;
}

/** The send failed: a later run may try again. */
export async function releaseAttestationSend(registrationId: string): Promise<void> {
  const db = await getDb();
  await db.registration.updateMany({ where: { id: registrationId }, data: { attestationSentAt: null } });
}

/** The signed émargement and the proof annex are audited like the other exports. */
export async function auditSignedDocument(
  user: CurrentUser,
  kind: "emargement-signe-pdf" | "dossier-preuve-pdf",
  journeeId: string,
  partKey: string | null,
  extra: { rows: number; ip: string | null },
): Promise<void> {
  await writeAudit({
    action: `export.${kind}`,
    actorId: user.id,
    actorLabel: user.email,
    entityType: "Journee",
    entityId: journeeId,
    details: { kind, filters: { journeeId, partKey }, rows: extra.rows },
    ip: extra.ip,
  });
}
