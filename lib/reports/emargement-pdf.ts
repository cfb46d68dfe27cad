import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { formatDayRange, formatShortDateTime, formatTime } from "@/lib/format/dates";

/**
 * PDF basics (pdfkit, built-in Helvetica: WinAnsi covers French) and the feuille d'émargement:
 * paper (signature box, blank rows for walk-ins) or digital (check-in time of each person).
 */
export type Pdf = PDFKit.PDFDocument;

/** Characters outside WinAnsi would print as garbage with the built-in fonts: map or drop them. */
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
    info: { Title: winAnsi(title), Author: "Émarge", Creator: "Émarge" },
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

/** Cuts a text to fit a width in the current font, with an ellipsis. */
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
};
export type SheetPerson = {
  lastName: string;
  firstName: string;
  structure: string;
  jobTitle: string;
  checkedInAt: Date | null;
  /** Offline scan received after the door closed: marked on the sheet (decision 017). */
  lateSync?: boolean;
};

const LEFT = 36;
const WIDTH = 523;
const BOTTOM = 842 - 36 - 22;

function drawHeader(doc: Pdf, h: SheetHeader, heading: string, page: number, pages: number, extra = ""): number {
  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .fillColor("#000")
    .text(winAnsi(`${heading} - ${h.title}`), LEFT, 36, { width: WIDTH });
  const when = h.part
    ? `${formatDayRange(h.startsAt, h.endsAt).split(",")[0]}, ${h.part.title} (${formatTime(h.part.startsAt)} - ${formatTime(h.part.endsAt)})`
    : formatDayRange(h.startsAt, h.endsAt);
  doc.font("Helvetica").fontSize(9.5);
  doc.text(winAnsi(`Date : ${when}`), { width: WIDTH });
  doc.text(winAnsi(`Lieu : ${h.venue}, ${h.address}`), { width: WIDTH });
  doc.text(winAnsi(`Organisé par : ${h.organisers.join(", ")}`), { width: WIDTH });
  if (extra) doc.font("Helvetica-Bold").text(winAnsi(extra), { width: WIDTH }).font("Helvetica");
  const bottomOfHeader = doc.y;
  doc.fontSize(8).fillColor("#333");
  doc.text(`Page ${page}/${pages}`, LEFT, 842 - 36 - 10, { width: WIDTH, align: "right", lineBreak: false });
  doc.text(winAnsi(`Édité le ${formatShortDateTime(new Date())} - Émarge`), LEFT, 842 - 36 - 10, { lineBreak: false });
  doc.fillColor("#000");
  return bottomOfHeader + 8;
}

/** Arrival time, or « Absent·e »; a late offline sync gets a « * » explained in the header. */
function arrival(p: SheetPerson): string {
  if (!p.checkedInAt) return "Absent·e";
  return `${formatShortDateTime(p.checkedInAt)}${p.lateSync ? " *" : ""}`;
}

type Column = { label: string; width: number; value: (p: SheetPerson) => string };

function drawRow(doc: Pdf, columns: Column[], y: number, height: number, p: SheetPerson | null, bold = false) {
  let x = LEFT;
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
  for (const col of columns) {
    doc.rect(x, y, col.width, height).stroke();
    const text = bold ? col.label : p ? col.value(p) : "";
    if (text)
      doc.text(fitText(doc, text, col.width - 6), x + 3, y + Math.min(6, (height - 9) / 2), { lineBreak: false });
    x += col.width;
  }
}

/** Paper (signature boxes, `blankRows` empty rows for walk-ins) or digital (arrival times). */
export async function drawEmargement(doc: Pdf, h: SheetHeader, people: SheetPerson[], digital: boolean) {
  const base: Column[] = [
    { label: "Nom", width: 105, value: (p) => p.lastName.toUpperCase() },
    { label: "Prénom", width: 85, value: (p) => p.firstName },
    { label: "Structure", width: 135, value: (p) => p.structure },
    { label: "Fonction", width: 98, value: (p) => p.jobTitle },
  ];
  const last: Column = digital
    ? { label: "Arrivée", width: 100, value: (p) => arrival(p) }
    : { label: "Signature", width: 100, value: () => "" };
  const columns = [...base, last];
  const rowHeight = digital ? 16 : 28;
  const blankRows = digital ? 0 : 6;
  const headingLabel = digital ? "Émargement numérique" : "Feuille d'émargement";
  const present = people.filter((p) => p.checkedInAt).length;
  const late = people.filter((p) => p.lateSync).length;
  const lateNote = late ? ` - * ${late} scan(s) hors ligne reçu(s) après la fermeture de l'accueil` : "";
  const extra = digital ? `${present} présent·es sur ${people.length} inscrit·es${lateNote}` : "";
  // Measure the header once to know the rows per page, hence the page count before drawing.
  const probe = newPdf("probe");
  probe.addPage();
  const top = drawHeader(probe, h, headingLabel, 1, 1, extra) + 16;
  const perPage = Math.floor((BOTTOM - top) / rowHeight);
  const total = people.length + blankRows;
  const pages = Math.max(1, Math.ceil(total / perPage));
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    doc.lineWidth(0.5).strokeColor("#444");
    const y0 = drawHeader(doc, h, headingLabel, page + 1, pages, extra);
    drawRow(doc, columns, y0, 16, null, true);
    for (let i = 0; i < perPage; i++) {
      const index = page * perPage + i;
      if (index >= total) break;
      drawRow(doc, columns, y0 + 16 + i * rowHeight, rowHeight, people[index] ?? null);
    }
    await breathe();
  }
}
