import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitOutcome = { allowed: boolean; count: number; retryAfterS: number };

/**
 * Fixed-window counter shared by every app instance: ONE atomic upsert increments the bucket
 * (or restarts it once its window is over) and returns the new count.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitOutcome> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`${bucketHitSql(key, rule, now)}`;
  return rateLimitOutcome(rows[0], rule, now);
}

/**
 * The bucket increment as one SQL statement returning (count, "resetAt"), for hitRateLimit and
 * for hot statements that fold it into a CTE (the registration: one statement, decision 012).
 */
export function bucketHitSql(key: string, rule: RateLimitRule, now: Date): Prisma.Sql {
  const resetAt = new Date(now.getTime() + rule.windowMs);
  return Prisma.sql`
    INSERT INTO "RateLimitBucket" (key, count, "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END
    RETURNING count, "resetAt"`;
}

export function rateLimitOutcome(
  bucket: { count: number | bigint; resetAt: Date | string },
  rule: RateLimitRule,
  now: Date,
): RateLimitOutcome {
  const count = Number(bucket.count);
  const retryAfterS = Math.max(1, Math.ceil((new Date(bucket.resetAt).getTime() - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, count, retryAfterS };
}

/** Forgets buckets whose window is over (housekeeping; safe to run at any time). */
export async function purgeExpiredBuckets(now = new Date()): Promise<number> {
  const db = await getDb();
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "resetAt" <= ${now}`;
}
