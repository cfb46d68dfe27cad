import fs from "node:fs/promises";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildExport } from "@/lib/reports/exports";
import { type ExportKind, exportFiltersSchema } from "@/lib/reports/schema";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { ticketPayload } from "@/lib/security/tokens";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import {
  decodeQrCodesOnPage,
  libreOfficeToCsv,
  parseCsv,
  pdfPageCount,
  pdfToText,
  writeTemp,
} from "@/tests/fixtures/office";
import { seedReportFixture } from "./reports-fixture";

/** Generates every export and opens it with LibreOffice (Calc, headless) or poppler. */
let f: Awaited<ReturnType<typeof seedReportFixture>>;

beforeAll(async () => {
  f = await seedReportFixture();
});

async function exportFile(kind: ExportKind, filters: object = {}) {
  const result = await buildExport({}, kind, exportFiltersSchema.parse({ journeeId: f.plenary.id, ...filters }));
  if (!result.ok) throw new Error(`export refused: ${result.reason}`);
  const buffer = Buffer.isBuffer(result.body) ? result.body : await streamToBuffer(result.body);
  return { ...result, buffer, path: await writeTemp(result.filename, buffer) };
}

function byLastName(rows: string[][]) {
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  return { header, col, row: (lastName: string) => rows.find((r) => r[col("Nom")] === lastName) ?? [] };
}

describe("spreadsheets opened by LibreOffice", () => {
  it("French-Excel CSV: BOM, « ; », accents, Paris dates, formulas neutralised", async () => {
    const file = await exportFile("inscriptions-csv");
    expect(file.buffer.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.buffer.toString("utf8")).toContain("\r\n");
    const rows = parseCsv(await libreOfficeToCsv(file.path, { semicolonCsv: true }));
    const { header, col, row } = byLastName(rows);
    expect(header.slice(0, 4)).toEqual(["N°", "Nom", "Prénom", "E-mail"]);
    expect(rows).toHaveLength(7);
    expect(row("Lefèvre")[col("Prénom")]).toBe("Zoé");
    expect(row("Sœur")[col("Structure")]).toBe("Résidence sociale Les Œillets");
    // LibreOffice (French locale) recognised a real date, 16 April 2024 at 09:05, day first.
    expect(row("Lefèvre")[col("Arrivée")]).toMatch(/^16\/04\/(20)?24 09:05$/);
    // The cells that looked like formulas are text, shown with their leading apostrophe.
    expect(row("Dubœuf")[col("Structure")]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row("Dubœuf")[col("Fonction")]).toBe("'@SUM(A1)");
    expect(row("Garçon")[col("Structure")]).toBe("'-2+3");
    expect(row("Garçon")[col("Fonction")]).toBe("'+33 6 12 34 56 78");
  });

  it("data CSV: commas, ISO 8601 instants, no BOM", async () => {
    const file = await exportFile("inscriptions-donnees-csv");
    const text = file.buffer.toString("utf8");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(text);
    const at = rows[0].indexOf("first_check_in_at");
    const zoe = rows.find((r) => r[1] === "Lefèvre");
    expect(zoe?.[at]).toBe("2024-04-16T07:05:00.000Z");
    // The data CSV keeps values as typed (decision 018): no apostrophe added.
    expect(rows.find((r) => r[1] === "Dubœuf")?.[4]).toBe(`=HYPERLINK("http://evil.example","x")`);
  });

  it("XLSX: real date cells in Paris time, accents, columns, neutralised text", async () => {
    const file = await exportFile("inscriptions-xlsx");
    const rows = parseCsv(await libreOfficeToCsv(file.path));
    const { header, col, row } = byLastName(rows);
    expect(header).toContain("Type de structure");
    expect(rows).toHaveLength(7);
    expect(row("Lefèvre")[col("Arrivée")]).toBe("16/04/2024 09:05");
    expect(row("Çelik")[col("Date de la journée")]).toBe("16/04/2024 09:00");
    expect(row("Çelik")[col("Type de structure")]).toBe("Bailleur social");
    expect(row("Sœur")[col("Inscription sur place")]).toBe("Oui");
    // A text cell, not a formula, and no visible apostrophe.
    expect(row("Dubœuf")[col("Structure")]).toBe(`=HYPERLINK("http://evil.example","x")`);
    expect(row("Garçon")[col("Fonction")]).toBe("+33 6 12 34 56 78");
    // Issue 13 point 5: each half-day's status, arrival, departure and hours attended, and the total.
    expect(row("Lefèvre")[col("Matinée : statut")]).toBe("Présent");
    expect(row("Lefèvre")[col("Matinée : arrivée")]).toBe("16/04/2024 09:05");
    expect(row("Lefèvre")[col("Matinée : départ")]).toBe("");
    expect(row("Lefèvre")[col("Matinée : heures")]).toMatch(/^3[.,]42$/);
    expect(row("Lefèvre")[col("Heures de présence")]).toMatch(/^6[.,]39$/);
    expect(row("Çelik")[col("Après-midi : statut")]).toBe("Absent");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const structureCol = sheet.getRow(1).values as string[];
    const dubœuf = sheet.getColumn(structureCol.indexOf("Nom")).values.indexOf("Dubœuf");
    const cell = sheet.getRow(dubœuf).getCell(structureCol.indexOf("Structure"));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe("@");
  });

  it("XLSX has a frozen header row, an autofilter and column widths", async () => {
    const file = await exportFile("inscriptions-xlsx");
    const { unzipSync, strFromU8 } = await import("fflate");
    const sheet = strFromU8(unzipSync(file.buffer)["xl/worksheets/sheet1.xml"]);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<autoFilter ref="A1:AC1"/);
    expect(sheet).toMatch(/<col [^>]*width="30/);
  });

  it("summary XLSX for the DDETS opens with per-journée and half-day lines", async () => {
    const file = await exportFile("synthese-xlsx");
    const rows = parseCsv(await libreOfficeToCsv(file.path));
    expect(rows[0][0]).toBe("Journée");
    expect(rows[1].slice(0, 5)).toEqual(["Journée plénière Logement d'abord", "16/04/2024", "4", "3", "1"]);
    expect(rows[2][0].trim()).toBe("dont Matinée");
  });
});

describe("PDFs read by pdftotext", () => {
  it("émargement sheet: title, date, place, partners, alphabetical names with accents, page x/y", async () => {
    const file = await exportFile("emargement-pdf");
    const text = await pdfToText(file.path);
    expect(text).toContain("Feuille d'émargement - Journée plénière Logement d'abord");
    expect(text).toContain("mardi 16 avril 2024");
    expect(text).toContain("Palais du Pharo");
    expect(text).toContain(`Organisé par : Partenaire ${f.partner.slug}`);
    for (const h of ["Nom", "Prénom", "Structure", "Fonction", "Signature"]) expect(text).toContain(h);
    const order = ["ÇELIK", "DUBŒUF", "LEFÈVRE", "SŒUR"].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain("GARÇON"); // waitlisted
    expect(text).toContain("Page 1/1");
  });

  it("half-day digital sheet lists each person's check-in time", async () => {
    const file = await exportFile("emargement-numerique-pdf", { partId: f.afternoon.id });
    const text = await pdfToText(file.path);
    expect(text).toContain("Après-midi");
    expect(text).toMatch(/LEFÈVRE[\s\S]*16\/04\/2024 14:02/);
    expect(text).toContain("Absent·e");
    expect(text).toContain("2 présent·es sur 3 inscrit·es");
  });

  it("summary PDF has the no-show rate", async () => {
    const text = await pdfToText((await exportFile("synthese-pdf")).path);
    expect(text).toContain("Taux d'absence");
    expect(text).toContain("25 %");
  });

  it("a long sheet paginates with page x/y on every page and keeps blank rows for walk-ins", async () => {
    const big = await makeJournee({ partnerId: f.partner.id, title: "Journée à Istres" });
    for (let i = 0; i < 50; i++) {
      await insertRegistration(big.id, `p${i}@example.org`, { lastName: `Nom${String(i).padStart(2, "0")}` });
    }
    const result = await buildExport({}, "emargement-pdf", exportFiltersSchema.parse({ journeeId: big.id }));
    if (!result.ok) throw new Error(result.reason);
    const file = await writeTemp(result.filename, await streamToBuffer(result.body as ReadableStream<Uint8Array>));
    const pages = await pdfPageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = await pdfToText(file);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p}/${pages}`);
    expect(text.match(/NOM\d\d/g)).toHaveLength(50);
  });
});

describe("badges", () => {
  it("print name and structure, and their QR codes decode to the ticket payload", async () => {
    const file = await exportFile("badges-pdf");
    const text = (await pdfToText(file.path)).replace(/\s+/g, " ");
    expect(text).toContain("Résidence sociale Les Œillets");
    const codes = await decodeQrCodesOnPage(file.path, 1);
    const expected = [f.people.jerome, f.people.anais, f.people.zoe, f.people.loic].map((p) =>
      ticketPayload(p.tokenSalt),
    );
    expect(codes.sort()).toEqual(expected.sort());
    await fs.rm(file.path);
  });
});

describe("attendance statuses in the registration exports (issue 13 point 5)", () => {
  it("a late arrival, an early departure and a justified absence, per half-day, with the hours", async () => {
    const { getDb } = await import("@/lib/db/client");
    const { parisTime } = await import("@/lib/format/dates");
    const db = await getDb();
    // Loïc arrives at 14 h 30 (after 14 h 00 + 15 min) and leaves at 16 h 00; his morning is excused.
    await db.checkIn.updateMany({
      where: { registrationId: f.people.loic.id, partKey: f.afternoon.id },
      data: { checkedInAt: parisTime("2024-04-16", "14:30"), departedAt: parisTime("2024-04-16", "16:00") },
    });
    await db.absenceJustification.create({
      data: {
        journeeId: f.plenary.id,
        registrationId: f.people.loic.id,
        partKey: f.morning.id,
        reason: "Formation",
        status: "ACCEPTED",
        source: "ORGANISER",
      },
    });
    const file = await exportFile("inscriptions-donnees-csv");
    const rows = parseCsv(file.buffer.toString("utf8"));
    const col = (name: string) => rows[0].indexOf(name);
    const loic = rows.find((r) => r[1] === "Sœur") ?? [];
    expect(loic[col("Matinée : statut")]).toBe("Absence justifiée");
    expect(loic[col("Après-midi : statut")]).toBe("En retard, parti avant la fin");
    expect(loic[col("Après-midi : arrivée")]).toBe("2024-04-16T12:30:00.000Z");
    expect(loic[col("Après-midi : départ")]).toBe("2024-04-16T14:00:00.000Z");
    expect(loic[col("Après-midi : heures")]).toBe("1.5");
    expect(loic[col("Heures de présence")]).toBe("1.5");
    // The half-day's digital émargement shows the status after the arrival time.
    const afternoon = await exportFile("emargement-numerique-pdf", { partId: f.afternoon.id });
    expect((await pdfToText(afternoon.path)).replace(/\s+/g, " ")).toMatch(/14:30 - En retard, parti avant la ?fin/);
    // Programme-wide (several journées): one summary column and the total.
    const all = await buildExport({}, "inscriptions-donnees-csv", exportFiltersSchema.parse({}));
    if (!all.ok) throw new Error(all.reason);
    const body = Buffer.isBuffer(all.body) ? all.body : await streamToBuffer(all.body);
    const wide = parseCsv(body.toString("utf8"));
    const summary = wide[0].indexOf("Présence par demi-journée");
    expect(wide.find((r) => r[1] === "Sœur")?.[summary]).toBe(
      "Matinée : Absence justifiée ; Après-midi : En retard, parti avant la fin",
    );
  });
});
