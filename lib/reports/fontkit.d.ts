// fontkit (pdfkit's font engine) ships no types; only what lib/reports/pdf-fonts.ts uses.
declare module "fontkit" {
  export type Glyph = { codePoints: number[] };
  export type GlyphRun = { glyphs: Glyph[]; positions: Record<string, number>[] };
  export type Font = {
    layout: (text: string, features?: unknown, ...rest: unknown[]) => GlyphRun;
    getGlyph: (id: number, codePoints?: number[]) => Glyph | null;
  };
  export function create(buffer: Buffer): Font;
}
