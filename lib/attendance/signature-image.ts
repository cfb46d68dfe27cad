import { createHash } from "node:crypto";
import { PNG } from "pngjs";
import { type GrayImage, readGray, writeGray } from "./png-gray";
import { SIGNATURE_LIMITS } from "./schema";

export type SignatureImage = { png: Buffer; sha256: string; width: number; height: number };

/** At least this many dark pixels: a blank pad is not a signature. */
const MIN_INK_PIXELS = 30;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The pad's PNG (base64, no data: prefix) decoded and checked — a PNG, ≤ 600×240, ≤ 40 kB, some
 * ink — then re-encoded as 8-bit grayscale without alpha (transparent pixels become white): only
 * those bytes are stored, hashed and embedded in the PDF, never what the client sent. Null when the
 * data is anything else (invalid_image). Never logs the image. Canvases' PNGs take the fast path of
 * png-gray.ts; other flavours are decoded by pngjs.
 */
export function normaliseSignature(base64: string): SignatureImage | null {
  const raw = Buffer.from(base64, "base64");
  if (raw.length < PNG_MAGIC.length || raw.length > SIGNATURE_LIMITS.maxBytes) return null;
  if (!raw.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return null;
  const fast = readGray(raw, MAX_PIXELS);
  const image = fast === undefined ? readAnyPng(raw) : fast;
  if (!image) return null;
  const { width, height, gray } = image;
  if (width < 20 || height < 20 || width > SIGNATURE_LIMITS.maxWidth || height > SIGNATURE_LIMITS.maxHeight) {
    return null;
  }
  let ink = 0;
  for (let i = 0; i < gray.length; i++) if (gray[i] < 128) ink++;
  if (ink < MIN_INK_PIXELS) return null;
  const png = writeGray(image);
  return { png, sha256: sha256Hex(png), width, height };
}

const MAX_PIXELS = SIGNATURE_LIMITS.maxWidth * SIGNATURE_LIMITS.maxHeight;

/** Other PNG flavours (16-bit, palette, interlaced): pngjs decodes, then the same gray on white. */
function readAnyPng(raw: Buffer): GrayImage | null {
  let decoded: PNG;
  try {
    decoded = PNG.sync.read(raw);
  } catch {
    return null;
  }
  const { width, height, data } = decoded;
  if (width * height > MAX_PIXELS) return null;
  const gray = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
    const a = data[j + 3] / 255;
    const luma = 0.299 * data[j] + 0.587 * data[j + 1] + 0.114 * data[j + 2];
    gray[i] = Math.round(luma * a + 255 * (1 - a));
  }
  return { width, height, gray };
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}
