import type { SignedSheet, SignedSheetHalfDay, SignedSheetRow } from "@/lib/attendance/sheet-types";
import { presentOfRegistered } from "@/lib/format/count-texts";
import { formatLongDate, formatShortDateTime, formatTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { breathe, newPdf, type Pdf, pdfBuffer } from "./emargement-pdf";
import { formatDuration } from "./labels";
import { drawLine, drawLines, lineHeight, type TextStyle, textWidth, wrapLines } from "./pdf-text";

/**
 * The signed feuille d'émargement (issue 13 point 7): per half-day a header (journée, place, date,
 * half-day, partners), one row per person (status, times, signature image or attestation), the
 * organiser's countersignature; a footer with the verification code, the fingerprint and the
 * verifier's address, « page x / y » over the whole file. A4, black on white. Rows are laid out
 * first, then cut into pages, so page numbers are known while drawing and no page is empty.
 */
const LEFT = 36;
const WIDTH = 523;
const TOP = 36;
const BOTTOM = 842 - 36 - 30;
const CELL: TextStyle = { size: 8.5 };
const HEAD: TextStyle = { size: 8.5, bold: true };
const SMALL: TextStyle = { size: 7.5 };
const SIGNATURE_H = 40;
const COUNTERSIGN_H = 96;
const COLS = [
  { label: "Nom, prénom", width: 120 },
  { label: "Structure", width: 105 },
  { label: "Statut", width: 105 },
  { label: "Arrivée - départ", width: 63 },
  { label: "Signature", width: 130 },
];

export function statusLabel(r: SignedSheetRow): string {
  if (r.presence === "absent") return "absent";
  if (r.presence === "justified") return `absence justifiée : ${r.justification ?? ""}`.trim();
  const parts = ["présent"];
  if (r.late) parts.push("en retard");
  if (r.leftEarly) parts.push("parti avant la fin");
  if (r.lateSync) parts.push("scan synchronisé après la fermeture");
  return parts.join(", ");
}

function signatureText(r: SignedSheetRow): string {
  if (r.signature.kind === "attested") return `attestée par l'agent : ${r.signature.reason}`;
  if (r.signature.kind === "image") return "";
  if (r.presence === "absent") return "absent";
  if (r.presence === "justified") return `absence justifiée : ${r.justification ?? ""}`.trim();
  return "signature manquante";
}

function cellTexts(r: SignedSheetRow): string[] {
  const times = [
    r.arrivalAt ? formatTime(r.arrivalAt) : "",
    r.departureAt ? `- ${formatTime(r.departureAt)}` : "",
    r.hoursAttended !== null && r.presence === "present" ? `(${formatDuration(r.hoursAttended * 60)})` : "",
  ];
  const status = r.extra ? `${statusLabel(r)} · ${r.extra}` : statusLabel(r);
  return [
    `${r.lastName.toUpperCase()} ${r.firstName}`,
    r.structure,
    status,
    times.filter(Boolean).join(" "),
    signatureText(r),
  ];
}

type Row = { source: SignedSheetRow | null; cells: string[][]; height: number };
/** The column labels, wrapped in their cells like the rows. */
function labelsRow(doc: Pdf): Row {
  const cells = COLS.map((c) => wrapLines(doc, c.label, c.width - 6, HEAD));
  return { source: null, cells, height: Math.max(...cells.map((c) => c.length)) * lineHeight(HEAD) + 6 };
}
type Page = { half: SignedSheetHalfDay; rows: Row[]; countersign: boolean };
type Block = { lines: string[]; style: TextStyle };

function headerBlocks(doc: Pdf, sheet: SignedSheet, h: SignedSheetHalfDay): Block[] {
  const j = sheet.journee;
  const block = (text: string, style: TextStyle): Block => ({ lines: wrapLines(doc, text, WIDTH, style), style });
  const info: TextStyle = { size: 9.5 };
  const signed = h.rows.filter((r) => r.signature.kind !== "missing").length;
  const present = h.rows.filter((r) => r.presence === "present").length;
  return [
    block(`Feuille d'émargement signée - ${j.title}`, { size: 13, bold: true }),
    block(`${h.title} : ${formatLongDate(h.startsAt)}, ${formatTime(h.startsAt)} - ${formatTime(h.endsAt)}`, {
      size: 10.5,
      bold: true,
    }),
    block(`Lieu : ${[j.venue, j.address, j.city].filter(Boolean).join(", ")}`, info),
    block(`Organisé par : ${sheet.partners.join(", ")}`, info),
    block(
      `${presentOfRegistered(present, h.rows.length)}, ${plural(signed, "signature ou attestation", "signatures ou attestations")}`,
      info,
    ),
  ];
}

const blocksHeight = (blocks: Block[]) => blocks.reduce((n, b) => n + b.lines.length * lineHeight(b.style), 0);

function layoutRow(doc: Pdf, r: SignedSheetRow): Row {
  const cells = cellTexts(r).map((t, i) => wrapLines(doc, t, COLS[i].width - 6, CELL));
  const lines = Math.max(1, ...cells.map((c) => c.length));
  const min = r.signature.kind === "image" ? SIGNATURE_H + 4 : 16;
  return { source: r, cells, height: Math.max(min, lines * lineHeight(CELL) + 6) };
}

/** One half-day's pages: rows cut to fit, the countersignature on the last page (a new one if full). */
function paginate(doc: Pdf, sheet: SignedSheet, h: SignedSheetHalfDay): { blocks: Block[]; pages: Page[] } {
  const blocks = headerBlocks(doc, sheet, h);
  const top = TOP + blocksHeight(blocks) + 8 + labelsRow(doc).height;
  const pages: Page[] = [{ half: h, rows: [], countersign: false }];
  let y = top;
  for (const r of h.rows) {
    const row = layoutRow(doc, r);
    if (y + row.height > BOTTOM && pages[pages.length - 1].rows.length) {
      pages.push({ half: h, rows: [], countersign: false });
      y = top;
    }
    pages[pages.length - 1].rows.push(row);
    y += row.height;
  }
  if (y + COUNTERSIGN_H > BOTTOM && pages[pages.length - 1].rows.length)
    pages.push({ half: h, rows: [], countersign: false });
  pages[pages.length - 1].countersign = true;
  return { blocks, pages };
}

function drawRow(doc: Pdf, y: number, row: Row, style = CELL) {
  let x = LEFT;
  COLS.forEach((col, i) => {
    doc.rect(x, y, col.width, row.height).stroke();
    drawLines(doc, row.cells[i], x + 3, y + 3, col.width - 6, style);
    x += col.width;
  });
  const sig = row.source?.signature;
  if (sig?.kind === "image") {
    const w = COLS[4].width;
    doc.image(Buffer.from(sig.png), LEFT + WIDTH - w + 4, y + 2, { fit: [w - 8, row.height - 4], align: "center" });
  }
}

function drawCountersign(doc: Pdf, h: SignedSheetHalfDay, y: number) {
  const c = h.countersignature;
  let at = y + 10;
  drawLine(doc, "Contre-signature de l'organisateur", LEFT, at, { size: 9.5, bold: true });
  at += 14;
  if (!c) {
    drawLine(doc, "Demi-journée non clôturée : la feuille n'est pas encore contre-signée.", LEFT, at, CELL);
    return;
  }
  drawLine(doc, `${c.name}, le ${formatShortDateTime(c.signedAt)}`, LEFT, at, CELL);
  doc.rect(LEFT, at + 13, 170, 58).stroke();
  doc.image(Buffer.from(c.png), LEFT + 4, at + 15, { fit: [162, 54] });
}

function drawFooter(doc: Pdf, sheet: SignedSheet, h: SignedSheetHalfDay, page: number, pages: number) {
  const y = 842 - 36 - 22;
  const code = h.verificationCode
    ? `Code de vérification ${h.verificationCode} · empreinte ${h.fingerprint ?? ""}`
    : "Feuille non clôturée : pas encore de code de vérification";
  const label = `page ${page} / ${pages}`;
  drawLine(doc, code, LEFT, y, SMALL);
  drawLine(doc, `Vérifier : ${sheet.verifyUrl}`, LEFT, y + 10, SMALL);
  drawLine(doc, label, LEFT + WIDTH - textWidth(doc, label, SMALL), y, SMALL);
}

/** Draws every half-day of `sheet`, each from a new page. */
export async function drawSignedEmargement(doc: Pdf, sheet: SignedSheet) {
  const laid = sheet.halfDays.map((h) => paginate(doc, sheet, h));
  const total = laid.reduce((n, l) => n + l.pages.length, 0);
  let number = 0;
  for (const { blocks, pages } of laid) {
    for (const page of pages) {
      number++;
      doc.addPage();
      doc.lineWidth(0.5).strokeColor("#000").fillColor("#000");
      let y = TOP;
      for (const b of blocks) y += drawLines(doc, b.lines, LEFT, y, WIDTH, b.style);
      y += 8;
      const labels = labelsRow(doc);
      drawRow(doc, y, labels, HEAD);
      y += labels.height;
      if (!page.rows.length && !page.half.rows.length) {
        drawLine(doc, "Aucune personne inscrite pour cette demi-journée.", LEFT, y + 6, CELL);
        y += 20;
      }
      for (const row of page.rows) {
        drawRow(doc, y, row);
        y += row.height;
      }
      if (page.countersign) drawCountersign(doc, page.half, y);
      drawFooter(doc, sheet, page.half, number, total);
      await breathe();
    }
  }
}

export async function signedEmargementPdf(sheet: SignedSheet): Promise<Buffer> {
  const doc = newPdf(`Feuille d'émargement signée - ${sheet.journee.title}`);
  return pdfBuffer(doc, (d) => drawSignedEmargement(d, sheet));
}
