import ExcelJS from "exceljs";
import { formatLongDate, formatShortDate } from "@/lib/format/dates";
import { breathe, fitText, type Pdf, winAnsi } from "./emargement-pdf";
import { networkLabel, percent, structureTypeLabel } from "./labels";
import { aggregate, countsByPart, listReportJournees, type Scope } from "./queries";
import { addTextRow } from "./xlsx";

/** The summary report for the DDETS: registered vs present per journée and half-day, by type, network, commune. */
export type SummaryLine = {
  label: string;
  date: string;
  registered: number;
  present: number;
  noShows: number;
  noShowRate: string;
  walkIns: number;
  waitlisted: number;
  cancelled: number;
};
export type Summary = {
  title: string;
  journees: SummaryLine[];
  byType: { label: string; registered: number; present: number }[];
  byNetwork: { label: string; registered: number; present: number }[];
  byCommune: { label: string; registered: number; present: number }[];
};

export async function getSummary(scope: Scope, journeeId?: string): Promise<Summary> {
  const all = await listReportJournees(scope);
  const journees = journeeId ? all.filter((j) => j.id === journeeId) : all;
  const ids = journees.map((j) => j.id);
  const { counts, byType, byCommune, byNetwork } = await aggregate(ids);
  const parts = await countsByPart(ids);
  const lines: SummaryLine[] = [];
  for (const j of journees) {
    const c = counts.get(j.id) ?? { confirmed: 0, waitlisted: 0, cancelled: 0, walkIns: 0, present: 0, noShows: 0 };
    const date = formatShortDate(j.startsAt);
    lines.push({
      label: j.title,
      date,
      registered: c.confirmed,
      present: c.present,
      noShows: c.noShows,
      noShowRate: percent(c.noShows, c.confirmed),
      walkIns: c.walkIns,
      waitlisted: c.waitlisted,
      cancelled: c.cancelled,
    });
    for (const part of j.parts.filter((p) => p.kind === "HALF_DAY")) {
      const pc = parts.find((p) => p.partKey === part.id);
      const registered = pc?.registered ?? 0;
      const present = pc?.present ?? 0;
      const noShows = Math.max(0, registered - present);
      const line = {
        label: `   dont ${part.title}`,
        date,
        registered,
        present,
        noShows,
        walkIns: 0,
        waitlisted: 0,
        cancelled: 0,
      };
      lines.push({ ...line, noShowRate: percent(noShows, registered) });
    }
  }
  return {
    title: journeeId && journees[0] ? `Synthèse - ${journees[0].title}` : "Synthèse du programme Logement d'abord",
    journees: lines,
    byType: byType.map((b) => ({ label: structureTypeLabel(b.key), registered: b.registered, present: b.present })),
    byNetwork: byNetwork.map((b) => ({ label: networkLabel(b.key), registered: b.registered, present: b.present })),
    byCommune: byCommune.map((b) => ({
      label: b.key || "Non renseignée",
      registered: b.registered,
      present: b.present,
    })),
  };
}

const JOURNEE_HEADERS = [
  "Journée",
  "Date",
  "Inscrit·es",
  "Présent·es",
  "Absent·es",
  "Taux d'absence",
  "Sur place",
  "Liste d'attente",
  "Annulé·es",
];

export async function summaryXlsx(s: Summary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Émarge";
  const sheet = (name: string, headers: string[], widths: number[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    for (const r of rows) addTextRow(ws, r);
  };
  sheet(
    "Par journée",
    JOURNEE_HEADERS,
    [44, 12],
    s.journees.map((l) => [
      l.label,
      l.date,
      l.registered,
      l.present,
      l.noShows,
      l.noShowRate,
      l.walkIns,
      l.waitlisted,
      l.cancelled,
    ]),
  );
  sheet(
    "Par type de structure",
    ["Type de structure", "Inscrit·es", "Présent·es"],
    [30],
    s.byType.map((b) => [b.label, b.registered, b.present]),
  );
  sheet(
    "Par réseau",
    ["Réseau ou fédération", "Inscrit·es", "Présent·es"],
    [40],
    s.byNetwork.map((b) => [b.label, b.registered, b.present]),
  );
  sheet(
    "Par commune",
    ["Commune", "Inscrit·es", "Présent·es"],
    [30],
    s.byCommune.map((b) => [b.label, b.registered, b.present]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function drawSummary(doc: Pdf, s: Summary) {
  doc.addPage({ size: "A4", layout: "landscape", margin: 36 });
  doc.font("Helvetica-Bold").fontSize(15).text(winAnsi(s.title));
  doc
    .font("Helvetica")
    .fontSize(9)
    .text(winAnsi(`Édité le ${formatLongDate(new Date())} - Émarge (DDETS des Bouches-du-Rhône)`));
  const table = async (title: string, headers: string[], widths: number[], rows: (string | number)[][]) => {
    doc.moveDown(1).font("Helvetica-Bold").fontSize(11).text(winAnsi(title), 36);
    const row = (cells: (string | number)[], bold: boolean) => {
      if (doc.y > 595 - 60) doc.addPage({ size: "A4", layout: "landscape", margin: 36 });
      const y = doc.y + 2;
      let x = 36;
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
      cells.forEach((c, i) => {
        doc.text(fitText(doc, String(c), widths[i] - 6), x, y, { lineBreak: false });
        x += widths[i];
      });
      doc
        .moveTo(36, y + 12)
        .lineTo(x, y + 12)
        .lineWidth(0.3)
        .strokeColor("#999")
        .stroke();
      doc.y = y + 14;
    };
    row(headers, true);
    for (const r of rows) row(r, false);
    await breathe();
  };
  await table(
    "Inscrit·es et présent·es par journée et demi-journée",
    JOURNEE_HEADERS,
    [250, 62, 55, 55, 55, 70, 55, 70, 55],
    s.journees.map((l) => [
      l.label,
      l.date,
      l.registered,
      l.present,
      l.noShows,
      l.noShowRate,
      l.walkIns,
      l.waitlisted,
      l.cancelled,
    ]),
  );
  await table(
    "Par type de structure",
    ["Type de structure", "Inscrit·es", "Présent·es"],
    [250, 70, 70],
    s.byType.map((b) => [b.label, b.registered, b.present]),
  );
  await table(
    "Par réseau ou fédération de la structure",
    ["Réseau ou fédération", "Inscrit·es", "Présent·es"],
    [250, 70, 70],
    s.byNetwork.map((b) => [b.label, b.registered, b.present]),
  );
  await table(
    "Par commune",
    ["Commune", "Inscrit·es", "Présent·es"],
    [250, 70, 70],
    s.byCommune.map((b) => [b.label, b.registered, b.present]),
  );
}
