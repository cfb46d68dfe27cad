import QRCode from "qrcode";
import { formatLongDate } from "@/lib/format/dates";
import { breathe, fitText, type Pdf, winAnsi } from "./emargement-pdf";

/**
 * Badges to print before the day: A4 sheets of 2 × 4 badges (name, structure, QR code of the
 * ticket), dashed cutting lines. The QR code holds the same payload as the e-mailed ticket.
 */
export type BadgePerson = { firstName: string; lastName: string; structure: string; qrPayload: string };

const COLS = 2;
const ROWS = 4;
const MARGIN = 28;
const BADGE_W = (595 - 2 * MARGIN) / COLS;
const BADGE_H = (842 - 2 * MARGIN) / ROWS;
const QR = 110;

export async function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 300 });
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
    doc.fillColor("#17466a").font("Helvetica-Bold").fontSize(8);
    doc.text(fitText(doc, `${journee.title} - ${formatLongDate(journee.startsAt)}`, textW), x + 12, y + 12, {
      lineBreak: false,
    });
    doc.fillColor("#000").fontSize(17);
    doc.text(fitText(doc, p.firstName, textW), x + 12, y + 34, { lineBreak: false });
    doc.text(fitText(doc, p.lastName.toUpperCase(), textW), x + 12, y + 54, { lineBreak: false });
    doc.font("Helvetica").fontSize(10.5);
    doc.text(winAnsi(p.structure), x + 12, y + 80, { width: BADGE_W - QR - 30, height: 80, ellipsis: true });
    doc.image(await qrPng(p.qrPayload), x + BADGE_W - QR - 10, y + BADGE_H - QR - 10, { width: QR, height: QR });
  }
  if (people.length === 0) {
    doc.addPage({ size: "A4", margin: 36 });
    doc.font("Helvetica").fontSize(12).text("Aucune inscription confirmée pour cette journée.");
  }
}
