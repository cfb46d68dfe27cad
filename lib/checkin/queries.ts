import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { hashToken, parseTicketPayload } from "@/lib/security/tokens";
import { foldForSearch } from "@/lib/text/normalize";
import type { JourneeSnapshot, RegistrationSnapshot } from "./evaluate";
import { agentDisplayName } from "./labels";
import { type Counts, type ScanResult, WHOLE_DAY } from "./schema";

/** A journée's parts as check-in and the émargement read them: in programme order, with their times. */
export const PARTS_IN_ORDER = {
  orderBy: [{ position: "asc" }, { startsAt: "asc" }],
  select: { id: true, kind: true, title: true, startsAt: true, endsAt: true },
} satisfies Prisma.Journee$partsArgs;

/**
 * Server-only reads of the check-in domain. Every function that takes a `scope` (from
 * `journeeScope(user, capability)`) puts it in its `where`: out of scope reads as "not found".
 */
export type CheckInJournee = Omit<JourneeSnapshot, "parts"> & {
  partnerId: string;
  title: string;
  city: string;
  capacity: number;
  confirmedCount: number;
  attendanceProof: "SCAN_ONLY" | "SCAN_AND_SIGNATURE";
  parts: { id: string; kind: "HALF_DAY" | "WORKSHOP"; title: string; startsAt: Date; endsAt: Date }[];
};

export async function getCheckInJournee(scope: JourneeScope, journeeId: string): Promise<CheckInJournee | null> {
  const db = await getDb();
  return db.journee.findFirst({
    where: { AND: [{ id: journeeId }, scope] },
    select: {
      id: true,
      partnerId: true,
      title: true,
      city: true,
      status: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      confirmedCount: true,
      attendanceProof: true,
      parts: PARTS_IN_ORDER,
    },
  });
}

const cache = new Map<string, { until: number; row: Promise<CheckInJournee | null> }>();
const CACHE_MS = 5000;

/**
 * The hot path of every scan: the journée row kept 5 s in this process (a status change applies
 * within 5 s). Unscoped on purpose — the caller MUST authorise with canCheckIn(user, journee),
 * the same rule as journeeScope, evaluated on the row.
 */
export function getJourneeForScan(journeeId: string): Promise<CheckInJournee | null> {
  const now = Date.now();
  const hit = cache.get(journeeId);
  if (hit && hit.until > now) return hit.row;
  if (cache.size > 200) cache.clear();
  const row = getCheckInJournee({}, journeeId);
  cache.set(journeeId, { until: now + CACHE_MS, row });
  row.catch(() => cache.delete(journeeId));
  return row;
}

/**
 * Which registration a scan names: by ticket (hash lookup) or by id (search); null if malformed.
 * By id, the read is scoped to the scan's journée in the statement: an agent of another journée
 * who sends an id learns nothing. A ticket is looked up everywhere (its holder is at the door,
 * and "wrong journée" tells them where they are expected).
 */
export type RegistrationKey = { id: string; journeeId?: string } | { ticketHash: string };

export function registrationKey(scan: {
  ticket?: string;
  registrationId?: string;
  journeeId?: string;
}): RegistrationKey | null {
  if (scan.registrationId) return { id: scan.registrationId, journeeId: scan.journeeId };
  const token = scan.ticket ? parseTicketPayload(scan.ticket) : null;
  return token ? { ticketHash: hashToken(token) } : null;
}

export type SnapshotRow = {
  id: string;
  journeeId: string;
  firstName: string;
  lastName: string;
  structure: string;
  walkIn: boolean;
  status: RegistrationSnapshot["status"];
  waitlistPosition: number | null;
  partIds: string | null;
  jTitle: string;
  jCity: string;
  jStartsAt: Date;
  cId: string | null;
  cAt: Date | null;
  cDoor: string | null;
  uName: string | null;
  uEmail: string | null;
};

/** The SELECT behind loadRegistrationSnapshot (one row, or none), for statements that embed it. */
export function snapshotSelect(key: RegistrationKey, partKey: string): Prisma.Sql {
  const byId = (k: { id: string; journeeId?: string }) =>
    k.journeeId ? Prisma.sql`r.id = ${k.id} AND r."journeeId" = ${k.journeeId}` : Prisma.sql`r.id = ${k.id}`;
  const where = "id" in key ? byId(key) : Prisma.sql`r."ticketHash" = ${key.ticketHash}`;
  return Prisma.sql`SELECT r.id, r."journeeId", r."firstName", r."lastName", r.structure, r."walkIn", r.status::text AS status,
      r."waitlistPosition",
      (SELECT string_agg(rp."partId", ',') FROM "RegistrationPart" rp WHERE rp."registrationId" = r.id) AS "partIds",
      j.title AS "jTitle", j.city AS "jCity", j."startsAt" AS "jStartsAt",
      c.id AS "cId", c."checkedInAt" AS "cAt", c.door AS "cDoor", u.name AS "uName", u.email AS "uEmail"
    FROM "Registration" r
    JOIN "Journee" j ON j.id = r."journeeId"
    LEFT JOIN "CheckIn" c ON c."registrationId" = r.id AND c."partKey" = ${partKey}
    LEFT JOIN "User" u ON u.id = c."agentId"
    WHERE ${where}`;
}

export function toSnapshot(row: SnapshotRow, partKey: string): RegistrationSnapshot {
  return {
    id: row.id,
    journeeId: row.journeeId,
    firstName: row.firstName,
    lastName: row.lastName,
    structure: row.structure,
    walkIn: row.walkIn,
    status: row.status,
    waitlistPosition: row.waitlistPosition,
    partIds: row.partIds ? row.partIds.split(",") : [],
    journee: { title: row.jTitle, city: row.jCity, startsAt: new Date(row.jStartsAt) },
    checkIns:
      row.cId && row.cAt
        ? [
            {
              id: row.cId,
              partKey,
              checkedInAt: new Date(row.cAt),
              door: row.cDoor ?? "",
              agentName: agentDisplayName(row.uEmail ? { name: row.uName, email: row.uEmail } : null),
            },
          ]
        : [],
  };
}

/**
 * What evaluateScan needs about one registration, its check-in for `partKey` included: ONE
 * statement (the hot path of every scan; Prisma's relation loading would send four).
 */
export async function loadRegistrationSnapshot(
  key: RegistrationKey | null,
  partKey: string,
): Promise<RegistrationSnapshot | null> {
  if (!key) return null;
  const db = await getDb();
  const rows = await db.$queryRaw<SnapshotRow[]>`${snapshotSelect(key, partKey)}`;
  return rows[0] ? toSnapshot(rows[0], partKey) : null;
}

/** Present / expected for one journée and part, in total and per door: GROUP BY, not rows. */
export async function getCounts(
  scope: JourneeScope,
  journeeId: string,
  partKey: string,
  now = new Date(),
): Promise<Counts> {
  const db = await getDb();
  const expectedWhere =
    partKey === WHOLE_DAY
      ? { journeeId, journee: scope, status: "CONFIRMED" as const }
      : { journeeId, journee: scope, status: "CONFIRMED" as const, parts: { some: { partId: partKey } } };
  const inScope = { journeeId, partKey, journee: scope };
  const [doors, expected, walkIns] = await Promise.all([
    db.checkIn.groupBy({ by: ["door"], where: inScope, _count: { _all: true }, orderBy: { door: "asc" } }),
    db.registration.count({ where: expectedWhere }),
    db.checkIn.count({ where: { ...inScope, method: "WALK_IN" } }),
  ]);
  const perDoor = doors.map((d) => ({ door: d.door, present: d._count._all }));
  return {
    partKey,
    present: perDoor.reduce((sum, d) => sum + d.present, 0),
    expected,
    walkIns,
    doors: perDoor,
    at: now.toISOString(),
  };
}

export type SearchHit = {
  registrationId: string;
  firstName: string;
  lastName: string;
  structure: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  walkIn: boolean;
  checkedInAt: Date | null;
};

/** Name, structure or e-mail, accent- and case-insensitive (every word must match). */
export async function searchRegistrations(
  scope: JourneeScope,
  journeeId: string,
  partKey: string,
  q: string,
): Promise<SearchHit[]> {
  const words = foldForSearch(q).split(" ").filter(Boolean).slice(0, 5);
  if (!words.length) return [];
  const db = await getDb();
  const rows = await db.registration.findMany({
    where: {
      journeeId,
      journee: scope,
      anonymizedAt: null,
      AND: words.map((w) => ({ OR: [{ searchText: { contains: w } }, { emailNormalized: { contains: w } }] })),
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 12,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      structure: true,
      status: true,
      walkIn: true,
      checkIns: { where: { partKey }, select: { checkedInAt: true } },
    },
  });
  return rows.map(({ id, checkIns, ...r }) => ({
    ...r,
    registrationId: id,
    checkedInAt: checkIns[0]?.checkedInAt ?? null,
  }));
}

export type ScanHistoryRow = {
  id: string;
  scannedAt: Date;
  door: string;
  deviceId: string;
  method: string;
  result: ScanResult;
  partKey: string;
  agentName: string;
  person: string;
  offline: boolean;
  receivedAt: Date;
};

/** What the scan history shows of a scan: its page here, its export in lib/reports/queries/scans.ts. */
export const scanHistorySelect = {
  id: true,
  scannedAt: true,
  door: true,
  deviceId: true,
  method: true,
  result: true,
  partKey: true,
  offline: true,
  receivedAt: true,
  agent: { select: { name: true, email: true } },
  registration: { select: { firstName: true, lastName: true, structure: true } },
} satisfies Prisma.ScanEventSelect;

/** Latest scans of a journée (organisers: the caller passes the "manage" scope). */
export async function listScans(scope: JourneeScope, journeeId: string, take = 100): Promise<ScanHistoryRow[]> {
  const db = await getDb();
  const rows = await db.scanEvent.findMany({
    where: { journeeId, journee: scope },
    orderBy: { scannedAt: "desc" },
    take,
    select: scanHistorySelect,
  });
  return rows.map(({ agent, registration, ...r }) => ({
    ...r,
    result: r.result as ScanResult,
    agentName: agentDisplayName(agent),
    person: registration ? `${registration.firstName} ${registration.lastName}` : "",
  }));
}

export { getOfflineSnapshot } from "./queries/offline-snapshot";
