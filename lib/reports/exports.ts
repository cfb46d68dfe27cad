import { strToU8, zipSync } from "fflate";
import { formatShortDate, parisDateKey } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { ok, type Result, refused } from "@/lib/result";
import { ticketPayload } from "@/lib/security/tokens";
import { attendanceColumns } from "./attendance-columns";
import { drawAttestation } from "./attestation-pdf";
import { drawBadges } from "./badges-pdf";
import { catererCsv, catererXlsx, drawCaterer } from "./caterer";
import { columnCells, csvChunks } from "./csv";
import { drawEmargement, newPdf, pdfBuffer, pdfStream } from "./emargement-pdf";
import { questionColumns, REGISTRATION_COLUMNS } from "./labels";
import { assignAttestationCodes } from "./mutations";
import {
  type AttestationData,
  countExportRows,
  getReportJournee,
  iterateExportRows,
  listAttendees,
  listOrganisers,
  listSheetRows,
  type ReportJournee,
  type Scope,
} from "./queries";
import { getCatererList } from "./queries/caterer";
import { exportAttendanceWindows, exportQuestionColumns } from "./queries/export-rows";
import { countScanRows, iterateScanRows } from "./queries/scans";
import { shownAnswers } from "./queries/shown-answer";
import { SCAN_COLUMNS } from "./scan-columns";
import { CATERER_KINDS, type ExportFilters, type ExportKind, JOURNEE_REQUIRED, SCAN_HISTORY_KINDS } from "./schema";
import { drawSummary, getSummary, summaryXlsx } from "./summary";
import { xlsxStream } from "./xlsx";

/**
 * Builds one export for a caller whose rights are `scope` (journeeScope(user, exportCapability(kind))).
 * Files are streamed (CSV, XLSX, PDF pages as they are drawn); rows are read 1,000 at a time.
 */
export type ExportFile = {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array> | Buffer;
  rows: number;
};
export type ExportRefusal = "journee_required" | "unknown_journee" | "not_finished" | "unknown_question";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  zip: "application/zip",
};

const DATA_KEYS = REGISTRATION_COLUMNS.map(
  (_, i) =>
    [
      "seq",
      "last_name",
      "first_name",
      "email",
      "structure",
      "structure_type",
      "network",
      "job_title",
      "commune",
      "journee",
      "journee_starts_at",
      "status",
      "waitlist_position",
      "walk_in",
      "registered_at",
      "cancelled_at",
      "parts",
      "present",
      "first_check_in_at",
      "present_parts",
    ][i],
);

function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

async function* mapBatches<T, U>(source: AsyncIterable<T[]>, fn: (row: T) => U): AsyncGenerator<U[]> {
  for await (const batch of source) yield batch.map(fn);
}

export function verifyUrl(): string {
  return `${(process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "")}/attestations/verifier`;
}

function baseName(kind: string, j: ReportJournee | null): string {
  return `${kind}-${j ? j.slug : "programme"}-${parisDateKey(new Date())}`;
}

export async function buildExport(
  scope: Scope,
  kind: ExportKind,
  f: ExportFilters,
): Promise<Result<ExportFile, ExportRefusal>> {
  if (JOURNEE_REQUIRED.has(kind) && !f.journeeId) return refused("journee_required");
  const journee = f.journeeId ? await getReportJournee(scope, f.journeeId) : null;
  if (f.journeeId && !journee) return refused("unknown_journee");
  if (f.partId && !journee?.parts.some((p) => p.id === f.partId)) return refused("unknown_journee");
  const part = journee?.parts.find((p) => p.id === f.partId);
  const name =
    baseName(kind.replace(/-(csv|xlsx|pdf|zip)$/, ""), journee) +
    (part ? `-partie-${(journee?.parts.indexOf(part) ?? 0) + 1}` : "");

  if (kind === "inscriptions-csv" || kind === "inscriptions-donnees-csv") {
    const dialect = kind === "inscriptions-csv" ? "excel-fr" : "data";
    const questions = questionColumns(await exportQuestionColumns(scope, f));
    const presence = attendanceColumns(await exportAttendanceWindows(scope, f));
    const columns = [...REGISTRATION_COLUMNS, ...presence, ...questions];
    const header = [
      ...(dialect === "excel-fr" ? REGISTRATION_COLUMNS.map((c) => c.header) : DATA_KEYS),
      ...presence.map((c) => c.header),
      ...questions.map((c) => c.header),
    ];
    const rows = mapBatches(iterateExportRows(scope, f), (r) => columns.map((c) => c.value(r)));
    const count = await countExportRows(scope, f);
    return ok({
      filename: `${name}.csv`,
      contentType: TYPES.csv,
      body: textStream(csvChunks(header, rows, dialect)),
      rows: count,
    });
  }
  if (kind === "inscriptions-xlsx") {
    const count = await countExportRows(scope, f);
    const columns = [
      ...REGISTRATION_COLUMNS,
      ...attendanceColumns(await exportAttendanceWindows(scope, f)),
      ...questionColumns(await exportQuestionColumns(scope, f)),
    ];
    const body = xlsxStream("Inscriptions", columns, iterateExportRows(scope, f));
    return ok({ filename: `${name}.xlsx`, contentType: TYPES.xlsx, body, rows: count });
  }
  if (kind === "synthese-xlsx" || kind === "synthese-pdf") {
    const summary = await getSummary(scope, f.journeeId);
    if (kind === "synthese-xlsx")
      return ok({
        filename: `${name}.xlsx`,
        contentType: TYPES.xlsx,
        body: await summaryXlsx(summary),
        rows: summary.journees.length,
      });
    const body = pdfStream(newPdf(summary.title), (doc) => drawSummary(doc, summary));
    return ok({ filename: `${name}.pdf`, contentType: TYPES.pdf, body, rows: summary.journees.length });
  }
  if (!journee || !f.journeeId) return refused("journee_required");
  const jf = { ...f, journeeId: f.journeeId };
  if (SCAN_HISTORY_KINDS.has(kind)) {
    const rows = iterateScanRows(scope, jf);
    const count = await countScanRows(scope, jf);
    if (kind === "historique-scans-xlsx") {
      const body = xlsxStream("Scans", SCAN_COLUMNS, rows);
      return ok({ filename: `${name}.xlsx`, contentType: TYPES.xlsx, body, rows: count });
    }
    const cells = mapBatches(rows, (r) => columnCells(SCAN_COLUMNS, r, "excel-fr"));
    const body = textStream(
      csvChunks(
        SCAN_COLUMNS.map((c) => c.header),
        cells,
        "excel-fr",
      ),
    );
    return ok({ filename: `${name}.csv`, contentType: TYPES.csv, body, rows: count });
  }
  if (CATERER_KINDS.has(kind)) return catererFile(scope, kind, journee.id, name);
  const organisers = await listOrganisers();

  // « Afficher la réponse à… »: that question's answer under each name (badges, émargement).
  const shown = f.questionId ? await shownAnswers(scope, journee.id, f.questionId) : null;
  if (f.questionId && !shown) return refused("unknown_question");
  const answerOf = (p: { id: string }) => (shown ? (shown.byRegistration.get(p.id) ?? "—") : undefined);
  if (kind === "emargement-pdf" || kind === "emargement-numerique-pdf") {
    const people = (await listSheetRows(scope, jf)).map((p) => ({ ...p, answer: answerOf(p) }));
    const header = { ...journee, part, organisers, answerLabel: shown?.label };
    const doc = newPdf(`Feuille d'émargement - ${journee.title}`);
    const body = pdfStream(doc, (d) => drawEmargement(d, header, people, kind === "emargement-numerique-pdf"));
    return ok({ filename: `${name}.pdf`, contentType: TYPES.pdf, body, rows: people.length });
  }
  if (kind === "badges-pdf") {
    const people = await listSheetRows(scope, { ...jf, status: "confirmed" });
    const badges = people.map((p) => ({ ...p, answer: answerOf(p), qrPayload: ticketPayload(p.tokenSalt) }));
    const body = pdfStream(newPdf(`Badges - ${journee.title}`), (d) => drawBadges(d, journee, badges));
    return ok({ filename: `${name}.pdf`, contentType: TYPES.pdf, body, rows: people.length });
  }
  // attestations-zip
  if (journee.endsAt.getTime() > Date.now()) return refused("not_finished");
  const files = await attestationFiles(scope, journee.id, organisers);
  const readme = `Attestations de présence - ${journee.title} (${formatShortDate(journee.startsAt)})\r\n${plural(files.length, "attestation")}. Vérification : ${verifyUrl()}\r\n`;
  const zip = zipSync(
    { "LISEZMOI.txt": strToU8(readme), ...Object.fromEntries(files.map((x) => [x.filename, x.pdf])) },
    { level: 0 },
  );
  return ok({ filename: `${name}.zip`, contentType: TYPES.zip, body: Buffer.from(zip), rows: files.length });
}

async function catererFile(
  scope: Scope,
  kind: ExportKind,
  journeeId: string,
  name: string,
): Promise<Result<ExportFile, ExportRefusal>> {
  const list = await getCatererList(scope, journeeId);
  if (!list) return refused("unknown_journee");
  const base = `${name}-${list.mode === "present" ? "jour-meme" : "j-2"}`;
  const rows = list.lines.length + list.people.length;
  if (kind === "traiteur-csv")
    return ok({ filename: `${base}.csv`, contentType: TYPES.csv, body: textStream(catererCsv(list)), rows });
  if (kind === "traiteur-xlsx")
    return ok({ filename: `${base}.xlsx`, contentType: TYPES.xlsx, body: catererXlsx(list), rows });
  const body = pdfStream(newPdf(`${list.title} - ${list.journee.title}`), (d) => drawCaterer(d, list));
  return ok({ filename: `${base}.pdf`, contentType: TYPES.pdf, body, rows });
}

/** One attendee's attestation (their code already assigned) and a file name without accents. */
export async function attestationPdf(a: AttestationData & { code: string }, organisers: string[]) {
  const pdf = await pdfBuffer(newPdf(`Attestation de présence - ${a.firstName} ${a.lastName}`), (d) =>
    drawAttestation(d, a, organisers, verifyUrl()),
  );
  const slug = `${a.lastName}-${a.firstName}`
    .normalize("NFD")
    .replace(/[^\w-]+/g, "")
    .slice(0, 60);
  return { pdf, slug };
}

/** One PDF per attendee (codes assigned first), with a file name that sorts alphabetically. */
export async function attestationFiles(scope: Scope, journeeId: string, organisers?: string[]) {
  await assignAttestationCodes(journeeId);
  const names = organisers ?? (await listOrganisers());
  const attendees = await listAttendees(scope, journeeId);
  const out: { filename: string; pdf: Uint8Array }[] = [];
  for (const [i, a] of attendees.entries()) {
    if (!a.code) continue;
    const { pdf, slug } = await attestationPdf({ ...a, code: a.code }, names);
    out.push({ filename: `attestation-${String(i + 1).padStart(3, "0")}-${slug}.pdf`, pdf });
  }
  return out;
}
