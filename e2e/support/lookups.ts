import { getDb } from "@/lib/db/client";

/** Test hooks only: ids from the demo data's slugs. */
export async function partnerIdBySlug(slug: string): Promise<string | null> {
  const db = await getDb();
  return (await db.partner.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

export async function journeeBySlug(slug: string): Promise<{ id: string; partnerId: string } | null> {
  const db = await getDb();
  return db.journee.findUnique({ where: { slug }, select: { id: true, partnerId: true } });
}

export async function lastAuditId(): Promise<number> {
  const db = await getDb();
  return (await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
}
