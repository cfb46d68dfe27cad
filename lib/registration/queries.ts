import { getDb } from "@/lib/db/client";
import { STORED_ANSWERS_SELECT } from "@/lib/questions/answer-text";
import { hashToken, parseTicketPayload } from "@/lib/security/tokens";
import { normalizeEmail } from "@/lib/text/normalize";
import { PERSON_FIELDS_SELECT } from "./form-values";

const journeeSelect = {
  id: true,
  slug: true,
  title: true,
  city: true,
  venue: true,
  address: true,
  accessInfo: true,
  startsAt: true,
  endsAt: true,
  status: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  parts: {
    orderBy: [{ position: "asc" as const }, { startsAt: "asc" as const }],
    select: { id: true, kind: true, title: true, startsAt: true, endsAt: true, capacity: true, confirmedCount: true },
  },
};

const registrationSelect = {
  id: true,
  seq: true,
  ...PERSON_FIELDS_SELECT,
  status: true,
  waitlistPosition: true,
  tokenSalt: true,
  cancelledAt: true,
  promotedAt: true,
  createdAt: true,
  parts: { select: { partId: true } },
  answers: STORED_ANSWERS_SELECT,
  journee: { select: journeeSelect },
};

/** Place in line shown to a person: waitlisted people ahead of them, plus one. */
export async function waitlistRank(journeeId: string, waitlistPosition: number | null): Promise<number | null> {
  if (waitlistPosition === null) return null;
  const db = await getDb();
  const ahead = await db.registration.count({
    where: { journeeId, status: "WAITLISTED", waitlistPosition: { lt: waitlistPosition } },
  });
  return ahead + 1;
}

async function withRank<T extends { status: string; waitlistPosition: number | null; journee: { id: string } }>(
  reg: T,
) {
  const rank = reg.status === "WAITLISTED" ? await waitlistRank(reg.journee.id, reg.waitlistPosition) : null;
  return { ...reg, waitlistRank: rank };
}

export type ManagedRegistration = NonNullable<Awaited<ReturnType<typeof getRegistrationByManageToken>>>;

/** The registration behind a management link (looked up by the token's hash); null if unknown. */
export async function getRegistrationByManageToken(token: string) {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
  const db = await getDb();
  const reg = await db.registration.findUnique({ where: { manageHash: hashToken(token) }, select: registrationSelect });
  return reg ? withRank(reg) : null;
}

/** Everything an e-mail about this registration needs. */
export async function getRegistrationForMail(registrationId: string) {
  const db = await getDb();
  const reg = await db.registration.findUnique({ where: { id: registrationId }, select: registrationSelect });
  return reg ? withRank(reg) : null;
}
export type MailRegistration = NonNullable<Awaited<ReturnType<typeof getRegistrationForMail>>>;

/** The live registration of an e-mail for a journée (duplicates: resend its confirmation). */
export async function findLiveRegistrationId(journeeId: string, email: string): Promise<string | null> {
  const db = await getDb();
  const reg = await db.registration.findUnique({
    where: { journeeId_liveEmailKey: { journeeId, liveEmailKey: normalizeEmail(email) } },
    select: { id: true },
  });
  return reg?.id ?? null;
}

/** What a scanned ticket designates (until the check-in feature uses its own query). */
export async function findRegistrationByTicket(raw: string) {
  const token = parseTicketPayload(raw);
  if (!token) return null;
  const db = await getDb();
  return db.registration.findUnique({
    where: { ticketHash: hashToken(token) },
    select: { id: true, status: true, firstName: true, lastName: true, journeeId: true },
  });
}

/** The journée's counters and parts as the registration form needs them. */
export async function getJourneeForRegistration(journeeId: string) {
  const db = await getDb();
  return db.journee.findUnique({
    where: { id: journeeId },
    select: { ...journeeSelect, capacity: true, confirmedCount: true },
  });
}
