import QRCode from "qrcode";
import { formatLongDate } from "@/lib/format/dates";
import { breathe, type Pdf } from "./emargement-pdf";
import { drawLines, paragraph, type TextStyle, wrapLines } from "./pdf-text";

/**
 * Badges to print before the day: A4 sheets of 2 × 4 badges (name, structure, QR code of the
 * ticket), dashed cutting lines. The QR code holds the same payload as the e-mailed ticket.
 */
export type BadgePerson = {
  firstName: string;
  lastName: string;
  structure: string;
  qrPayload: string;
  /** « Afficher la réponse à… »: this person's answer (e.g. the atelier), printed under the name. */
  answer?: string;
};

const COLS = 2;
const ROWS = 4;
const MARGIN = 28;
const BADGE_W = (595 - 2 * MARGIN) / COLS;
const BADGE_H = (842 - 2 * MARGIN) / ROWS;
const QR = 110;

export async function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 300 });
}

/** Names are 17 pt, smaller (down to 11 pt) when that keeps them on two lines at most. */
function nameStyle(doc: Pdf, name: string, width: number): TextStyle {
  for (let size = 17; size > 11; size -= 1)
    if (wrapLines(doc, name, width, { size, bold: true }).length <= 2) return { size, bold: true };
  return { size: 11, bold: true };
}

export async function drawBadges(doc: Pdf, journee: { title: string; startsAt: Date }, people: BadgePerson[]) {
  const perPage = COLS * ROWS;
  for (let i = 0; i < people.length; i++) {
    const slot = i % perPage;
    if (slot === 0) {
      if (i > 0) await breathe();
      doc.addPage({ size: "A4", margin: 0 });
      doc.lineWidth(0.5).strokeColor("#999").dash(4, { space: 4 });
      for (let c = 0; c <= COLS; c++)
        doc
          .moveTo(MARGIN + c * BADGE_W, MARGIN)
          .lineTo(MARGIN + c * BADGE_W, 842 - MARGIN)
          .stroke();
      for (let r = 0; r <= ROWS; r++)
        doc
          .moveTo(MARGIN, MARGIN + r * BADGE_H)
          .lineTo(595 - MARGIN, MARGIN + r * BADGE_H)
          .stroke();
      doc.undash();
    }
    const p = people[i];
    const x = MARGIN + (slot % COLS) * BADGE_W;
    const y = MARGIN + Math.floor(slot / COLS) * BADGE_H;
    const textW = BADGE_W - 24;
    let top = y + 12;
    const put = (text: string, style: TextStyle, width = textW) => {
      top += drawLines(doc, wrapLines(doc, text, width, style), x + 12, top, width, style);
    };
    put(`${journee.title} - ${formatLongDate(journee.startsAt)}`, { size: 8, bold: true, color: "#17466a" });
    top += 6;
    put(p.firstName, nameStyle(doc, p.firstName, textW));
    put(p.lastName.toUpperCase(), nameStyle(doc, p.lastName.toUpperCase(), textW));
    if (p.answer) put(p.answer, { size: 11, bold: true, color: "#17466a" });
    top += 4;
    // The structure takes the space left of the QR code (it wraps; a very long one may run under it).
    put(p.structure, { size: 10.5 }, BADGE_W - QR - 30);
    doc.image(await qrPng(p.qrPayload), x + BADGE_W - QR - 10, y + BADGE_H - QR - 10, { width: QR, height: QR });
  }
  if (people.length === 0) {
    doc.addPage({ size: "A4", margin: 36 });
    doc.x = 36;
    doc.y = 36;
    paragraph(doc, "Aucune inscription confirmée pour cette journée.", { size: 12 });
  }
}
