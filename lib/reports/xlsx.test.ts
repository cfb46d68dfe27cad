import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type AttendanceTimes, attendance } from "./attestation-pdf";
import { winAnsi } from "./emargement-pdf";
import { normalizeAttestationCode } from "./schema";
import { addTextRow, cellValue, excelWallClock } from "./xlsx";

describe("XLSX dates (run under TZ=Pacific/Chatham)", () => {
  it("stores the Paris wall-clock time, in summer and in winter", () => {
    expect(excelWallClock(new Date("2024-04-16T07:05:00Z")).toISOString()).toBe("2024-04-16T09:05:00.000Z");
    expect(excelWallClock(new Date("2023-12-05T08:00:00Z")).toISOString()).toBe("2023-12-05T09:00:00.000Z");
    // Across midnight in Paris.
    expect(excelWallClock(new Date("2024-06-30T22:30:00Z")).toISOString()).toBe("2024-07-01T00:30:00.000Z");
  });

  it("round-trips through exceljs as the same wall-clock time", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("t");
    ws.getCell("A1").value = cellValue(new Date("2024-04-16T07:05:00Z"));
    ws.getCell("A1").numFmt = "dd/mm/yyyy hh:mm";
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const v = back.getWorksheet("t")?.getCell("A1").value as Date;
    expect(v.getUTCHours()).toBe(9);
    expect(v.getUTCMinutes()).toBe(5);
  });

  it("stores formula-looking text as it is, in a text cell with the Text format, and writes Oui/Non", async () => {
    expect(cellValue("=1+1")).toBe("=1+1");
    expect(cellValue(true)).toBe("Oui");
    const wb = new ExcelJS.Workbook();
    addTextRow(wb.addWorksheet("t"), ["=1+1", "-2", "Aix"]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const row = back.getWorksheet("t")?.getRow(1);
    expect(row?.getCell(1).value).toBe("=1+1");
    expect(row?.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row?.getCell(1).numFmt).toBe("@");
    expect(row?.getCell(2).numFmt).toBe("@");
    expect(row?.getCell(3).numFmt).toBeUndefined();
  });
});

describe("attestation helpers", () => {
  const day = { startsAt: new Date("2024-04-16T07:00:00Z"), endsAt: new Date("2024-04-16T15:00:00Z") };
  const am = {
    id: "am",
    kind: "HALF_DAY",
    title: "Matinée",
    position: 0,
    startsAt: day.startsAt,
    endsAt: new Date("2024-04-16T10:30:00Z"),
  };
  const pm = {
    id: "pm",
    kind: "HALF_DAY",
    title: "Après-midi",
    position: 1,
    startsAt: new Date("2024-04-16T12:00:00Z"),
    endsAt: day.endsAt,
  };

  const at = (iso: string) => new Date(`2024-04-16T${iso}:00Z`);
  const times = (
    checkIns: [string, string, string | null][],
    justifications: AttendanceTimes["justifications"] = [],
  ) => ({
    checkIns: checkIns.map(([partKey, arrival, departure]) => ({
      partKey,
      checkedInAt: at(arrival),
      departedAt: departure ? at(departure) : null,
    })),
    justifications,
  });
  const journee = { ...day, lateToleranceMinutes: 15 };

  it("adds up the time actually attended, half-day by half-day, with each status", () => {
    expect(attendance(journee, [am, pm], times([["pm", "11:50", null]]))).toEqual({
      halfDays: ["Après-midi"],
      statuses: ["Matinée : absent", "Après-midi : présent (arrivée 13 h 50) - 3 h 00"],
      minutes: 180,
    });
    const both = times([
      ["am", "07:10", null],
      ["pm", "12:00", null],
    ]);
    expect(attendance(journee, [am, pm], both)).toMatchObject({ halfDays: ["Matinée", "Après-midi"], minutes: 380 });
    // Late (12:40, after 12:00 + 15 min) and left early (14:00): 1 h 20 of the afternoon's 3 h.
    const lateEarly = times([["pm", "12:40", "14:00"]], [{ partKey: "am", status: "ACCEPTED", reason: "Grève" }]);
    expect(attendance(journee, [am, pm], lateEarly)).toEqual({
      halfDays: ["Après-midi"],
      statuses: [
        "Matinée : absence justifiée : Grève",
        "Après-midi : en retard (arrivée 14 h 40), parti avant la fin (départ 16 h 00) - 1 h 20",
      ],
      minutes: 80,
    });
    expect(attendance(journee, [am, pm], times([["journee", "07:00", null]]))).toMatchObject({ minutes: 390 });
    expect(attendance(journee, [], times([["journee", "07:00", "14:30"]]))).toMatchObject({
      halfDays: ["Journée entière"],
      minutes: 450,
    });
  });

  it("accepts a typed code with spaces, dashes, lower case, O for 0 and I/L for 1", () => {
    expect(normalizeAttestationCode("7k3qz-m9x2p")).toBe("7K3QZM9X2P");
    expect(normalizeAttestationCode(" ab0o1 il234 ")).toBe("AB00111234");
    expect(normalizeAttestationCode("ABCDE-FGHU1")).toBeNull(); // U is not in Crockford base32
    expect(normalizeAttestationCode("ABC")).toBeNull();
  });

  it("maps text to what the built-in PDF fonts can print", () => {
    expect(winAnsi("L’Œuvre — Zoé · « ok »")).toBe("L'Œuvre - Zoé · « ok »");
    expect(winAnsi("emoji 🙂")).toBe("emoji ??");
  });
});
