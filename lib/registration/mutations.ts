import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import { type Refused, refused } from "@/lib/result";
import { newTokenSalt, tokensForSalt } from "@/lib/security/tokens";
import { normalizeEmail } from "@/lib/text/normalize";
import type { RegistrationRefusal } from "./labels";
import { type PreparedRegistration, registerInOneStatement } from "./mutations/fast-register";
import { ALREADY, type MutationContext, type Registered, searchTextOf } from "./mutations/in-transaction";
import { fillFreedPlaces } from "./mutations/settle";
import type { Promotion } from "./mutations/waitlist";
import { registerWithChoices } from "./mutations/with-choices";
import type { RegistrationInput } from "./schema";
import { registrationWindowRefusal } from "./window";

/**
 * The registration writes, as the rest of the app imports them. Registering lives here; the
 * transactional path with choices is in mutations/with-choices.ts, changing and cancelling from
 * the management link in mutations/manage.ts.
 */
export { cancelRegistration, updateRegistration } from "./mutations/manage";
export type { MutationContext, Promotion, Registered };

function prepare(input: RegistrationInput, ctx: MutationContext): PreparedRegistration {
  const now = ctx.now ?? new Date();
  const email = input.email.trim();
  const tokenSalt = newTokenSalt();
  const { ticketHash, manageHash } = tokensForSalt(tokenSalt);
  return {
    input,
    email,
    emailNormalized: normalizeEmail(email),
    searchText: searchTextOf(input),
    tokenSalt,
    ticketHash,
    manageHash,
    now,
    rateLimit: ctx.rateLimit,
  };
}

/**
 * Why nothing was written by the one-statement path (read after the fact, for the message only),
 * or "questions": the journée asks questions, so the transactional path must check the answers.
 */
async function explainRefusal(journeeId: string, now: Date): Promise<Refused<RegistrationRefusal> | "questions"> {
  const db = await getDb();
  const journee = await db.journee.findUnique({
    where: { id: journeeId },
    select: {
      status: true,
      endsAt: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      parts: { where: { kind: "HALF_DAY" }, select: { id: true } },
      questions: { where: { removedAt: null }, select: { id: true }, take: 1 },
    },
  });
  if (!journee) return refused("unknown_journee");
  const closed = registrationWindowRefusal(journee, now);
  if (closed) return refused(closed);
  if (journee.questions.length) return "questions";
  if (journee.parts.length)
    return refused("invalid", { fieldErrors: { halfDayIds: "Choisissez au moins une demi-journée." } });
  return refused("closed");
}

/**
 * Registers a person, atomically: the window is checked on the row being updated, a conditional
 * increment of the journée counter gives a place (never above capacity) or else a place in line,
 * and the unique (journée, live e-mail) index makes duplicates impossible — never check-then-insert.
 * Without half-day/atelier choices nor questions this is one SQL statement
 * (mutations/fast-register.ts); otherwise one interactive transaction that also takes the atelier
 * and option places and writes the answers (mutations/with-choices.ts).
 */
export async function register(
  input: RegistrationInput,
  ctx: MutationContext = {},
): Promise<Registered | Refused<RegistrationRefusal>> {
  const prepared = prepare(input, ctx);
  const outcome = await registerOnce(prepared);
  // The one-statement path knows whether a place was free once it held the row; only then look.
  if (!outcome.ok || outcome.status !== "WAITLISTED" || outcome.roomAfter === false) return outcome;
  const promoted = await fillFreedPlaces(outcome.journeeId, prepared.now);
  if (!promoted.some((p) => p.registrationId === outcome.registrationId)) return { ...outcome, promoted };
  return {
    ...outcome,
    status: "CONFIRMED",
    mail: { ...outcome.mail, status: "CONFIRMED", waitlistRank: null },
    promoted,
  };
}

async function registerOnce(prepared: PreparedRegistration) {
  const { input } = prepared;
  const answered = Object.keys(input.answers ?? {}).length > 0;
  if (input.halfDayIds.length === 0 && !input.workshopId && !answered) {
    try {
      const done = await registerInOneStatement(await getDb(), input.journeeId, prepared);
      if (!done) {
        // The statement already counted this attempt in the client's bucket.
        const why = await explainRefusal(input.journeeId, prepared.now);
        return why === "questions" ? registerWithChoices(prepared) : why;
      }
      if (done.rateLimited) return rateLimited(done.rateLimited.retryAfterS);
      const { rateLimited: _, ...written } = done;
      return { ok: true as const, ...written, journeeId: input.journeeId, tokenSalt: prepared.tokenSalt, promoted: [] };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The duplicate aborted the whole statement, bucket included: count this attempt on its own.
      const over = await countAttempt(prepared);
      return over ?? refused("already_registered", { fieldErrors: { email: ALREADY } });
    }
  }
  return (await countAttempt(prepared)) ?? registerWithChoices(prepared);
}

/** Counts one attempt in the client's bucket (paths that cannot fold it into their statement). */
async function countAttempt(p: PreparedRegistration) {
  if (!p.rateLimit) return null;
  const bucket = await hitRateLimit(p.rateLimit.key, p.rateLimit.rule, p.now);
  return bucket.allowed ? null : rateLimited(bucket.retryAfterS);
}

function rateLimited(retryAfterS: number): Refused<RegistrationRefusal> & { retryAfterS: number } {
  return { ...refused("rate_limited"), retryAfterS };
}
