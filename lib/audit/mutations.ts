import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditEntry = {
  action: string;
  actorId?: string | null;
  actorLabel?: string;
  entityType?: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
};

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

/** Appends one audit entry; pass the transaction client to write it with the change it records. */
export async function writeAudit(entry: AuditEntry, tx?: Tx): Promise<void> {
  const db = tx ?? (await getDb());
  await db.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorLabel: entry.actorLabel ?? "",
      entityType: entry.entityType ?? "",
      entityId: entry.entityId ?? "",
      details: entry.details ?? {},
      ip: entry.ip ?? null,
    },
  });
}
