import type { JourneeScope } from "@/lib/auth/permissions";
import { WHOLE_DAY } from "@/lib/checkin/constants";
import { isLateSync } from "@/lib/checkin/evaluate";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type ExportTimes, exportAttendance, exportWindows } from "./attendance-columns";
import { type Attendance, attendance } from "./attestation-pdf";
import type { ExportFilters } from "./schema";

/**
 * Server-only reads for dashboards and exports. Every read starts from the journées the caller
 * may see (`scope` = journeeScope(user, "reports"), inside the where); aggregates are computed
 * by PostgreSQL (GROUP BY, COUNT … FILTER), never by loading one row per registration.
 */
export type Scope = JourneeScope;

export type ReportJournee = {
  id: string;
  slug: string;
  title: string;
  city: string;
  venue: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  isPlenary: boolean;
  status: string;
  partnerId: string;
  partner: { name: string; shortName: string };
  parts: { id: string; kind: string; title: string; startsAt: Date; endsAt: Date }[];
};

const journeeSelect = {
  id: true,
  slug: true,
  title: true,
  city: true,
  venue: true,
  address: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  isPlenary: true,
  status: true,
  partnerId: true,
  partner: { select: { name: true, shortName: true } },
  parts: {
    orderBy: [{ position: "asc" as const }, { startsAt: "asc" as const }],
    select: { id: true, kind: true, title: true, startsAt: true, endsAt: true },
  },
};

/** Journées the caller may report on (never drafts), oldest first. */
export async function listReportJournees(scope: Scope): Promise<ReportJournee[]> {
  const db = await getDb();
  return db.journee.findMany({
    where: { AND: [scope, { status: { not: "DRAFT" } }] },
    orderBy: { startsAt: "asc" },
    select: journeeSelect,
  });
}

export async function getReportJournee(scope: Scope, id: string): Promise<ReportJournee | null> {
  const db = await getDb();
  return db.journee.findFirst({ where: { AND: [scope, { id }] }, select: journeeSelect });
}

/** Names of the programme's partners (the organisers shown on sheets and attestations). */
export async function listOrganisers(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.partner.findMany({ orderBy: { createdAt: "asc" }, select: { name: true } });
  return rows.map((r) => r.name);
}

// ---------------------------------------------------------------------------------------------
// Aggregates shared by the dashboards and the summary report

export type Counts = {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  walkIns: number;
  present: number;
  noShows: number;
};
export type Breakdown = { key: string; registered: number; present: number }[];
export type PartCount = { journeeId: string; partKey: string; present: number; registered: number };

const inIds = (ids: string[]) => Prisma.join(ids);

type AggregateRow = Counts & {
  journeeId: string | null;
  st: string | null;
  cm: string | null;
  nw: string | null;
  presentLive: number;
};
export type Breakdowns = { byType: Breakdown; byCommune: Breakdown; byNetwork: Breakdown };

/**
 * One pass over the registrations of the given journées: counts per journée, and registered
 * (confirmed) / present per type de structure, per commune and per network of the structure
 * ("" = not given, so that NULL keeps meaning "not this grouping set"), cancelled excluded.
 * The scan groups once by every attribute (a few dozen groups even for 50,000 people: one hash
 * per row, presence from a hashed set of the journées' check-ins), then GROUPING SETS sum those
 * groups; trimming and casts run per group, not per row (docs/decisions/013-report-performance.md).
 */
export async function aggregate(ids: string[]): Promise<{ counts: Map<string, Counts> } & Breakdowns> {
  const counts = new Map<string, Counts>();
  const byType: Breakdown = [];
  const byCommune: Breakdown = [];
  const byNetwork: Breakdown = [];
  if (!ids.length) return { counts, byType, byCommune, byNetwork };
  const db = await getDb();
  const rows = await db.$queryRaw<AggregateRow[]>`
    WITH g AS (
      SELECT r."journeeId" AS j, r."structureType" AS st, r.commune AS cm, r.network AS nw, r.status AS s,
        r."walkIn" AS w, r.id IN (SELECT "registrationId" FROM "CheckIn" WHERE "journeeId" IN (${inIds(ids)})) AS p,
        count(*)::int AS n
      FROM "Registration" r WHERE r."journeeId" IN (${inIds(ids)})
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    SELECT j AS "journeeId", st::text AS st, trim(cm) AS cm, coalesce(nw::text, '') AS nw,
      coalesce(sum(n) FILTER (WHERE s = 'CONFIRMED'), 0)::int AS confirmed,
      coalesce(sum(n) FILTER (WHERE s = 'WAITLISTED'), 0)::int AS waitlisted,
      coalesce(sum(n) FILTER (WHERE s = 'CANCELLED'), 0)::int AS cancelled,
      coalesce(sum(n) FILTER (WHERE w AND s <> 'CANCELLED'), 0)::int AS "walkIns",
      coalesce(sum(n) FILTER (WHERE p), 0)::int AS present,
      coalesce(sum(n) FILTER (WHERE p AND s <> 'CANCELLED'), 0)::int AS "presentLive",
      coalesce(sum(n) FILTER (WHERE s = 'CONFIRMED' AND NOT p), 0)::int AS "noShows"
    FROM g
    GROUP BY GROUPING SETS ((j), (st), (trim(cm)), (coalesce(nw::text, '')))`;
  for (const { journeeId, st, cm, nw, presentLive, ...c } of rows) {
    if (journeeId) counts.set(journeeId, c);
    else if (st !== null && (c.confirmed || presentLive))
      byType.push({ key: st, registered: c.confirmed, present: presentLive });
    else if (cm !== null && (c.confirmed || presentLive))
      byCommune.push({ key: cm, registered: c.confirmed, present: presentLive });
    else if (nw !== null && (c.confirmed || presentLive))
      byNetwork.push({ key: nw, registered: c.confirmed, present: presentLive });
  }
  const order = (a: Breakdown[number], b: Breakdown[number]) =>
    b.registered - a.registered || a.key.localeCompare(b.key, "fr");
  return { counts, byType: byType.sort(order), byCommune: byCommune.sort(order), byNetwork: byNetwork.sort(order) };
}

/** Presence per half-day (partKey = part id, or "journee"), and registrations per part. */
export async function countsByPart(ids: string[]): Promise<PartCount[]> {
  if (!ids.length) return [];
  const db = await getDb();
  return db.$queryRaw<PartCount[]>`
    SELECT k."journeeId", k."partKey", coalesce(c.n, 0)::int AS present, coalesce(rp.n, 0)::int AS registered
    FROM (
      SELECT "journeeId", id AS "partKey" FROM "JourneePart" WHERE "journeeId" IN (${inIds(ids)})
      UNION SELECT DISTINCT "journeeId", "partKey" FROM "CheckIn" WHERE "journeeId" IN (${inIds(ids)})
    ) k
    LEFT JOIN (SELECT "journeeId", "partKey", count(*) AS n FROM "CheckIn"
      WHERE "journeeId" IN (${inIds(ids)}) GROUP BY 1, 2) c ON c."journeeId" = k."journeeId" AND c."partKey" = k."partKey"
    LEFT JOIN (SELECT x."partId", count(*) AS n FROM "RegistrationPart" x JOIN "Registration" r ON r.id = x."registrationId"
      WHERE r.status = 'CONFIRMED' AND r."journeeId" IN (${inIds(ids)}) GROUP BY 1) rp ON rp."partId" = k."partKey"`;
}

/**
 * One scan of a journée's check-ins: presence per partKey and arrivals per 10-minute slot
 * (GROUPING SETS), plus the confirmed registrations per part. Slots come from date_bin (timestamp
 * arithmetic, UTC-aligned like floor(epoch / 600)); the epoch is taken per slot, not per row.
 */
export async function checkInStats(journeeId: string) {
  const db = await getDb();
  const scan = db.$queryRaw<{ partKey: string | null; slot: number | null; count: number }[]>`
    SELECT "partKey", date_part('epoch', date_bin('10 minutes', "checkedInAt", timestamp '2000-01-01')) AS slot,
      count(*)::int AS count
    FROM "CheckIn" WHERE "journeeId" = ${journeeId}
    GROUP BY GROUPING SETS (("partKey"), (date_bin('10 minutes', "checkedInAt", timestamp '2000-01-01')))`;
  // Confirmed per part = every choice of the part (its index) minus the few waitlisted or
  // cancelled ones: no join of every choice with every registration.
  const perPart = db.$queryRaw<{ partId: string; count: number }[]>`
    SELECT p.id AS "partId", ((SELECT count(*) FROM "RegistrationPart" x WHERE x."partId" = p.id)
      - (SELECT count(*) FROM "Registration" r JOIN "RegistrationPart" x ON x."registrationId" = r.id AND x."partId" = p.id
         WHERE r."journeeId" = ${journeeId} AND r.status IN ('WAITLISTED', 'CANCELLED')))::int AS count
    FROM "JourneePart" p WHERE p."journeeId" = ${journeeId}`;
  const [rows, registered] = await Promise.all([scan, perPart]);
  return {
    present: new Map(rows.filter((r) => r.partKey !== null).map((r) => [r.partKey as string, r.count])),
    registered: new Map(registered.map((r) => [r.partId, r.count])),
    arrivals: rows
      .filter((r) => r.slot !== null)
      .map((r) => ({ at: new Date(Number(r.slot) * 1000), count: r.count }))
      .sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}

/** People and structures reached (present at least once), and people present at several journées. */
export async function reach(ids: string[]): Promise<{ people: number; structures: number; repeat: number }> {
  if (!ids.length) return { people: 0, structures: 0, repeat: 0 };
  const db = await getDb();
  const [row] = await db.$queryRaw<{ people: number; structures: number; repeat: number }[]>`
    WITH present AS (
      SELECT r."journeeId", coalesce(r."emailNormalized", lower(r."firstName" || ' ' || r."lastName")) AS person,
        lower(trim(r.structure)) AS structure
      FROM "Registration" r
      WHERE r."journeeId" IN (${inIds(ids)})
        AND EXISTS (SELECT 1 FROM "CheckIn" c WHERE c."registrationId" = r.id)
    )
    SELECT (SELECT count(DISTINCT person) FROM present)::int AS people,
      (SELECT count(DISTINCT structure) FROM present)::int AS structures,
      (SELECT count(*) FROM (SELECT person FROM present GROUP BY person
        HAVING count(DISTINCT "journeeId") > 1) m)::int AS repeat`;
  return row;
}

// ---------------------------------------------------------------------------------------------
// Export filters as a Prisma where (the sheets below); the CSV/XLSX rows apply the same filters in
// SQL (queries/export-rows.ts), and a test checks that both select the same people.

export function exportWhere(scope: Scope, f: ExportFilters): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = [{ journee: { AND: [scope, { status: { not: "DRAFT" } }] } }];
  if (f.journeeId) and.push({ journeeId: f.journeeId });
  if (f.partId) {
    and.push({ OR: [{ parts: { some: { partId: f.partId } } }, { checkIns: { some: { partKey: f.partId } } }] });
  }
  const presence: Prisma.CheckInWhereInput = f.partId ? { partKey: f.partId } : {};
  if (f.status === "confirmed") and.push({ status: "CONFIRMED" });
  if (f.status === "waitlisted") and.push({ status: "WAITLISTED" });
  if (f.status === "cancelled") and.push({ status: "CANCELLED" });
  if (f.status === "present") and.push({ checkIns: { some: presence } });
  if (f.status === "absent") and.push({ status: "CONFIRMED", checkIns: { none: presence } });
  return { AND: and };
}

// The registration exports' rows (CSV, XLSX): one SQL query per page, see queries/export-rows.ts.
export { countExportRows, type ExportRow, iterateExportRows } from "./queries/export-rows";

// ---------------------------------------------------------------------------------------------
// One journée's lists (émargement, badges, attestations): bounded by its capacity

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
const byName = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
  collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);

export type SheetRow = {
  id: string;
  lastName: string;
  firstName: string;
  structure: string;
  jobTitle: string;
  checkedInAt: Date | null;
  /** The presence came from an offline scan received after the door closed (decision 017). */
  lateSync: boolean;
  tokenSalt: string;
  /** The half-day's status (« En retard, parti avant la fin »…) when the sheet is for one half-day. */
  status?: string;
};

/** Alphabetical (French collation) list for the sheet: confirmed people, or present/absent ones. */
export async function listSheetRows(scope: Scope, f: ExportFilters & { journeeId: string }): Promise<SheetRow[]> {
  const db = await getDb();
  const filters: ExportFilters = { ...f, status: f.status === "all" ? "confirmed" : f.status };
  const rows = await db.registration.findMany({
    where: exportWhere(scope, filters),
    select: {
      id: true,
      lastName: true,
      firstName: true,
      structure: true,
      jobTitle: true,
      tokenSalt: true,
      checkIns: {
        where: f.partId ? { partKey: f.partId } : {},
        orderBy: { checkedInAt: "asc" },
        take: 1,
        select: { checkedInAt: true, offline: true, createdAt: true, partKey: true, departedAt: true },
      },
      justifications: { select: { partKey: true, status: true, reason: true } },
      journee: {
        select: {
          startsAt: true,
          endsAt: true,
          lateToleranceMinutes: true,
          parts: { select: { id: true, kind: true, title: true, startsAt: true, endsAt: true, position: true } },
        },
      },
    },
  });
  return rows
    .map(({ checkIns, journee, justifications, ...r }) => ({
      ...r,
      checkedInAt: checkIns[0]?.checkedInAt ?? null,
      lateSync: checkIns[0]
        ? isLateSync({ offline: checkIns[0].offline, receivedAt: checkIns[0].createdAt }, journee)
        : false,
      status: sheetStatus(journee, f.partId, checkIns, justifications),
    }))
    .sort(byName);
}

export type AttestationData = Attendance & {
  registrationId: string;
  code: string | null;
  firstName: string;
  lastName: string;
  structure: string;
  email: string | null;
  journee: Pick<ReportJournee, "id" | "title" | "city" | "venue" | "address" | "startsAt" | "endsAt">;
};

const attendeeSelect = {
  id: true,
  attestationCode: true,
  firstName: true,
  lastName: true,
  structure: true,
  email: true,
  checkIns: { select: { partKey: true, checkedInAt: true, departedAt: true } },
  justifications: { select: { partKey: true, status: true, reason: true } },
  journee: {
    select: {
      id: true,
      title: true,
      city: true,
      venue: true,
      address: true,
      startsAt: true,
      endsAt: true,
      lateToleranceMinutes: true,
      parts: { select: { id: true, kind: true, title: true, startsAt: true, endsAt: true, position: true } },
    },
  },
} satisfies Prisma.RegistrationSelect;

function toAttestation(r: Prisma.RegistrationGetPayload<{ select: typeof attendeeSelect }>): AttestationData {
  const { parts, lateToleranceMinutes: _tolerance, ...journee } = r.journee;
  return {
    registrationId: r.id,
    code: r.attestationCode,
    firstName: r.firstName,
    lastName: r.lastName,
    structure: r.structure,
    email: r.email,
    journee,
    ...attendance(r.journee, parts, { checkIns: r.checkIns, justifications: r.justifications }),
  };
}

const attended: Prisma.RegistrationWhereInput = { status: { not: "CANCELLED" }, checkIns: { some: {} } };

/** Everyone who attended a journée (at least one check-in), alphabetical. */
export async function listAttendees(scope: Scope, journeeId: string): Promise<AttestationData[]> {
  const db = await getDb();
  const rows = await db.registration.findMany({
    where: { AND: [attended, { journeeId, journee: scope }] },
    select: attendeeSelect,
  });
  return rows.map(toAttestation).sort(byName);
}

/** The attendee's own attestation, from their management link (hash of the token). */
export async function findAttestationByManageHash(manageHash: string): Promise<AttestationData | null> {
  const db = await getDb();
  const row = await db.registration.findFirst({ where: { AND: [attended, { manageHash }] }, select: attendeeSelect });
  return row ? toAttestation(row) : null;
}

/** Public verification: only an attestation that was issued (code assigned) and still stands. */
export async function findAttestationByCode(code: string): Promise<AttestationData | null> {
  const db = await getDb();
  const row = await db.registration.findFirst({
    where: { AND: [attended, { attestationCode: code, anonymizedAt: null }] },
    select: attendeeSelect,
  });
  return row ? toAttestation(row) : null;
}

/** One half-day's status for the digital sheet (its half-day, or the whole journée without any). */
function sheetStatus(
  journee: Parameters<typeof exportWindows>[0] & { lateToleranceMinutes: number },
  partId: string | undefined,
  checkIns: { partKey: string; checkedInAt: Date; departedAt: Date | null }[],
  justifications: ExportTimes["justifications"],
): string | undefined {
  const windows = exportWindows(journee);
  const window = windows.find((w) => w.key === (partId ?? WHOLE_DAY));
  if (!window) return undefined;
  const times = { checkIns: checkIns.map((c) => ({ ...c, at: c.checkedInAt })), justifications };
  const j = { windows: [window], lateToleranceMinutes: journee.lateToleranceMinutes };
  return exportAttendance(j, times, true).byPart[window.key]?.status;
}
