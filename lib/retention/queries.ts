import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type RetentionCutoffs, type RetentionPolicy, retentionCutoffs } from "./schema";

/**
 * Which registrations each retention stage still has to process. Both stages only select rows that
 * still hold what they remove, which is what makes a second run a no-op. The stages are disjoint:
 * stage 2 (proof period over) also does stage 1's work on its rows.
 */
export function proofOnlyWhere(c: RetentionCutoffs): Prisma.RegistrationWhereInput {
  return {
    journee: { endsAt: { lte: c.fullBefore, gt: c.proofBefore } },
    OR: [
      { email: { not: null } },
      { emailNormalized: { not: null } },
      { liveEmailKey: { not: null } },
      { phone: { not: null } },
      { accessibilityNeeds: { not: null } },
      { inviteConsent: true },
      // Answers to the organisers' questions marked personal (free text, diets): full data.
      { answers: { some: PERSONAL_ANSWER } },
    ],
  };
}

/** Answers deleted with the full data: personal questions (diets…) and any free text. */
export const PERSONAL_ANSWER: Prisma.RegistrationAnswerWhereInput = {
  OR: [{ question: { personal: true } }, { text: { not: null } }],
};

export function aggregatesOnlyWhere(c: RetentionCutoffs): Prisma.RegistrationWhereInput {
  return { journee: { endsAt: { lte: c.proofBefore } }, anonymizedAt: null };
}

export type StageCount = { journees: number; registrations: number };
export type RetentionPlan = {
  fullBefore: Date;
  proofBefore: Date;
  /** Stage 1: contact details and accessibility notes removed, proof of attendance kept. */
  proofOnly: StageCount;
  /** Stage 2: names and structure removed, only what the aggregates count is kept. */
  aggregatesOnly: StageCount;
};

type Reader = Pick<Prisma.TransactionClient, "registration">;

async function countStage(db: Reader, where: Prisma.RegistrationWhereInput): Promise<StageCount> {
  const groups = await db.registration.groupBy({ by: ["journeeId"], where, _count: { _all: true } });
  return { journees: groups.length, registrations: groups.reduce((n, g) => n + g._count._all, 0) };
}

/** What a run at `now` would do: counts only, never a name (it is printed and audited). */
export async function planRetention(
  now: Date,
  policy: Pick<RetentionPolicy, "fullMonths" | "proofYears">,
  db?: Reader,
): Promise<RetentionPlan> {
  const reader = db ?? (await getDb());
  const cutoffs = retentionCutoffs(now, policy);
  return {
    ...cutoffs,
    proofOnly: await countStage(reader, proofOnlyWhere(cutoffs)),
    aggregatesOnly: await countStage(reader, aggregatesOnlyWhere(cutoffs)),
  };
}
