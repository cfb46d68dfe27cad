import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type ExportJourneeWindows, type ExportWindow, exportAttendance } from "../attendance-columns";
import type { ExportRow } from "../labels";
import type { Scope } from "../queries";
import type { ExportFilters } from "../schema";
import { exportJourneeWindows } from "./export-windows";

/**
 * Rows of the registration exports (CSV, XLSX), read a page at a time with a cursor on the list's
 * order (LIST_ORDER below).
 * One SQL query per page selects the page, folds half-days and check-ins (string_agg) and hands
 * each row over as one JSON array: the embedded database decodes every result field in
 * JavaScript, so one text field per row instead of eighteen is what makes 10,000 rows fast
 * (docs/decisions/013-report-performance.md). Formatting stays in csv.ts / xlsx.ts.
 */
export type { ExportRow };

/** Journées the caller may export from (their scope, never drafts), narrowed to the filter's journée. */
async function exportJourneeIds(scope: Scope, f: ExportFilters): Promise<string[]> {
  const db = await getDb();
  const rows = await db.journee.findMany({
    where: { AND: [scope, { status: { not: "DRAFT" } }, f.journeeId ? { id: f.journeeId } : {}] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The filters in SQL over `r` (same meaning as exportWhere, which the sheets use; tested together). */
function filterSql(ids: string[], f: ExportFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`r."journeeId" IN (${Prisma.join(ids)})`];
  const partKey = f.partId ? Prisma.sql`AND c."partKey" = ${f.partId}` : Prisma.empty;
  const checkedIn = Prisma.sql`EXISTS (SELECT 1 FROM "CheckIn" c WHERE c."registrationId" = r.id ${partKey})`;
  if (f.partId) {
    and.push(Prisma.sql`(EXISTS (SELECT 1 FROM "RegistrationPart" x WHERE x."registrationId" = r.id
      AND x."partId" = ${f.partId}) OR ${checkedIn})`);
  }
  if (f.status === "confirmed") and.push(Prisma.sql`r.status = 'CONFIRMED'`);
  if (f.status === "waitlisted") and.push(Prisma.sql`r.status = 'WAITLISTED'`);
  if (f.status === "cancelled") and.push(Prisma.sql`r.status = 'CANCELLED'`);
  if (f.status === "present") and.push(checkedIn);
  if (f.status === "absent") and.push(Prisma.sql`r.status = 'CONFIRMED' AND NOT ${checkedIn}`);
  return Prisma.join(and, " AND ");
}

export async function countExportRows(scope: Scope, f: ExportFilters): Promise<number> {
  const ids = await exportJourneeIds(scope, f);
  if (!ids.length) return 0;
  const db = await getDb();
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Registration" r WHERE ${filterSql(ids, f)}`;
  return row.n;
}

// Instants travel as epoch milliseconds (timestamp columns hold UTC). date_part is float8
// arithmetic; extract() computes in numeric, which costs a third of the query here.
const ms = (column: Prisma.Sql) => Prisma.sql`round(date_part('epoch', ${column}) * 1000)`;

/**
 * The staff list's order (lib/staff-registrations/queries.ts), as a key: confirmed people in
 * arrival order, then the waiting list in line order (waitlistPosition, as promotions take it;
 * a programme-wide export keeps each journée's line together), then cancellations in arrival
 * order. A promoted person keeps their old position: it counts only while waitlisted.
 */
const GROUP = Prisma.sql`CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITLISTED' THEN 1 ELSE 2 END`;
const LINE = Prisma.sql`CASE WHEN r.status = 'WAITLISTED' THEN r."journeeId" ELSE '' END`;
const POSITION = Prisma.sql`CASE WHEN r.status = 'WAITLISTED' THEN coalesce(r."waitlistPosition", 2147483647) ELSE 0 END`;
const LIST_ORDER = Prisma.sql`(${GROUP}, ${LINE}, ${POSITION}, r.seq)`;
type Cursor = [group: number, journeeId: string, position: number, seq: number];

// The order of json_build_array below (the cursor last: not part of the row).
type JsonRow = [
  seq: number,
  lastName: string,
  firstName: string,
  email: string,
  structure: string,
  structureType: string,
  network: string,
  jobTitle: string,
  commune: string,
  status: string,
  walkIn: boolean,
  createdAt: number,
  cancelledAt: number | null,
  journeeTitle: string,
  journeeDate: number,
  parts: string,
  present: boolean,
  firstArrival: number | null,
  presentParts: string,
  waitlistRank: number | null,
  answers: Record<string, string> | null,
  journeeId: string,
  times: [partKey: string, at: number, departedAt: number | null][] | null,
  justifications: [partKey: string, status: "REQUESTED" | "ACCEPTED" | "REFUSED", reason: string][] | null,
  cursor: Cursor,
];

function toExportRow(a: JsonRow, journees: Map<string, ExportJourneeWindows>): ExportRow {
  const times = {
    checkIns: (a[22] ?? []).map(([partKey, at, left]) => ({
      partKey,
      at: new Date(at),
      departedAt: left === null ? null : new Date(left),
    })),
    justifications: (a[23] ?? []).map(([partKey, status, reason]) => ({ partKey, status, reason })),
  };
  const j = journees.get(a[21]);
  const none = { byPart: {}, hours: null, summary: "" };
  const presence = j ? exportAttendance(j, times, a[9] === "CONFIRMED") : none;
  return {
    byPart: presence.byPart,
    hoursAttended: presence.hours,
    attendanceSummary: presence.summary,
    seq: a[0],
    lastName: a[1],
    firstName: a[2],
    email: a[3],
    structure: a[4],
    structureType: a[5],
    network: a[6],
    jobTitle: a[7],
    commune: a[8],
    status: a[9],
    walkIn: a[10],
    createdAt: new Date(a[11]),
    cancelledAt: a[12] === null ? null : new Date(a[12]),
    journeeTitle: a[13],
    journeeDate: new Date(a[14]),
    parts: a[15],
    present: a[16],
    firstArrival: a[17] === null ? null : new Date(a[17]),
    presentParts: a[18],
    waitlistRank: a[19],
    answers: a[20] ?? {},
  };
}

/**
 * Pages of `batch` rows in LIST_ORDER (a keyset cursor: each page sorts the filtered rows, a
 * few milliseconds for 10,000); the journée ids come from the caller's scope first. The
 * check-ins and half-days are read through those journées (an index range, not every check-in
 * of the programme). 5,000 rows are about 1 MB of JSON: few pages, each one cheap to hold.
 */
export async function* iterateExportRows(scope: Scope, f: ExportFilters, batch = 5000): AsyncGenerator<ExportRow[]> {
  const ids = await exportJourneeIds(scope, f);
  if (!ids.length) return;
  const db = await getDb();
  const where = filterSql(ids, f);
  const journees = await exportJourneeWindows(ids);
  // The answers to the journée's questions (one journée exported): one text per question, several
  // choices joined in the options' order. Programme-wide exports have no question columns.
  const answers = f.journeeId
    ? Prisma.sql`, a AS (
        SELECT q.rid, json_object_agg(q.qid, q.val) AS answers FROM (
          SELECT a."registrationId" AS rid, a."questionId" AS qid,
            string_agg(coalesce(o.label, a.text, a.number::text), ' ; ' ORDER BY o.position, a.id) AS val
          FROM "RegistrationAnswer" a LEFT JOIN "QuestionOption" o ON o.id = a."optionId"
          WHERE a."registrationId" IN (SELECT id FROM r) GROUP BY 1, 2) q
        GROUP BY 1)`
    : Prisma.empty;
  const answersValue = f.journeeId ? Prisma.sql`a.answers` : Prisma.sql`NULL`;
  const answersJoin = f.journeeId ? Prisma.sql`LEFT JOIN a ON a.rid = r.id` : Prisma.empty;
  let after: Cursor = [-1, "", 0, 0];
  for (;;) {
    const [page] = await db.$queryRaw<{ rows: string | null }[]>`
      WITH r AS (
        SELECT r.id, r.seq, r."journeeId", r."lastName", r."firstName", r.email, r.structure, r."structureType",
          r.network, r."jobTitle", r.commune, r.status, r."walkIn", r."createdAt", r."cancelledAt",
          -- The place in line people are told: the waitlisted ahead of them + 1.
          CASE WHEN r.status = 'WAITLISTED' THEN (
            SELECT count(*)::int + 1 FROM "Registration" w
            WHERE w."journeeId" = r."journeeId" AND w.status = 'WAITLISTED' AND w."waitlistPosition" < r."waitlistPosition"
          ) END AS "waitlistRank",
          ${GROUP} AS g, ${LINE} AS line, ${POSITION} AS pos
        FROM "Registration" r
        WHERE ${where} AND ${LIST_ORDER} > (${after[0]}::int, ${after[1]}::text, ${after[2]}::int, ${after[3]}::int)
        ORDER BY ${LIST_ORDER} LIMIT ${batch}
      ), c AS (
        SELECT c."registrationId" AS rid, min(c."checkedInAt") AS first,
          string_agg(coalesce(p.title, 'Journée'), ' + ' ORDER BY c."checkedInAt") AS titles,
          json_agg(json_build_array(c."partKey", ${ms(Prisma.sql`c."checkedInAt"`)}, ${ms(Prisma.sql`c."departedAt"`)})) AS times
        FROM "CheckIn" c LEFT JOIN "JourneePart" p ON p.id = c."partId"
        WHERE c."registrationId" IN (SELECT id FROM r) AND c."journeeId" IN (${Prisma.join(ids)}) GROUP BY 1
      ), x AS (
        SELECT x."registrationId" AS rid, string_agg(p.title, ' + ' ORDER BY p.position) AS titles
        FROM "RegistrationPart" x JOIN "JourneePart" p ON p.id = x."partId" AND p."journeeId" IN (${Prisma.join(ids)})
        WHERE x."registrationId" IN (SELECT id FROM r)
          AND x."partId" IN (SELECT id FROM "JourneePart" WHERE "journeeId" IN (${Prisma.join(ids)}))
        GROUP BY 1
      ), jz AS (
        SELECT z."registrationId" AS rid, json_agg(json_build_array(z."partKey", z.status, z.reason)) AS list
        FROM "AbsenceJustification" z WHERE z."registrationId" IN (SELECT id FROM r) GROUP BY 1
      )${answers}
      SELECT json_agg(json_build_array(r.seq, r."lastName", r."firstName", coalesce(r.email, ''), r.structure,
        r."structureType", coalesce(r.network::text, ''), r."jobTitle", r.commune, r.status, r."walkIn",
        ${ms(Prisma.sql`r."createdAt"`)}, ${ms(Prisma.sql`r."cancelledAt"`)}, j.title, ${ms(Prisma.sql`j."startsAt"`)},
        coalesce(x.titles, ''), c.rid IS NOT NULL, ${ms(Prisma.sql`c.first`)}, coalesce(c.titles, ''), r."waitlistRank", ${answersValue},
        r."journeeId", c.times, jz.list,
        json_build_array(r.g, r.line, r.pos, r.seq)) ORDER BY r.g, r.line, r.pos, r.seq)::text AS rows
      FROM r JOIN "Journee" j ON j.id = r."journeeId"
        LEFT JOIN c ON c.rid = r.id LEFT JOIN x ON x.rid = r.id LEFT JOIN jz ON jz.rid = r.id ${answersJoin}`;
    const raw = page?.rows ? (JSON.parse(page.rows) as JsonRow[]) : [];
    if (raw.length) yield raw.map((a) => toExportRow(a, journees));
    if (raw.length < batch) return;
    after = raw[raw.length - 1][24];
  }
}

export type QuestionColumn = { id: string; header: string; number: boolean };

/**
 * The question columns of a one-journée export, in the form's order, then the removed questions
 * that kept answers, titled « (question retirée) ». None for a programme-wide export.
 */
export async function exportQuestionColumns(scope: Scope, f: ExportFilters): Promise<QuestionColumn[]> {
  if (!f.journeeId) return [];
  const ids = await exportJourneeIds(scope, f);
  if (!ids.length) return [];
  const db = await getDb();
  const questions = await db.registrationQuestion.findMany({
    where: { journeeId: { in: ids }, OR: [{ removedAt: null }, { answers: { some: {} } }] },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, label: true, kind: true, removedAt: true },
  });
  const live = questions.filter((q) => !q.removedAt);
  const removed = questions.filter((q) => q.removedAt);
  return [...live, ...removed].map((q) => ({
    id: q.id,
    header: q.removedAt ? `${q.label} (question retirée)` : q.label,
    number: q.kind === "NUMBER",
  }));
}

/** The half-days of a one-journée export (in the caller's scope), for its attendance columns; null otherwise. */
export async function exportAttendanceWindows(scope: Scope, f: ExportFilters): Promise<ExportWindow[] | null> {
  if (!f.journeeId) return null;
  const ids = await exportJourneeIds(scope, f);
  if (!ids.length) return null;
  return (await exportJourneeWindows(ids)).get(ids[0])?.windows ?? null;
}
