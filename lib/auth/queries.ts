import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { normalizeEmail } from "@/lib/text/normalize";
import type { CurrentUser } from "./permissions";

/** The signed-in user with their grants, or null when unknown or deactivated. */
export async function loadCurrentUser(userId: string): Promise<CurrentUser | null> {
  const db = await getDb();
  const user = await db.user.findFirst({
    where: { id: userId, active: true },
    select: {
      id: true,
      email: true,
      name: true,
      roles: { select: { role: true, partnerId: true, journeeId: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, grants: user.roles };
}

/** An invited (existing and active) user: the only people who may sign in, whatever the provider. */
export async function findInvitedUser(email: string): Promise<{ id: string; email: string } | null> {
  const db = await getDb();
  return db.user.findFirst({
    where: { email: normalizeEmail(email), active: true },
    select: { id: true, email: true },
  });
}

/** The ProConnect ID token kept for logging out through the provider's end_session_endpoint. */
export async function findProConnectIdToken(userId: string): Promise<string | null> {
  const db = await getDb();
  const account = await db.account.findFirst({
    where: { userId, provider: "proconnect", id_token: { not: null } },
    select: { id_token: true },
  });
  return account?.id_token ?? null;
}

export type SessionUserRow = { id: string; email: string; name: string | null; grants: unknown };
type SessionOptions = { maxAgeS: number; updateAgeS: number; now?: Date };

/**
 * The CTEs `s` (the unexpired session) and `extend` (like next-auth, a session older than
 * `updateAgeS` is extended to `maxAgeS` from now). Data-modifying CTEs must be at the top of a
 * statement: callers put these first and SESSION_USER_SELECT where they want the user.
 */
export function sessionCtes(sessionToken: string, opts: SessionOptions): Prisma.Sql {
  const now = opts.now ?? new Date();
  const extended = new Date(now.getTime() + opts.maxAgeS * 1000);
  const extendIfBefore = new Date(now.getTime() + (opts.maxAgeS - opts.updateAgeS) * 1000);
  return Prisma.sql`s AS (
      SELECT "userId" FROM "Session" WHERE "sessionToken" = ${sessionToken} AND expires > ${now}
    ), extend AS (
      UPDATE "Session" SET expires = ${extended}
      WHERE "sessionToken" = ${sessionToken} AND expires > ${now} AND expires < ${extendIfBefore}
      RETURNING 1
    )`;
}

/** The active user of the session `s`, with their grants (one row, or none). */
export const SESSION_USER_SELECT = Prisma.sql`SELECT u.id, u.email, u.name,
      (SELECT COALESCE(json_agg(json_build_object('role', r.role, 'partnerId', r."partnerId",
          'journeeId', r."journeeId") ORDER BY r."createdAt"), '[]'::json)
        FROM "RoleAssignment" r WHERE r."userId" = u.id) AS grants,
      (SELECT count(*) FROM extend) AS extended
    FROM s JOIN "User" u ON u.id = s."userId" AND u.active`;

export function toCurrentUser(row: SessionUserRow): CurrentUser {
  const grants = typeof row.grants === "string" ? JSON.parse(row.grants) : row.grants;
  return { id: row.id, email: row.email, name: row.name, grants: grants as CurrentUser["grants"] };
}

/**
 * The user behind a next-auth database session token, with their grants, in ONE statement: the
 * session must exist and be unexpired, the user active, and it is extended like next-auth does.
 * For the scanner's hot routes, where next-auth's own lookup plus the grants cost three round
 * trips per scan.
 */
export async function loadUserBySessionToken(sessionToken: string, opts: SessionOptions): Promise<CurrentUser | null> {
  const db = await getDb();
  const rows = await db.$queryRaw<SessionUserRow[]>`
    WITH ${sessionCtes(sessionToken, opts)}
    ${SESSION_USER_SELECT}`;
  return rows[0] ? toCurrentUser(rows[0]) : null;
}
