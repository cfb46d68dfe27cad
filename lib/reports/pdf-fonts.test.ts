import type * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { cacheLayouts } from "./pdf-fonts";
import { textWidth } from "./pdf-text";

describe("fontkit layout cache", () => {
  it("shapes a text once per features, and hands out positions that pdfkit may scale in place", () => {
    let calls = 0;
    const font = {
      layout: (text: string) => {
        calls++;
        return { glyphs: [{ codePoints: [text.codePointAt(0) ?? 0] }], positions: [{ xAdvance: 500 }] };
      },
      getGlyph: () => null,
    } as unknown as fontkit.Font;
    const cached = cacheLayouts(font);
    const a = cached.layout("Émarge", { ccmp: false });
    a.positions[0].xAdvance *= 0.01;
    const b = cached.layout("Émarge", { ccmp: false });
    expect(calls).toBe(1);
    expect(b.positions[0].xAdvance).toBe(500);
    expect(b.glyphs[0]).toBe(a.glyphs[0]);
    cached.layout("Émarge");
    expect(calls).toBe(2);
  });

  it("widths stay the same from one document to the next", () => {
    const width = () => textWidth(new PDFDocument({ autoFirstPage: false }), "Nguyễn Łukasz, CCAS", { size: 9 });
    const first = width();
    expect(first).toBeGreaterThan(50);
    expect(width()).toBeCloseTo(first, 6);
  });
});
