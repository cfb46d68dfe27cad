import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";
import type { Pdf } from "./emargement-pdf";

/**
 * Unicode fonts embedded in every PDF (pdfkit subsets them: only the glyphs used are stored).
 * Noto Sans covers Latin (Polish, Vietnamese…), Greek and Cyrillic; Noto Naskh Arabic and Noto
 * Sans SC (Hans) take the Arabic and Chinese runs. They ship as npm packages (decision 018) and are
 * read from node_modules at run time, so a plain `npm install` is enough and nothing is bundled.
 */
export type Script = "latin" | "arabic" | "cjk";
export type Weight = "regular" | "bold";

const FILES: Record<Script, { pkg: string; regular: string; bold: string }> = {
  latin: { pkg: "@embedpdf/fonts-latin", regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
  arabic: { pkg: "@embedpdf/fonts-arabic", regular: "NotoNaskhArabic-Regular.ttf", bold: "NotoNaskhArabic-Bold.ttf" },
  cjk: { pkg: "@embedpdf/fonts-sc", regular: "NotoSansHans-Regular.otf", bold: "NotoSansHans-Bold.otf" },
};

// Resolved from the project (process.cwd()) rather than from this module, which Next bundles.
const requireFromProject = createRequire(path.join(process.cwd(), "package.json"));
// Parsed once per process and shared by every document (parsing Noto Sans took ~300 ms per PDF);
// each document still keeps its own subset of the glyphs it used.
const fonts = new Map<string, fontkit.Font>();

export function fontFile(script: Script, weight: Weight): string {
  const { pkg, ...files } = FILES[script];
  // The packages export only their index (dist/index.cjs); the fonts sit in ../fonts.
  return path.join(path.dirname(requireFromProject.resolve(pkg)), "..", "fonts", files[weight]);
}

function parsedFont(name: string, script: Script, weight: Weight): fontkit.Font {
  let font = fonts.get(name);
  if (!font) {
    font = cacheLayouts(keepCodePoints(fontkit.create(fs.readFileSync(fontFile(script, weight)))));
    fonts.set(name, font);
  }
  return font;
}

/**
 * fontkit caches glyphs with the characters of their first request. Subsetting requests the
 * components of composite glyphs (« E » inside « É ») without characters, so the next document
 * would map « E » to nothing in its text layer (copy/paste, pdftotext, screen readers). A later
 * request with characters fills them in.
 */
function keepCodePoints(font: fontkit.Font): fontkit.Font {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && codePoints.length && !glyph.codePoints.length) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

/**
 * Shaping (fontkit layout) is the hot spot of long PDFs, and pdfkit caches it only for texts drawn
 * without OpenType features, while pdf-text always passes some (ccmp off): layouts are kept per font,
 * text and features for the process. pdfkit scales a run's positions in place, so each caller gets
 * fresh positions (the glyphs are fontkit's own shared objects anyway). A 300 × 2 signed sheet: −40 %.
 */
export function cacheLayouts(font: fontkit.Font): fontkit.Font {
  const layouts = new Map<string, fontkit.GlyphRun>();
  const layout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => {
    if (rest.length) return layout(text, features, ...rest);
    const key = `${JSON.stringify(features ?? null)}|${text}`;
    let run = layouts.get(key);
    if (!run) {
      if (layouts.size > 20_000) layouts.clear();
      run = layout(text, features);
      layouts.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as fontkit.GlyphRun;
    return Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
  };
  return font;
}

const registered = new WeakMap<Pdf, Set<string>>();

/** Selects the font of a script and weight, registering it in this document on first use. */
export function useFont(doc: Pdf, script: Script, weight: Weight): Pdf {
  const name = `${script}-${weight}`;
  let names = registered.get(doc);
  if (!names) {
    names = new Set();
    registered.set(doc, names);
  }
  if (!names.has(name)) {
    // pdfkit takes a fontkit font object as well as a buffer (PDFFontFactory.open).
    doc.registerFont(name, parsedFont(name, script, weight) as unknown as Buffer);
    names.add(name);
  }
  return doc.font(name);
}

const ARABIC = /[\p{Script=Arabic}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

export function scriptOf(char: string): Script {
  if (ARABIC.test(char)) return "arabic";
  if (CJK.test(char)) return "cjk";
  return "latin";
}

export type Run = { script: Script; text: string };

/**
 * Splits a text into runs of one font. A space between two characters of the same script stays
 * in their run (an Arabic name of two words is shaped and ordered right to left as one run).
 */
export function scriptRuns(text: string): Run[] {
  const chars = Array.from(text.normalize("NFC"));
  const strong = chars.map((c) => (/\s/.test(c) ? null : scriptOf(c)));
  const runs: Run[] = [];
  for (let i = 0; i < chars.length; i++) {
    let script = strong[i];
    if (script === null) {
      const before = runs.at(-1)?.script;
      const after = strong.slice(i + 1).find((s) => s !== null);
      script = before && before === after ? before : "latin";
    }
    const last = runs.at(-1);
    if (last && last.script === script) last.text += chars[i];
    else runs.push({ script, text: chars[i] });
  }
  return runs;
}
