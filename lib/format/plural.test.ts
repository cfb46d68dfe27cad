import { describe, expect, it } from "vitest";
import { plural, pluralWord } from "./plural";

describe("plural", () => {
  it("uses the singular for 0 and 1 (French rule) and the plural from 2", () => {
    expect(plural(0, "scan")).toBe("0 scan");
    expect(plural(1, "présent·e", "présent·es")).toBe("1 présent·e");
    expect(plural(2, "présent·e", "présent·es")).toBe("2 présent·es");
    expect(plural(1500, "inscrit·e", "inscrit·es")).toBe("1\u202f500 inscrit·es");
  });
  it("gives only the word when the number is shown apart", () => {
    expect(pluralWord(1, "attendu·e", "attendu·es")).toBe("attendu·e");
    expect(pluralWord(4, "attendu·e", "attendu·es")).toBe("attendu·es");
  });
});

// Issue 15 point 13: « 1 personne(s) » and « 1 présent·es » read badly, to people and to screen
// readers; every count goes through plural(). In any interface source, a word with « (s) », « (es) »
// or « (x) » glued to it fails, and so does a plural written right after an interpolated number
// (`${n} présent·es`, `{n} personnes`): at 1 it would disagree.
// `${…}` or `{a.b}` then « personnes », « places », « scans » or a word in « ·es ».
const COUNT_THEN_PLURAL = /(?:\$\{[^}]*\}|\{[\w.]+\})\s+(?:personnes|places|scans|\p{L}+·es)\b/u;

describe("interface texts", () => {
  it("never write a plural in parentheses", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const offenders: string[] = [];
    for (const root of ["app", "components", "lib"]) {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
        const path = `${entry.parentPath}/${entry.name}`;
        const lines = (await readFile(path, "utf8")).split("\n");
        lines.forEach((line, i) => {
          if (/\p{L}{2,}\((?:s|es|x)\)(?!\s*(?:=>|\{))/u.test(line)) offenders.push(`${path}:${i + 1}`);
          if (COUNT_THEN_PLURAL.test(line)) offenders.push(`${path}:${i + 1}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});
