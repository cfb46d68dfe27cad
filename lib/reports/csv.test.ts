import { describe, expect, it } from "vitest";
import { BOM, csvLine, csvToString, formatCsvCell, neutraliseFormula } from "./csv";

describe("French-Excel CSV", () => {
  it("starts with a BOM, separates with ; and ends lines with CRLF", async () => {
    const text = await csvToString(["Nom", "Prénom"], [["Élodie", "Ça va"]], "excel-fr");
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe("Nom;Prénom\r\nÉlodie;Ça va\r\n");
  });

  it("writes Paris wall-clock dates as JJ/MM/AAAA HH:MM whatever the server zone", () => {
    // 2024-04-16 07:05 UTC = 09:05 in Paris (summer time); TZ=Pacific/Chatham in npm test.
    expect(formatCsvCell(new Date("2024-04-16T07:05:00Z"), "excel-fr")).toBe("16/04/2024 09:05");
    expect(formatCsvCell(new Date("2023-12-05T08:00:00Z"), "excel-fr")).toBe("05/12/2023 09:00");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvLine(["a;b", 'dit "oui"', "l1\nl2", "ok"], "excel-fr")).toBe('"a;b";"dit ""oui""";"l1\nl2";ok\r\n');
    expect(csvLine(["a,b", "a;b"], "data")).toBe('"a,b",a;b\r\n');
  });

  it("writes booleans and numbers the French way", () => {
    expect(csvLine([true, false, 12.5, null, undefined], "excel-fr")).toBe("Oui;Non;12,5;;\r\n");
  });
});

describe("formula neutralisation", () => {
  it.each(["=1+1", "+33 6 00", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"])("neutralises %j", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
    const cell = formatCsvCell(value, "excel-fr");
    expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it.each(["=1+1", "+33 6 00", "-2", "@SUM(A1)", '=HYPERLINK("http://x","y")'])(
    "data CSV keeps %j as typed",
    (value) => {
      const cell = formatCsvCell(value, "data");
      expect(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell).toBe(value);
    },
  );

  it("leaves ordinary text and real numbers alone", () => {
    expect(formatCsvCell("Aix-en-Provence", "excel-fr")).toBe("Aix-en-Provence");
    expect(formatCsvCell(-3, "data")).toBe("-3");
  });
});

describe("data CSV", () => {
  it("has no BOM, uses commas and ISO 8601 instants", async () => {
    const text = await csvToString(["at", "ok"], [[new Date("2024-04-16T07:05:00Z"), true]], "data");
    expect(text).toBe("at,ok\r\n2024-04-16T07:05:00.000Z,true\r\n");
  });
});
