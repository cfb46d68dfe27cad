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

export function registrationRateLimit(env: NodeJS.ProcessEnv = process.env): RateLimitRule {
  return parseRateLimit(env.REGISTRATION_RATE_LIMIT, { limit: 20, windowMs: 10 * 60_000 });
}
