import type { Pdf } from "./emargement-pdf";
import { type Script, scriptRuns, useFont } from "./pdf-fonts";

/**
 * Text in the embedded Unicode fonts: each line is drawn run by run (one font per script, on a
 * common baseline) and long texts wrap — on spaces, after hyphens, between Chinese characters,
 * and inside a word only when the word alone is wider than the box. Nothing is ever cut.
 */
export type TextStyle = { size: number; bold?: boolean; color?: string };
export type Align = "left" | "center" | "right";

const LINE_HEIGHT = 1.3;
const ASCENT = 1.0;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export const lineHeight = (style: TextStyle) => style.size * LINE_HEIGHT;

function setFont(doc: Pdf, script: Script, style: TextStyle) {
  useFont(doc, script, style.bold ? "bold" : "regular").fontSize(style.size);
}

/**
 * Latin runs are drawn without `ccmp`: Noto Sans would split « ị » into « i » + a combining dot,
 * and the PDF's text layer (ToUnicode, one entry per glyph) would then read back « i ». Texts are
 * NFC-normalised first (scriptRuns), so every letter has its precomposed glyph.
 */
const options = (script: string): PDFKit.Mixins.TextOptions =>
  script === "latin" ? { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] } : {};

// Shaping a text (fontkit layout) is the hot spot of a long sheet: widths are kept per font and
// text at 1 pt (they scale with the size); the same fonts serve every document.
const widths = new Map<string, number>();

function runWidth(doc: Pdf, script: Script, text: string, style: TextStyle): number {
  const key = `${script}${style.bold ? "b" : "r"}|${text}`;
  let unit = widths.get(key);
  if (unit === undefined) {
    if (widths.size > 50_000) widths.clear();
    setFont(doc, script, style);
    unit = doc.widthOfString(text, options(script)) / style.size;
    widths.set(key, unit);
  }
  return unit * style.size;
}

export function textWidth(doc: Pdf, text: string, style: TextStyle): number {
  let width = 0;
  for (const run of scriptRuns(text)) width += runWidth(doc, run.script, run.text, style);
  return width;
}

/** Pieces a line may end after: a word with its trailing spaces, up to a hyphen, one Chinese character. */
function pieces(text: string): string[] {
  const words = text.match(/[^\s-]+-*\s*|-+\s*|\s+/g) ?? [];
  return words.flatMap((w) =>
    CJK_CHAR.test(w)
      ? (w.match(
          /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\s*|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu,
        ) ?? [w])
      : [w],
  );
}

export function wrapLines(doc: Pdf, text: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (t: string) => textWidth(doc, t.trimEnd(), style) <= width;
  const flat = text.replace(/[\r\n\t]+/g, " ");
  if (fits(flat)) return flat.trim() ? [flat.trimEnd()] : [];
  for (const piece of pieces(flat)) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = "";
    if (fits(piece)) {
      line = piece;
      continue;
    }
    // A single word wider than the box: break it between characters.
    for (const char of Array.from(piece)) {
      if (line && !fits(line + char)) {
        lines.push(line.trimEnd());
        line = "";
      }
      line += char;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Draws one line with its top at `y`. */
export function drawLine(doc: Pdf, line: string, x: number, y: number, style: TextStyle) {
  doc.fillColor(style.color ?? "#000");
  let cx = x;
  for (const run of scriptRuns(line)) {
    setFont(doc, run.script, style);
    // fontkit shapes and mirrors one Arabic word well, but not the order of several: draw the
    // words of a right-to-left run from the last to the first.
    const parts = run.script === "arabic" ? run.text.split(/(\s+)/).reverse() : [run.text];
    for (const part of parts) {
      if (!part) continue;
      doc.text(part, cx, y + style.size * ASCENT, { lineBreak: false, baseline: "alphabetic", ...options(run.script) });
      cx += runWidth(doc, run.script, part, style);
    }
  }
}

/** Draws wrapped lines in a box of `width` from (x, y); returns the height used. */
export function drawLines(
  doc: Pdf,
  lines: string[],
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  align: Align = "left",
): number {
  const h = lineHeight(style);
  lines.forEach((line, i) => {
    const free = align === "left" ? 0 : width - textWidth(doc, line, style);
    const dx = align === "center" ? free / 2 : align === "right" ? free : 0;
    drawLine(doc, line, x + Math.max(0, dx), y + i * h, style);
  });
  return lines.length * h;
}

export function drawText(doc: Pdf, text: string, x: number, y: number, width: number, style: TextStyle, align?: Align) {
  return drawLines(doc, wrapLines(doc, text, width, style), x, y, width, style, align);
}

/** Flowing text: a paragraph at the document's cursor, which moves below it. */
export function paragraph(doc: Pdf, text: string, style: TextStyle, align: Align = "left", x = 36, width = 523) {
  const y = doc.y;
  const height = drawText(doc, text, x, y, width, style, align);
  doc.x = x;
  doc.y = y + height;
}

/** Vertical space of `lines` lines of `size`. */
export function skip(doc: Pdf, lines: number, size: number) {
  doc.y += lines * size * LINE_HEIGHT;
}
