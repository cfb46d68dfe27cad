import { type CurrentUser, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type AuditRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  details: unknown;
  ip: string | null;
};

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, for admins only (anyone else gets nothing). */
export async function listAuditEntries(
  user: CurrentUser | null,
  options: { page?: number; action?: string } = {},
): Promise<{ rows: AuditRow[]; total: number; page: number; pageCount: number }> {
  if (!isAdmin(user)) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const db = await getDb();
  const where = options.action ? { action: { startsWith: options.action } } : {};
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return { rows, total, page, pageCount };
}
