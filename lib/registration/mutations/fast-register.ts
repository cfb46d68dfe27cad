import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
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
};
type Row = Omit<MailInput, "journee" | "parts" | "waitlistRank"> & {
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
 *   only if the journée has no half-days (they must be chosen);
 * - `line`: otherwise, the next place in line — the two never update the row both;
 * - the insert's unique (journée, live e-mail) index aborts the whole statement on a duplicate.
 * Returns null when nothing was written (closed, unknown, half-days required): the caller explains.
 */
export async function registerInOneStatement(db: Db, journeeId: string, p: PreparedRegistration) {
  const i = p.input;
  const id = `r${randomBytes(12).toString("hex")}`;
  const rows = await db.$queryRaw<Row[]>`
    WITH seat AS (
      UPDATE "Journee" SET "confirmedCount" = "confirmedCount" + 1
      WHERE id = ${journeeId} AND status = 'PUBLISHED' AND "confirmedCount" < capacity
        AND "registrationOpensAt" <= ${p.now} AND "registrationClosesAt" > ${p.now} AND "endsAt" > ${p.now}
        AND NOT EXISTS (SELECT 1 FROM "JourneePart" h WHERE h."journeeId" = ${journeeId} AND h.kind = 'HALF_DAY')
      RETURNING id
    ), line AS (
      UPDATE "Journee" SET "waitlistSeq" = "waitlistSeq" + 1
      WHERE id = ${journeeId} AND status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM seat)
        AND "registrationOpensAt" <= ${p.now} AND "registrationClosesAt" > ${p.now} AND "endsAt" > ${p.now}
        AND NOT EXISTS (SELECT 1 FROM "JourneePart" h WHERE h."journeeId" = ${journeeId} AND h.kind = 'HALF_DAY')
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
    SELECT reg.*, j.title AS j_title, j.venue AS j_venue, j.address AS j_address, j.city AS j_city,
      j."accessInfo" AS j_access, j."startsAt" AS j_starts, j."endsAt" AS j_ends, j.slug AS j_slug,
      CASE WHEN reg."waitlistPosition" IS NULL THEN NULL ELSE 1 + (
        SELECT count(*) FROM "Registration" w
        WHERE w."journeeId" = ${journeeId} AND w.status = 'WAITLISTED' AND w."waitlistPosition" < reg."waitlistPosition"
      ) END AS "waitlistRank",
      COALESCE((SELECT "roomAfter" FROM line), false) AS "roomAfter"
    FROM reg JOIN "Journee" j ON j.id = ${journeeId}`;
  const row = rows[0];
  if (!row) return null;
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
  return { registrationId: row.id, status: row.status as "CONFIRMED" | "WAITLISTED", mail, roomAfter: row.roomAfter };
}
