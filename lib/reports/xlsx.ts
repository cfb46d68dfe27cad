import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { parisWallClock } from "@/lib/format/dates";
import { looksLikeFormula } from "./csv";
import type { ExportColumn } from "./labels";

/**
 * XLSX with exceljs. Excel dates have no time zone: a cell holds the wall-clock time the reader
 * should see, i.e. the Paris time of the instant (exceljs converts a Date through UTC).
 */
export function excelWallClock(instant: Date): Date {
  const p = parisWallClock(instant);
  return new Date(Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second));
}

export const DATE_FORMAT = "dd/mm/yyyy hh:mm";
const NUMBER_FORMATS: Record<NonNullable<ExportColumn<unknown>["kind"]>, string> = {
  date: DATE_FORMAT,
  "datetime-seconds": "dd/mm/yyyy hh:mm:ss",
};

export function cellValue(value: string | number | boolean | Date | null): ExcelJS.CellValue {
  if (value instanceof Date) return excelWallClock(value);
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  // Strings are stored as they are: a string cell is never evaluated (see addTextRow).
  return value;
}

/**
 * Adds a row; a text cell that looks like a formula (= + - @…) also gets the Text number format
 * « @ », so editing it in Excel or LibreOffice keeps it text instead of evaluating it. The value
 * itself is unchanged: no visible apostrophe (exceljs 4 cannot write Excel's quotePrefix).
 */
export function addTextRow(sheet: Sheet, values: ExcelJS.CellValue[]): ExcelJS.Row {
  const row = sheet.addRow(values);
  values.forEach((v, i) => {
    if (typeof v === "string" && looksLikeFormula(v)) row.getCell(i + 1).numFmt = "@";
  });
  return row;
}

type Sheet = ExcelJS.Worksheet;

/** Bold header row (frozen through FROZEN_HEADER), autofilter on every column, widths and date formats from `columns`. */
export const FROZEN_HEADER: Partial<ExcelJS.AddWorksheetOptions> = {
  views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
};

export function setupSheet<Row>(sheet: Sheet, columns: ExportColumn<Row>[]): void {
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: c.kind ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
}

export function rowValues<Row>(columns: ExportColumn<Row>[], row: Row): ExcelJS.CellValue[] {
  return columns.map((c) => cellValue(c.value(row)));
}

/** Streams a one-sheet workbook, committing rows as batches arrive (constant memory). */
export function xlsxStream<Row>(
  sheetName: string,
  columns: ExportColumn<Row>[],
  batches: AsyncIterable<Row[]>,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Émarge";
  const build = async () => {
    const sheet = workbook.addWorksheet(sheetName, FROZEN_HEADER) as unknown as Sheet;
    setupSheet(sheet, columns);
    (sheet.getRow(1) as ExcelJS.Row).commit();
    for await (const batch of batches) {
      for (const row of batch) addTextRow(sheet, rowValues(columns, row)).commit();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    (sheet as unknown as { commit: () => void }).commit();
    await workbook.commit();
  };
  build().catch((error) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

export async function streamToBuffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
