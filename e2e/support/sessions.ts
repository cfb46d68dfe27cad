import { randomBytes } from "node:crypto";
import type { AuditRow } from "@/lib/audit/queries";
import { getDb } from "@/lib/db/client";

/**
 * Test support only (decision 016): the e2e test hooks, the integration tests and the benchmarks
 * sign people in and read the audit log through these; no production module imports them.
 */

/** A database session, as next-auth would create it after an e-mail link. */
export async function createSessionFor(
  userId: string,
  maxAgeSeconds: number,
): Promise<{ sessionToken: string; expires: Date }> {
  const db = await getDb();
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + maxAgeSeconds * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}

/** Audit entries after an id, optionally for some actions (the e2e tests' proof of an audit). */
export async function auditEntriesSince(afterId: number, actions?: string[]): Promise<AuditRow[]> {
  const db = await getDb();
  return db.auditLog.findMany({
    where: { id: { gt: afterId }, ...(actions?.length ? { action: { in: actions } } : {}) },
    orderBy: { id: "asc" },
    take: 500,
  });
}
