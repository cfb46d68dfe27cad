import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import { bucketHitSql, type RateLimitRule, rateLimitOutcome } from "@/lib/rate-limit/mutations";
import type { MailInput } from "../emails";
import type { RegistrationInput } from "../schema";

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;
export type PreparedRegistration = {
  input: RegistrationInput;
  email: string;
  emailNormalized: string;
  searchText: string;
  tokenSalt: string;
  ticketHash: string;
  manageHash: string;
  now: Date;
  /** Counted in the same statement: over the limit, nothing else is written. */
  rateLimit?: { key: string; rule: RateLimitRule };
};
type Row = Omit<MailInput, "journee" | "parts" | "waitlistRank"> & {
  rl_count: bigint | number;
  rl_reset: Date;
  waitlistRank: bigint | number | null;
  roomAfter: boolean;
  j_title: string;
  j_venue: string;
  j_address: string;
  j_city: string;
  j_access: string;
  j_starts: Date;
  j_ends: Date;
  j_slug: string;
};

/**
 * A registration without half-day/atelier choices in ONE autocommit statement (the common case,
 * and the only one a burst of hundreds per second must go through quickly; embedded PGlite costs
 * about a millisecond per statement). Same guarantees as the transactional path:
 * - `seat`: conditional increment (never above capacity), only inside the registration window and
 *   only if the journée has no half-days (they must be chosen) and no questions (answers are
 *   checked and written by the transactional path);
 * - `line`: otherwise, the next place in line — the two never update the row both;
 * - the insert's unique (journée, live e-mail) index aborts the whole statement on a duplicate.
 * - `rl`: with `p.rateLimit`, the client's rate-limit bucket is counted first; over the limit,
 *   neither `seat` nor `line` runs and the answer says `rateLimited`.
 * Returns null when nothing was written (closed, unknown, half-days or questions): the caller explains.
 */
export async function registerInOneStatement(db: Db, journeeId: string, p: PreparedRegistration) {
  const i = p.input;
  const id = `r${randomBytes(12).toString("hex")}`;
  const limit = p.rateLimit?.rule.limit ?? 1;
  const bucket = p.rateLimit
    ? bucketHitSql(p.rateLimit.key, p.rateLimit.rule, p.now)
    : Prisma.sql`SELECT 1 AS count, ${p.now} AS "resetAt"`;
  const rows = await db.$queryRaw<Row[]>`
    WITH rl AS (${bucket}), allowed AS (SELECT 1 FROM rl WHERE count <= ${limit}),
    seat AS (
      UPDATE "Journee" SET "confirmedCount" = "confirmedCount" + 1
      WHERE id = ${journeeId} AND status = 'PUBLISHED' AND "confirmedCount" < capacity AND EXISTS (SELECT 1 FROM allowed)
        AND "registrationOpensAt" <= ${p.now} AND "registrationClosesAt" > ${p.now} AND "endsAt" > ${p.now}
        AND NOT EXISTS (SELECT 1 FROM "JourneePart" h WHERE h."journeeId" = ${journeeId} AND h.kind = 'HALF_DAY')
        AND NOT EXISTS (SELECT 1 FROM "RegistrationQuestion" q WHERE q."journeeId" = ${journeeId} AND q."removedAt" IS NULL)
      RETURNING id
    ), line AS (
      UPDATE "Journee" SET "waitlistSeq" = "waitlistSeq" + 1
      WHERE id = ${journeeId} AND status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM seat) AND EXISTS (SELECT 1 FROM allowed)
        AND "registrationOpensAt" <= ${p.now} AND "registrationClosesAt" > ${p.now} AND "endsAt" > ${p.now}
        AND NOT EXISTS (SELECT 1 FROM "JourneePart" h WHERE h."journeeId" = ${journeeId} AND h.kind = 'HALF_DAY')
        AND NOT EXISTS (SELECT 1 FROM "RegistrationQuestion" q WHERE q."journeeId" = ${journeeId} AND q."removedAt" IS NULL)
      RETURNING "waitlistSeq", "confirmedCount" < capacity AS "roomAfter"
    ), reg AS (
      INSERT INTO "Registration" (id, "journeeId", "firstName", "lastName", "searchText", email, "emailNormalized",
        "liveEmailKey", phone, structure, "structureType", "jobTitle", commune, "accessibilityNeeds", "inviteConsent",
        "privacyAckAt", status, "waitlistPosition", "tokenSalt", "ticketHash", "manageHash", "updatedAt", network)
      SELECT ${id}, ${journeeId}, ${i.firstName}, ${i.lastName}, ${p.searchText}, ${p.email}, ${p.emailNormalized},
        ${p.emailNormalized}, ${i.phone || null}, ${i.structure}, CAST(${i.structureType} AS "StructureType"), ${i.jobTitle},
        ${i.commune}, ${i.accessibilityNeeds || null}, ${i.inviteConsent}, ${p.now},
        CAST(CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'CONFIRMED' ELSE 'WAITLISTED' END AS "RegistrationStatus"),
        (SELECT "waitlistSeq" FROM line), ${p.tokenSalt}, ${p.ticketHash}, ${p.manageHash}, ${p.now},
        CAST(${i.network || null} AS "StructureNetwork")
      WHERE EXISTS (SELECT 1 FROM seat) OR EXISTS (SELECT 1 FROM line)
      RETURNING id, "firstName", "lastName", email, status::text AS status, "waitlistPosition", "tokenSalt"
    )
    SELECT rl.count AS rl_count, rl."resetAt" AS rl_reset, reg.*, j.title AS j_title, j.venue AS j_venue, j.address AS j_address, j.city AS j_city,
      j."accessInfo" AS j_access, j."startsAt" AS j_starts, j."endsAt" AS j_ends, j.slug AS j_slug,
      CASE WHEN reg."waitlistPosition" IS NULL THEN NULL ELSE 1 + (
        SELECT count(*) FROM "Registration" w
        WHERE w."journeeId" = ${journeeId} AND w.status = 'WAITLISTED' AND w."waitlistPosition" < reg."waitlistPosition"
      ) END AS "waitlistRank",
      COALESCE((SELECT "roomAfter" FROM line), false) AS "roomAfter"
    FROM rl LEFT JOIN reg ON true LEFT JOIN "Journee" j ON j.id = ${journeeId} AND reg.id IS NOT NULL`;
  const row = rows[0];
  if (!row?.id) {
    const bucketNow =
      row && p.rateLimit
        ? rateLimitOutcome({ count: row.rl_count, resetAt: row.rl_reset }, p.rateLimit.rule, p.now)
        : null;
    return bucketNow && !bucketNow.allowed ? { rateLimited: bucketNow } : null;
  }
  const mail: MailInput = {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    status: row.status,
    waitlistRank: row.waitlistRank === null ? null : Number(row.waitlistRank),
    tokenSalt: row.tokenSalt,
    parts: [],
    journee: {
      title: row.j_title,
      venue: row.j_venue,
      address: row.j_address,
      city: row.j_city,
      accessInfo: row.j_access,
      startsAt: new Date(row.j_starts),
      endsAt: new Date(row.j_ends),
      slug: row.j_slug,
      parts: [],
    },
  };
  // roomAfter: the journée row as this statement left it (RETURNING gives the latest version, after
  // any cancellation that committed while we waited for the row) still had a free place.
  return {
    rateLimited: null,
    registrationId: row.id,
    status: row.status as "CONFIRMED" | "WAITLISTED",
    mail,
    roomAfter: row.roomAfter,
  };
}
