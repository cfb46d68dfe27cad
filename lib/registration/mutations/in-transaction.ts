import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { RateLimitRule } from "@/lib/rate-limit/mutations";
import { type Refused, refused } from "@/lib/result";
import { foldForSearch } from "@/lib/text/normalize";
import type { MailInput } from "../emails";
import type { RegistrationRefusal } from "../labels";
import type { UpdateInput } from "../schema";
import { RegistrationRefused } from "./refused";
import type { Promotion } from "./waitlist";

/** What the registration mutations share: the transaction wrapper and the result shapes. */
export type Tx = Prisma.TransactionClient;
export type MutationContext = {
  now?: Date;
  ip?: string | null;
  /** The client's rate limit, counted atomically with the registration (submit.ts sets it). */
  rateLimit?: { key: string; rule: RateLimitRule };
};
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
  /** Choices of optional questions left out because their option was full (« Déjeuner : Oui »). */
  droppedAnswers?: string[];
  /** Waitlisted by the one-statement path: whether a place was free once it held the row. */
  roomAfter?: boolean;
};

export const ALREADY = "Déjà inscrit·e avec cette adresse e-mail.";

// Generous waits: under a burst every transaction queues for the journée row (by design).
const TX_OPTIONS = { maxWait: 60_000, timeout: 30_000 };

/** Runs a transaction; a RegistrationRefused thrown inside rolls it back and becomes a value. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T | Refused<RegistrationRefusal>> {
  const db = await getDb();
  try {
    return await db.$transaction(work, TX_OPTIONS);
  } catch (error) {
    if (error instanceof RegistrationRefused) return refused(error.reason, { fieldErrors: error.fieldErrors });
    if (isUniqueViolation(error)) return refused("already_registered", { fieldErrors: { email: ALREADY } });
    throw error;
  }
}

export function searchTextOf(p: { firstName: string; lastName: string; structure: string }): string {
  return foldForSearch(`${p.firstName} ${p.lastName} ${p.structure}`);
}

/** A person's details as stored: the same columns on registering and on changing them later. */
export function personData(input: UpdateInput) {
  return {
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
  };
}
