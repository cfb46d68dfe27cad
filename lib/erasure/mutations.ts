import { createHmac } from "node:crypto";
import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import { anonymisedFields, removeSignatures } from "@/lib/retention/mutations";
import { serverSecret } from "@/lib/security/secret";
import { normalizeEmail } from "@/lib/text/normalize";
import { personWhere } from "./queries";

export type ErasureActor = { id: string | null; label: string; ip?: string | null };

/**
 * Lets an auditor confirm a request was handled, given the e-mail, without the log holding it.
 * Keyed with the server secret: a plain hash of an address can be confirmed by guessing it.
 */
export function emailFingerprint(email: string): string {
  return createHmac("sha256", serverSecret())
    .update(`erasure:${normalizeEmail(email)}`)
    .digest("hex");
}

/**
 * Right to erasure (RGPD art. 17): every registration of that e-mail, on every journée, is
 * anonymised like retention's last stage (same fields, new token salt so tickets and links die).
 * Rows, status, type of structure, commune, half-day choices and check-ins stay, so every count
 * and the journée's capacity counter stay right. Audited as `person.erased`, without the e-mail.
 */
export async function erasePerson(email: string, actor: ErasureActor, now = new Date()): Promise<{ erased: number }> {
  const db = await getDb();
  const fingerprint = emailFingerprint(email);
  return db.$transaction(
    async (tx) => {
      const rows = await tx.registration.findMany({ where: personWhere(email), select: { id: true, journeeId: true } });
      for (const r of rows) await tx.registration.update({ where: { id: r.id }, data: anonymisedFields(now) });
      await removeSignatures(
        tx,
        rows.map((r) => r.id),
      );
      await writeAudit(
        {
          action: "person.erased",
          actorId: actor.id,
          actorLabel: actor.label,
          entityType: "Person",
          entityId: fingerprint,
          details: {
            registrations: rows.length,
            journees: new Set(rows.map((r) => r.journeeId)).size,
            emailFingerprint: fingerprint,
          },
          ip: actor.ip ?? null,
        },
        tx,
      );
      return { erased: rows.length };
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
