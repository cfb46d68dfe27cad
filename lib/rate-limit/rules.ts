import type { RateLimitRule } from "./mutations";

/**
 * "N" or "N/seconds" (e.g. REGISTRATION_RATE_LIMIT=20/600): N attempts per window per client IP.
 * Default: 20 registrations per 10 minutes. The e2e server and the benchmark raise it.
 */
export function parseRateLimit(value: string | undefined, fallback: RateLimitRule): RateLimitRule {
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(value ?? "");
  if (!match) return fallback;
  const limit = Number(match[1]);
  const windowMs = match[2] ? Number(match[2]) * 1000 : fallback.windowMs;
  return limit > 0 && windowMs > 0 ? { limit, windowMs } : fallback;
}

/**
 * « Renvoyer ma confirmation » sends a mail to someone else's inbox: at most 3 per hour for one
 * journée and address (counted whether or not a registration exists, so the refusal reveals
 * nothing), and 10 per hour per client address.
 */
export const RESEND_LIMITS = {
  perRegistration: { limit: 3, windowMs: 60 * 60_000 },
  perAddress: { limit: 10, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export function registrationRateLimit(env: NodeJS.ProcessEnv = process.env): RateLimitRule {
  return parseRateLimit(env.REGISTRATION_RATE_LIMIT, { limit: 20, windowMs: 10 * 60_000 });
}
