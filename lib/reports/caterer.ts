import { formatLongDate } from "@/lib/format/dates";
import { columnCells, csvChunks } from "./csv";
import { breathe, type Pdf } from "./emargement-pdf";
import type { ExportColumn } from "./labels";
import { paragraph, skip } from "./pdf-text";
import type { CatererList } from "./queries/caterer";
import { xlsxStream } from "./xlsx";

/** The « liste traiteur » as files: one table (counts first, then diets with names). */
type CatererRow = {
  section: string;
  label: string;
  count: number | null;
  lastName: string;
  firstName: string;
  structure: string;
};

export const CATERER_COLUMNS: ExportColumn<CatererRow>[] = [
  { header: "Rubrique", width: 28, value: (r) => r.section },
  { header: "Réponse ou régime", width: 40, value: (r) => r.label },
  { header: "Nombre", width: 10, value: (r) => r.count },
  { header: "Nom", width: 20, value: (r) => r.lastName },
  { header: "Prénom", width: 16, value: (r) => r.firstName },
  { header: "Structure", width: 30, value: (r) => r.structure },
];

const empty = { lastName: "", firstName: "", structure: "" };

export function catererRows(c: CatererList): CatererRow[] {
  return [
    { section: c.title, label: `${c.journee.title} — ${formatLongDate(c.journee.startsAt)}`, count: null, ...empty },
    ...c.lines.map((l) => ({ ...l, ...empty })),
    ...c.people.map((p) => ({ section: "Régime (nominatif)", label: p.diet, count: null, ...p })),
  ];
}

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

export function catererCsv(c: CatererList) {
  const cells = catererRows(c).map((r) => columnCells(CATERER_COLUMNS, r, "excel-fr"));
  return csvChunks(
    CATERER_COLUMNS.map((col) => col.header),
    [cells],
    "excel-fr",
  );
}

export function catererXlsx(c: CatererList): ReadableStream<Uint8Array> {
  return xlsxStream("Liste traiteur", CATERER_COLUMNS, once(catererRows(c)));
}

export async function drawCaterer(doc: Pdf, c: CatererList) {
  doc.addPage({ size: "A4", margin: 36 });
  doc.x = 36;
  doc.y = 36;
  paragraph(doc, c.title, { size: 16, bold: true });
  paragraph(doc, `${c.journee.title} — ${formatLongDate(c.journee.startsAt)}, ${c.journee.city}`, { size: 11 });
  paragraph(doc, `Édité le ${formatLongDate(new Date())}`, { size: 9, color: "#555" });
  skip(doc, 1, 11);
  let section = "";
  for (const l of c.lines) {
    if (l.section !== section) {
      section = l.section;
      skip(doc, 0.5, 11);
      paragraph(doc, section, { size: 12, bold: true });
    }
    paragraph(doc, `${l.label} : ${l.count}`, { size: 11 });
  }
  skip(doc, 1, 11);
  paragraph(doc, "Régimes et précisions (nominatif — données de santé possibles, à ne pas diffuser)", {
    size: 12,
    bold: true,
  });
  if (!c.people.length) paragraph(doc, "Aucun régime particulier.", { size: 11 });
  for (const [i, p] of c.people.entries()) {
    if (doc.y > 842 - 60) doc.addPage({ size: "A4", margin: 36 });
    paragraph(doc, `${p.lastName.toUpperCase()} ${p.firstName} (${p.structure}) — ${p.diet}`, { size: 10 });
    if (i % 50 === 49) await breathe();
  }
}
