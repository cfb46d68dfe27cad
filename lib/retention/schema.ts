import { z } from "zod";

/**
 * The retention policy (RGPD), from the environment; defaults in docs/decisions/008-retention.md.
 * - RETENTION_FULL_MONTHS (6): full registration data is kept until the journée ends + this;
 * - RETENTION_PROOF_YEARS (3): then only the proof of attendance, for this long;
 * - RETENTION_DAILY (1): the app applies the policy on its own every night; 0 turns it off;
 * - RETENTION_DAILY_HOUR (3): the Paris hour of that nightly run.
 */
const blankIsDefault = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const int = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsDefault, z.coerce.number().int().min(min).max(max).default(fallback));

export const retentionPolicySchema = z.object({
  RETENTION_FULL_MONTHS: int(1, 120, 6),
  RETENTION_PROOF_YEARS: int(0, 30, 3),
  RETENTION_DAILY: z.preprocess(blankIsDefault, z.enum(["0", "1"]).default("1")),
  RETENTION_DAILY_HOUR: int(0, 23, 3),
});

export type RetentionPolicy = { fullMonths: number; proofYears: number; daily: boolean; dailyHour: number };

/** Throws a French message naming the faulty variable: a wrong policy must stop the run, not guess. */
export function retentionPolicyFromEnv(env: Record<string, string | undefined> = process.env): RetentionPolicy {
  const parsed = retentionPolicySchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Politique de conservation invalide (${names}) : voir docs/decisions/008-retention.md.`);
  }
  const p = parsed.data;
  return {
    fullMonths: p.RETENTION_FULL_MONTHS,
    proofYears: p.RETENTION_PROOF_YEARS,
    daily: p.RETENTION_DAILY === "1",
    dailyHour: p.RETENTION_DAILY_HOUR,
  };
}

/** `date` minus whole months, clamped to the month's last day (31 August − 6 months = 28/29 February). */
export function subtractMonths(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/**
 * A journée that ended on or before `fullBefore` keeps only the proof of attendance; one that ended
 * on or before `proofBefore` keeps only what the aggregates need.
 */
export type RetentionCutoffs = { fullBefore: Date; proofBefore: Date };

export function retentionCutoffs(
  now: Date,
  policy: Pick<RetentionPolicy, "fullMonths" | "proofYears">,
): RetentionCutoffs {
  return {
    fullBefore: subtractMonths(now, policy.fullMonths),
    proofBefore: subtractMonths(now, policy.fullMonths + 12 * policy.proofYears),
  };
}

/** What an anonymised registration shows in lists and exports (retention stage 2 and erasure alike). */
export const ANONYMOUS_FIRST_NAME = "Anonyme";
