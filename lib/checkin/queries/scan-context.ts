import type { CurrentUser } from "@/lib/auth/permissions";
import { SESSION_USER_SELECT, type SessionUserRow, sessionCtes, toCurrentUser } from "@/lib/auth/queries";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { RegistrationSnapshot } from "../evaluate";
import { type RegistrationKey, type SnapshotRow, snapshotSelect, toSnapshot } from "../queries";

type Key = RegistrationKey | null;
type Row = { [K in keyof SessionUserRow as `session_${K}`]: SessionUserRow[K] | null } & Partial<SnapshotRow>;

/**
 * A scan's two reads in ONE statement (decision 012): the session's user with their grants (the
 * session extended like next-auth does) and the scanned registration's snapshot. At the door
 * every database round trip is paid by the person waiting; this saves one per scan.
 * The snapshot is read before the caller authorises: it must not be used, nor shown, unless the
 * user may check in on the scan's journée (recordScanBatch decides, on the journée row).
 */
export async function loadScanContext(
  sessionToken: string,
  session: { maxAgeS: number; updateAgeS: number; now?: Date },
  key: Key,
  partKey: string,
): Promise<{ user: CurrentUser | null; snapshot: RegistrationSnapshot | null }> {
  const db = await getDb();
  const snapshot = key ? snapshotSelect(key, partKey) : Prisma.sql`SELECT NULL AS id WHERE false`;
  const rows = await db.$queryRaw<Row[]>`
    WITH ${sessionCtes(sessionToken, session)}
    SELECT su.id AS session_id, su.email AS session_email, su.name AS session_name, su.grants AS session_grants, snap.*
    FROM (SELECT 1) one
    LEFT JOIN (${SESSION_USER_SELECT}) su ON true
    LEFT JOIN (${snapshot}) snap ON true`;
  const row = rows[0];
  if (!row?.session_id || !row.session_email) return { user: null, snapshot: null };
  const user = toCurrentUser({
    id: row.session_id,
    email: row.session_email,
    name: row.session_name,
    grants: row.session_grants,
  });
  return { user, snapshot: row.id ? toSnapshot(row as SnapshotRow, partKey) : null };
}
