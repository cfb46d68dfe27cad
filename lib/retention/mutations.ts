import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { newTokenSalt, tokensForSalt } from "@/lib/security/tokens";
import { foldForSearch } from "@/lib/text/normalize";
import { aggregatesOnlyWhere, PERSONAL_ANSWER, planRetention, proofOnlyWhere, type RetentionPlan } from "./queries";
import { ANONYMOUS_FIRST_NAME, type RetentionPolicy, retentionCutoffs, retentionPolicyFromEnv } from "./schema";

/** Any constant shared by every instance: the advisory lock that keeps two runs from overlapping. */
const RETENTION_LOCK_KEY = 8_008_001;

/** Contact details and consent-based data: gone once the full-data period is over. */
export const CONTACT_REMOVED = {
  email: null,
  emailNormalized: null,
  liveEmailKey: null,
  phone: null,
  accessibilityNeeds: null,
  inviteConsent: false,
} satisfies Prisma.RegistrationUpdateInput;

/**
 * Identity removed too. Status, structureType, network, commune, walk-in flag, half-day choices
 * and check-ins stay: they are what every dashboard counts (the network describes the structure,
 * not the person).
 */
export function anonymisedFields(now: Date) {
  const tokenSalt = newTokenSalt();
  const { ticketHash, manageHash } = tokensForSalt(tokenSalt);
  return {
    ...CONTACT_REMOVED,
    firstName: ANONYMOUS_FIRST_NAME,
    lastName: "",
    structure: "",
    jobTitle: "",
    searchText: "",
    // A new salt: tickets and management links sent earlier no longer resolve.
    tokenSalt,
    ticketHash,
    manageHash,
    anonymizedAt: now,
  } satisfies Prisma.RegistrationUpdateInput;
}

export type RetentionRun = RetentionPlan & {
  dryRun: boolean;
  /** False for a dry run, or when another instance holds the lock (`skipped`). */
  ran: boolean;
  changed: boolean;
  skipped?: "locked";
};

type Tx = Prisma.TransactionClient;

/** Stage 1: the proof of attendance stays (name, structure, journée, half-days, check-ins). */
async function keepProofOnly(tx: Tx, where: Prisma.RegistrationWhereInput): Promise<void> {
  const rows = await tx.registration.findMany({
    where,
    select: { id: true, firstName: true, lastName: true, structure: true },
  });
  for (const r of rows) {
    // searchText may hold the e-mail (older rows, demo data): rebuilt from what remains.
    const searchText = foldForSearch(`${r.firstName} ${r.lastName} ${r.structure}`);
    await tx.registration.update({ where: { id: r.id }, data: { ...CONTACT_REMOVED, searchText } });
  }
  await removePersonalAnswers(
    tx,
    rows.map((r) => r.id),
  );
}

/**
 * Answers to personal questions (diets can be health data) and free-text answers go with the full
 * data; choices of other questions (lunch, transport, atelier) stay for the counts.
 */
async function removePersonalAnswers(tx: Tx, registrationIds: string[]): Promise<void> {
  if (!registrationIds.length) return;
  await tx.registrationAnswer.deleteMany({ where: { registrationId: { in: registrationIds }, ...PERSONAL_ANSWER } });
}

/** Stage 2: one update per row, since each gets its own new token salt. */
async function keepAggregatesOnly(tx: Tx, where: Prisma.RegistrationWhereInput, now: Date): Promise<void> {
  const rows = await tx.registration.findMany({ where, select: { id: true } });
  for (const r of rows) await tx.registration.update({ where: { id: r.id }, data: anonymisedFields(now) });
  await removePersonalAnswers(
    tx,
    rows.map((r) => r.id),
  );
  await removeSignatures(
    tx,
    rows.map((r) => r.id),
  );
}

/**
 * Signatures are attendance proof (decision 020): kept through stage 1, deleted with the proof at
 * stage 2 (images, their history with client addresses, the motives of justified absences — the
 * justification's status stays, like the check-ins, for the counts). Also used by erasure.
 */
export async function removeSignatures(tx: Tx, registrationIds: string[]): Promise<void> {
  if (!registrationIds.length) return;
  const where = { registrationId: { in: registrationIds } };
  await tx.attendanceSignature.deleteMany({ where });
  await tx.signatureEvent.deleteMany({ where });
  await tx.absenceJustification.updateMany({ where, data: { reason: "" } });
}

/** Stage 2 for the organisers' countersignatures: the sheets of journées whose proof period is over. */
async function removeCountersignatures(tx: Tx, proofBefore: Date): Promise<void> {
  await tx.halfDaySheet.updateMany({
    where: { journee: { endsAt: { lte: proofBefore } }, countersignPng: { not: null } },
    data: { countersignPng: null, countersignName: null },
  });
}

/**
 * Applies the retention policy as of `now`, in one transaction, audited (`retention.run`, counts
 * only). Never deletes a registration or a check-in, so aggregates are unchanged. A dry run only
 * counts. Safe to run again: a second run finds nothing left to do and says so.
 */
export async function applyRetention(
  options: { now?: Date; dryRun?: boolean; policy?: RetentionPolicy; actorLabel?: string } = {},
): Promise<RetentionRun> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? retentionPolicyFromEnv();
  const db = await getDb();
  if (options.dryRun) {
    const plan = await planRetention(now, policy, db);
    return { ...plan, dryRun: true, ran: false, changed: false };
  }
  return db.$transaction(
    async (tx) => {
      // Held until commit; another instance's run finds it taken and skips (PostgreSQL and PGlite).
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}::bigint) AS locked`;
      const cutoffs = retentionCutoffs(now, policy);
      if (!locked) {
        const none = { journees: 0, registrations: 0 };
        return {
          ...cutoffs,
          proofOnly: none,
          aggregatesOnly: none,
          dryRun: false,
          ran: false,
          changed: false,
          skipped: "locked" as const,
        };
      }
      const plan = await planRetention(now, policy, tx);
      await keepAggregatesOnly(tx, aggregatesOnlyWhere(cutoffs), now);
      await removeCountersignatures(tx, cutoffs.proofBefore);
      await keepProofOnly(tx, proofOnlyWhere(cutoffs));
      const changed = plan.proofOnly.registrations + plan.aggregatesOnly.registrations > 0;
      await writeAudit(
        {
          action: "retention.run",
          actorLabel: options.actorLabel ?? "conservation",
          entityType: "Retention",
          details: {
            fullBefore: plan.fullBefore.toISOString(),
            proofBefore: plan.proofBefore.toISOString(),
            policy: { fullMonths: policy.fullMonths, proofYears: policy.proofYears },
            proofOnly: plan.proofOnly,
            aggregatesOnly: plan.aggregatesOnly,
            changed,
          },
        },
        tx,
      );
      return { ...plan, dryRun: false, ran: true, changed };
    },
    // Thousands of rows at most per run; the default 5 s interactive-transaction timeout is too short.
    { maxWait: 60_000, timeout: 10 * 60_000 },
  );
}
