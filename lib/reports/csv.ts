import { formatShortDateTime, formatShortDateTimeSeconds } from "@/lib/format/dates";
import type { ExportColumn } from "./labels";

/**
 * Pure CSV writers (RFC 4180 quoting, CRLF line ends).
 * - "excel-fr": what French Excel opens with a double click: UTF-8 with BOM, « ; », dates
 *   JJ/MM/AAAA HH:MM in Europe/Paris, Oui/Non;
 * - "data": for scripts: no BOM, « , », ISO 8601 instants (UTC), true/false.
 * Formula injection: in the French-Excel CSV (the one opened in a spreadsheet) a text cell
 * starting with = + - @ tab CR or LF gets a leading apostrophe, so it shows as text and is never
 * evaluated. The data CSV keeps every value exactly as entered (a script must read back what
 * the person typed); it is labelled as a file for programs, not for a spreadsheet (decision 018).
 */
export type CsvDialect = "excel-fr" | "data";
export type CsvCell = string | number | boolean | Date | null | undefined;

export const BOM = "\uFEFF";
const SEPARATOR: Record<CsvDialect, string> = { "excel-fr": ";", data: "," };
const EOL = "\r\n";
const DANGEROUS_START = /^[=+\-@\t\r\n]/;

// Dates are shown to the minute: cache the French formatting per minute (Intl is the hot spot).
const minuteCache = new Map<number, string>();
function frenchDateTime(date: Date): string {
  const minute = Math.floor(date.getTime() / 60000);
  let text = minuteCache.get(minute);
  if (text === undefined) {
    if (minuteCache.size > 10_000) minuteCache.clear();
    text = formatShortDateTime(date);
    minuteCache.set(minute, text);
  }
  return text;
}

export const looksLikeFormula = (text: string) => DANGEROUS_START.test(text);

export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

function quote(text: string, separator: string): string {
  const needs = text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsvCell(value: CsvCell, dialect: CsvDialect): string {
  if (value === null || value === undefined) return "";
  const sep = SEPARATOR[dialect];
  if (value instanceof Date) {
    return dialect === "excel-fr" ? frenchDateTime(value) : value.toISOString();
  }
  if (typeof value === "boolean") {
    if (dialect === "excel-fr") return value ? "Oui" : "Non";
    return value ? "true" : "false";
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    const text = String(value);
    return dialect === "excel-fr" ? text.replace(".", ",") : text;
  }
  return quote(dialect === "excel-fr" ? neutraliseFormula(value) : value, sep);
}

export function csvLine(cells: readonly CsvCell[], dialect: CsvDialect): string {
  return cells.map((c) => formatCsvCell(c, dialect)).join(SEPARATOR[dialect]) + EOL;
}

/** One row's cells from export columns; a "datetime-seconds" column keeps its seconds for French Excel. */
export function columnCells<Row>(columns: readonly ExportColumn<Row>[], row: Row, dialect: CsvDialect): CsvCell[] {
  return columns.map((c) => {
    const value = c.value(row);
    const seconds = c.kind === "datetime-seconds" && value instanceof Date && dialect === "excel-fr";
    return seconds ? formatShortDateTimeSeconds(value) : value;
  });
}

/** The whole file as text chunks (header first, BOM for French Excel), for streaming. */
export async function* csvChunks(
  header: readonly string[],
  rows: AsyncIterable<readonly CsvCell[][]> | Iterable<readonly CsvCell[][]>,
  dialect: CsvDialect,
): AsyncGenerator<string> {
  yield (dialect === "excel-fr" ? BOM : "") + csvLine(header, dialect);
  for await (const batch of rows) {
    let chunk = "";
    for (const row of batch) chunk += csvLine(row, dialect);
    if (chunk) yield chunk;
  }
}

export async function csvToString(
  header: readonly string[],
  rows: readonly CsvCell[][],
  dialect: CsvDialect,
): Promise<string> {
  let out = "";
  for await (const chunk of csvChunks(header, [rows], dialect)) out += chunk;
  return out;
}
