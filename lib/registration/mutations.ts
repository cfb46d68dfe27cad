import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Refused, refused } from "@/lib/result";
import { hashToken, newTokenSalt, tokensForSalt } from "@/lib/security/tokens";
import { foldForSearch, normalizeEmail } from "@/lib/text/normalize";
import type { MailInput } from "./emails";
import type { RegistrationRefusal } from "./labels";
import { registerInOneStatement } from "./mutations/fast-register";
import { chosenPartIds, releasePartPlace, takePartPlaces } from "./mutations/parts";
import { isUniqueViolation, RegistrationRefused } from "./mutations/refused";
import { fillFreedPlaces } from "./mutations/settle";
import { lockJournee, type Promotion, promoteWaitlist } from "./mutations/waitlist";
import type { RegistrationInput, UpdateInput } from "./schema";
import { manageLinkExpired, registrationWindowRefusal } from "./window";

export type { Promotion };

type Tx = Prisma.TransactionClient;
export type MutationContext = { now?: Date; ip?: string | null };
export type Registered = {
  ok: true;
  registrationId: string;
  journeeId: string;
  status: "CONFIRMED" | "WAITLISTED";
  tokenSalt: string;
  /** Everything the confirmation e-mail needs, so sending it costs no further query. */
  mail: MailInput;
  /** People (possibly this one) moved from the waiting list to a freed place right after. */
  promoted: Promotion[];
  /** Waitlisted by the one-statement path: whether a place was free once it held the row. */
  roomAfter?: boolean;
};

// Generous waits: under a burst every transaction queues for the journée row (by design).
const TX_OPTIONS = { maxWait: 60_000, timeout: 30_000 };

/** Runs a transaction; a RegistrationRefused thrown inside rolls it back and becomes a value. */
async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T | Refused<RegistrationRefusal>> {
  const db = await getDb();
  try {
    return await db.$transaction(work, TX_OPTIONS);
  } catch (error) {
    if (error instanceof RegistrationRefused) return refused(error.reason, { fieldErrors: error.fieldErrors });
    if (isUniqueViolation(error)) return refused("already_registered", { fieldErrors: { email: ALREADY } });
    throw error;
  }
}

function searchTextOf(p: { firstName: string; lastName: string; structure: string }): string {
  return foldForSearch(`${p.firstName} ${p.lastName} ${p.structure}`);
}

function prepare(input: RegistrationInput, now: Date) {
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
  };
}

/** Why nothing was written by the one-statement path (read after the fact, for the message only). */
async function explainRefusal(journeeId: string, now: Date): Promise<Refused<RegistrationRefusal>> {
  const db = await getDb();
  const journee = await db.journee.findUnique({
    where: { id: journeeId },
    select: {
      status: true,
      endsAt: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      parts: { where: { kind: "HALF_DAY" }, select: { id: true } },
    },
  });
  if (!journee) return refused("unknown_journee");
  const closed = registrationWindowRefusal(journee, now);
  if (closed) return refused(closed);
  if (journee.parts.length)
    return refused("invalid", { fieldErrors: { halfDayIds: "Choisissez au moins une demi-journée." } });
  return refused("closed");
}

/**
 * Registers a person, atomically: the window is checked on the row being updated, a conditional
 * increment of the journée counter gives a place (never above capacity) or else a place in line,
 * and the unique (journée, live e-mail) index makes duplicates impossible — never check-then-insert.
 * Without half-day/atelier choices this is one SQL statement (mutations/fast-register.ts);
 * with choices, one interactive transaction that also takes the atelier places.
 */
export async function register(
  input: RegistrationInput,
  ctx: MutationContext = {},
): Promise<Registered | Refused<RegistrationRefusal>> {
  const prepared = prepare(input, ctx.now ?? new Date());
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

async function registerOnce(prepared: ReturnType<typeof prepare>) {
  const { input } = prepared;
  if (input.halfDayIds.length === 0 && !input.workshopId) {
    try {
      const done = await registerInOneStatement(await getDb(), input.journeeId, prepared);
      if (!done) return explainRefusal(input.journeeId, prepared.now);
      return { ok: true as const, ...done, journeeId: input.journeeId, tokenSalt: prepared.tokenSalt, promoted: [] };
    } catch (error) {
      if (isUniqueViolation(error)) return refused("already_registered", { fieldErrors: { email: ALREADY } });
      throw error;
    }
  }
  return registerWithChoices(prepared);
}

const ALREADY = "Déjà inscrit·e avec cette adresse e-mail.";

async function registerWithChoices(p: ReturnType<typeof prepare>) {
  const { input, now } = p;
  return inTransaction<Registered>(async (tx) => {
    const journee = await tx.journee.findUnique({
      where: { id: input.journeeId },
      select: {
        id: true,
        slug: true,
        title: true,
        venue: true,
        address: true,
        city: true,
        accessInfo: true,
        startsAt: true,
        status: true,
        endsAt: true,
        registrationOpensAt: true,
        registrationClosesAt: true,
        parts: { select: { id: true, kind: true, title: true, startsAt: true, endsAt: true } },
      },
    });
    if (!journee) throw new RegistrationRefused("unknown_journee");
    const closed = registrationWindowRefusal(journee, now);
    if (closed) throw new RegistrationRefused(closed);
    const partIds = chosenPartIds(journee.parts, input.halfDayIds, input.workshopId);

    const seat = await tx.$queryRaw<{ confirmedCount: number }[]>`
      UPDATE "Journee" SET "confirmedCount" = "confirmedCount" + 1
      WHERE id = ${journee.id} AND "confirmedCount" < capacity RETURNING "confirmedCount"`;
    let waitlistPosition: number | null = null;
    if (seat.length === 1) {
      await takePartPlaces(tx, partIds, journee.parts);
    } else {
      const line = await tx.$queryRaw<{ waitlistSeq: number }[]>`
        UPDATE "Journee" SET "waitlistSeq" = "waitlistSeq" + 1 WHERE id = ${journee.id} RETURNING "waitlistSeq"`;
      waitlistPosition = line[0].waitlistSeq;
    }
    const status = waitlistPosition === null ? "CONFIRMED" : "WAITLISTED";
    const created = await tx.registration.create({
      data: {
        journeeId: journee.id,
        firstName: input.firstName,
        lastName: input.lastName,
        searchText: p.searchText,
        email: p.email,
        emailNormalized: p.emailNormalized,
        liveEmailKey: p.emailNormalized,
        phone: input.phone || null,
        structure: input.structure,
        structureType: input.structureType,
        network: input.network || null,
        jobTitle: input.jobTitle,
        commune: input.commune,
        accessibilityNeeds: input.accessibilityNeeds || null,
        inviteConsent: input.inviteConsent,
        privacyAckAt: now,
        status,
        waitlistPosition,
        tokenSalt: p.tokenSalt,
        ticketHash: p.ticketHash,
        manageHash: p.manageHash,
        parts: { create: partIds.map((partId) => ({ partId })) },
      },
      select: { id: true },
    });
    const waitlistRank =
      waitlistPosition === null
        ? null
        : 1 +
          (await tx.registration.count({
            where: { journeeId: journee.id, status: "WAITLISTED", waitlistPosition: { lt: waitlistPosition } },
          }));
    const mail: MailInput = {
      id: created.id,
      firstName: input.firstName,
      lastName: input.lastName,
      email: p.email,
      status,
      waitlistRank,
      tokenSalt: p.tokenSalt,
      parts: partIds.map((partId) => ({ partId })),
      journee,
    };
    return {
      ok: true as const,
      registrationId: created.id,
      journeeId: journee.id,
      status,
      tokenSalt: p.tokenSalt,
      mail,
      promoted: [],
    };
  });
}

/** The live registration behind a management token, read inside the transaction. */
async function registrationForToken(tx: Tx, token: string, now: Date) {
  const reg = await tx.registration.findUnique({
    where: { manageHash: hashToken(token) },
    select: { id: true, journeeId: true, journee: { select: { endsAt: true } } },
  });
  if (!reg) throw new RegistrationRefused("unknown_link");
  if (manageLinkExpired(reg.journee, now)) throw new RegistrationRefused("expired_link");
  await lockJournee(tx, reg.journeeId);
  // Re-read after the lock: status changes for one journée all happen under it.
  const current = await tx.registration.findUniqueOrThrow({
    where: { id: reg.id },
    select: { id: true, journeeId: true, status: true, parts: { select: { partId: true } } },
  });
  if (current.status === "CANCELLED") throw new RegistrationRefused("already_cancelled");
  return current;
}

/** Changes details and half-day/atelier choices; a confirmed person's new atelier must have room. */
export async function updateRegistration(token: string, input: UpdateInput, ctx: MutationContext = {}) {
  const now = ctx.now ?? new Date();
  return inTransaction(async (tx) => {
    const reg = await registrationForToken(tx, token, now);
    const parts = await tx.journeePart.findMany({
      where: { journeeId: reg.journeeId },
      select: { id: true, kind: true, title: true },
    });
    const next = chosenPartIds(parts, input.halfDayIds, input.workshopId);
    const before = reg.parts.map((p) => p.partId);
    const added = next.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !next.includes(id));
    if (reg.status === "CONFIRMED") {
      for (const id of removed) await releasePartPlace(tx, id);
      await takePartPlaces(tx, added, parts);
    }
    await tx.registration.update({
      where: { id: reg.id },
      data: {
        firstName: input.firstName,
        lastName: input.lastName,
        searchText: searchTextOf(input),
        phone: input.phone || null,
        structure: input.structure,
        structureType: input.structureType,
        network: input.network || null,
        jobTitle: input.jobTitle,
        commune: input.commune,
        accessibilityNeeds: input.accessibilityNeeds || null,
        inviteConsent: input.inviteConsent,
        parts: { deleteMany: { partId: { in: removed } }, create: added.map((partId) => ({ partId })) },
      },
    });
    return { ok: true as const, registrationId: reg.id };
  });
}

/** Cancels: frees the place (and atelier places) and promotes the waiting list, in one transaction. */
export async function cancelRegistration(token: string, ctx: MutationContext = {}) {
  const now = ctx.now ?? new Date();
  return inTransaction(async (tx) => {
    const reg = await registrationForToken(tx, token, now);
    await tx.registration.update({
      where: { id: reg.id },
      data: { status: "CANCELLED", liveEmailKey: null, cancelledAt: now },
    });
    let promoted: Promotion[] = [];
    if (reg.status === "CONFIRMED") {
      await tx.$executeRaw`
        UPDATE "Journee" SET "confirmedCount" = GREATEST("confirmedCount" - 1, 0) WHERE id = ${reg.journeeId}`;
      for (const { partId } of reg.parts) await releasePartPlace(tx, partId);
      promoted = await promoteWaitlist(tx, reg.journeeId, now);
    }
    return { ok: true as const, registrationId: reg.id, journeeId: reg.journeeId, wasStatus: reg.status, promoted };
  });
}
