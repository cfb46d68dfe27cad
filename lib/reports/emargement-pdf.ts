import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { presentOfRegistered } from "@/lib/format/count-texts";
import { formatDayRange, formatShortDateTime, formatTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { type Align, drawLine, drawLines, lineHeight, type TextStyle, textWidth, wrapLines } from "./pdf-text";

/**
 * PDF basics (pdfkit) and the feuille d'émargement: paper (signature box, blank rows for
 * walk-ins) or digital (check-in time of each person). Names and places are drawn in embedded
 * Unicode fonts (lib/reports/pdf-fonts.ts) and wrap in their cell, never cut (decision 018).
 */
export type Pdf = PDFKit.PDFDocument;

/** For the built-in Helvetica (summary tables of numbers): characters outside WinAnsi are mapped or dropped. */
export function winAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, (c) => (c === "\u00AB" || c === "\u00BB" ? c : '"'))
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/[\u00A0\u202F\u2009]/g, " ")
    .replace(
      /[^\t\n\r\u0020-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u20AC\u2020\u2021\u2022\u2026\u2030\u2122]/g,
      "?",
    );
}

export function newPdf(title: string): Pdf {
  return new PDFDocument({
    size: "A4",
    margin: 36,
    autoFirstPage: false,
    info: { Title: title, Author: "Émarge", Creator: "Émarge" },
  });
}

/** Lets other requests run between pages of a large document. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Streams the document while `build` draws it (pages are flushed as they are finished). */
export function pdfStream(doc: Pdf, build: (doc: Pdf) => Promise<void>): ReadableStream<Uint8Array> {
  build(doc).then(
    () => doc.end(),
    (error) => doc.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return Readable.toWeb(doc) as unknown as ReadableStream<Uint8Array>;
}

export async function pdfBuffer(doc: Pdf, build: (doc: Pdf) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  await build(doc);
  doc.end();
  return done;
}

/** Cuts a text to fit a width in the current built-in font, with an ellipsis (summary tables only). */
export function fitText(doc: Pdf, text: string, width: number): string {
  const clean = winAnsi(text);
  if (doc.widthOfString(clean) <= width) return clean;
  let lo = 0;
  let hi = clean.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${clean.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${clean.slice(0, lo)}…`;
}

export type SheetHeader = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  address: string;
  part?: { title: string; startsAt: Date; endsAt: Date };
  organisers: string[];
  /** « Afficher la réponse à… »: the question whose answer gets its own column (e.g. the atelier). */
  answerLabel?: string;
};
export type SheetPerson = {
  lastName: string;
  firstName: string;
  structure: string;
  jobTitle: string;
  checkedInAt: Date | null;
  /** Offline scan received after the door closed: marked on the sheet (decision 017). */
  lateSync?: boolean;
  /** This person's answer to `SheetHeader.answerLabel`. */
  answer?: string;
  /** The half-day's status (issue 13 point 5), when the sheet is for one half-day. */
  status?: string;
};

const LEFT = 36;
const WIDTH = 523;
const BOTTOM = 842 - 36 - 22;
const CELL: TextStyle = { size: 9 };
const CELL_BOLD: TextStyle = { size: 9, bold: true };

type Block = { lines: string[]; style: TextStyle; align?: Align };

function headerBlocks(doc: Pdf, h: SheetHeader, heading: string, extra: string): Block[] {
  const when = h.part
    ? `${formatDayRange(h.startsAt, h.endsAt).split(",")[0]}, ${h.part.title} (${formatTime(h.part.startsAt)} - ${formatTime(h.part.endsAt)})`
    : formatDayRange(h.startsAt, h.endsAt);
  const block = (text: string, style: TextStyle): Block => ({ lines: wrapLines(doc, text, WIDTH, style), style });
  const info: TextStyle = { size: 9.5 };
  return [
    block(`${heading} - ${h.title}`, { size: 14, bold: true }),
    block(`Date : ${when}`, info),
    block(`Lieu : ${h.venue}, ${h.address}`, info),
    block(`Organisé par : ${h.organisers.join(", ")}`, info),
    ...(extra ? [block(extra, { size: 9.5, bold: true })] : []),
  ];
}

const blocksHeight = (blocks: Block[]) => blocks.reduce((n, b) => n + b.lines.length * lineHeight(b.style), 0);

/** Draws the header and the page footer; returns where the table starts. */
function drawHeader(doc: Pdf, blocks: Block[], page: number, pages: number): number {
  let y = 36;
  for (const b of blocks) y += drawLines(doc, b.lines, LEFT, y, WIDTH, b.style, b.align);
  const small: TextStyle = { size: 8, color: "#333" };
  const pageLabel = `Page ${page}/${pages}`;
  drawLine(doc, pageLabel, LEFT + WIDTH - textWidth(doc, pageLabel, small), 842 - 36 - 12, small);
  drawLine(doc, `Édité le ${formatShortDateTime(new Date())} - Émarge`, LEFT, 842 - 36 - 12, small);
  return y + 8;
}

/**
 * Arrival time, or « Absent·e »; a late offline sync gets a « * » explained in the header; a status
 * other than « Présent » (en retard, parti avant la fin, absence justifiée) follows it.
 */
function arrival(p: SheetPerson): string {
  if (!p.checkedInAt) return p.status === "Absence justifiée" ? p.status : "Absent·e";
  const status = p.status && p.status !== "Présent" ? ` - ${p.status}` : "";
  return `${formatShortDateTime(p.checkedInAt)}${p.lateSync ? " *" : ""}${status}`;
}

type Column = { label: string; width: number; value: (p: SheetPerson) => string };
type Row = { cells: string[][]; height: number };

function layoutRow(doc: Pdf, columns: Column[], p: SheetPerson | null, minHeight: number, style = CELL): Row {
  const cells = columns.map((c) => (p ? wrapLines(doc, c.value(p), c.width - 6, style) : []));
  const lines = Math.max(1, ...cells.map((l) => l.length));
  return { cells, height: Math.max(minHeight, lines * lineHeight(style) + 6) };
}

function drawRow(doc: Pdf, columns: Column[], y: number, row: Row, style = CELL) {
  let x = LEFT;
  columns.forEach((col, i) => {
    doc.rect(x, y, col.width, row.height).stroke();
    drawLines(doc, row.cells[i], x + 3, y + 3, col.width - 6, style);
    x += col.width;
  });
}

/** Paper (signature boxes, `blankRows` empty rows for walk-ins) or digital (arrival times). */
export async function drawEmargement(doc: Pdf, h: SheetHeader, people: SheetPerson[], digital: boolean) {
  // With an answer column, the four text columns give it 85 pt (same 523 pt in all).
  const a = h.answerLabel ? 1 : 0;
  const base: Column[] = [
    { label: "Nom", width: 105 - 15 * a, value: (p) => p.lastName.toUpperCase() },
    { label: "Prénom", width: 85 - 15 * a, value: (p) => p.firstName },
    { label: "Structure", width: 135 - 35 * a, value: (p) => p.structure },
    { label: "Fonction", width: 98 - 20 * a, value: (p) => p.jobTitle },
    ...(h.answerLabel ? [{ label: h.answerLabel, width: 85, value: (p: SheetPerson) => p.answer ?? "" }] : []),
  ];
  const last: Column = digital
    ? { label: "Arrivée, statut", width: 100, value: (p) => arrival(p) }
    : { label: "Signature", width: 100, value: () => "" };
  const columns = [...base, last];
  const minHeight = digital ? 16 : 28;
  const blankRows = digital ? 0 : 6;
  const headingLabel = digital ? "Émargement numérique" : "Feuille d'émargement";
  const present = people.filter((p) => p.checkedInAt).length;
  const late = people.filter((p) => p.lateSync).length;
  const lateNote = late
    ? ` - * ${plural(late, "scan hors ligne reçu", "scans hors ligne reçus")} après la fermeture de l'accueil`
    : "";
  const extra = digital ? `${presentOfRegistered(present, people.length)}${lateNote}` : "";
  const blocks = headerBlocks(doc, h, headingLabel, extra);
  const labels = { cells: columns.map((c) => [c.label]), height: 16 };
  // Rows are laid out first (a long name wraps and makes its row taller), then cut into pages.
  const rows = [...people, ...Array<null>(blankRows).fill(null)].map((p) => layoutRow(doc, columns, p, minHeight));
  const top = 36 + blocksHeight(blocks) + 8 + labels.height;
  const pages: Row[][] = [[]];
  let y = top;
  for (const row of rows) {
    if (y + row.height > BOTTOM && pages[pages.length - 1].length) {
      pages.push([]);
      y = top;
    }
    pages[pages.length - 1].push(row);
    y += row.height;
  }
  for (let page = 0; page < pages.length; page++) {
    doc.addPage();
    doc.lineWidth(0.5).strokeColor("#444");
    let rowY = drawHeader(doc, blocks, page + 1, pages.length);
    drawRow(doc, columns, rowY, labels, CELL_BOLD);
    rowY += labels.height;
    for (const row of pages[page]) {
      drawRow(doc, columns, rowY, row);
      rowY += row.height;
    }
    await breathe();
  }
}
