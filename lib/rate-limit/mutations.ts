import { getDb } from "@/lib/db/client";

export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitOutcome = { allowed: boolean; count: number; retryAfterS: number };

/**
 * Fixed-window counter shared by every app instance: ONE atomic upsert increments the bucket
 * (or restarts it once its window is over) and returns the new count.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitOutcome> {
  const db = await getDb();
  const resetAt = new Date(now.getTime() + rule.windowMs);
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimitBucket" (key, count, "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END
    RETURNING count, "resetAt"`;
  const { count, resetAt: bucketReset } = rows[0];
  const retryAfterS = Math.max(1, Math.ceil((new Date(bucketReset).getTime() - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, count, retryAfterS };
}

/** Forgets buckets whose window is over (housekeeping; safe to run at any time). */
export async function purgeExpiredBuckets(now = new Date()): Promise<number> {
  const db = await getDb();
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "resetAt" <= ${now}`;
}
