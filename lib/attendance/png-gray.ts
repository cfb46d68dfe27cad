import { crc32, deflateSync, inflateSync } from "node:zlib";

/**
 * The pad's PNG → 8-bit grayscale rows on white, and back to a PNG, with zlib's native inflate and
 * deflate and one pass over the pixels. pngjs did the same in ~6 ms per signature (generic colour
 * conversions in JS, twice); this path takes ~1.5 ms, and the door's signature request waits on it
 * (bench/checkin.ts). Only 8-bit, non-interlaced grayscale/RGB/(+alpha) — what canvases encode —
 * is read here; anything else returns undefined and goes to the generic decoder.
 */
const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export type GrayImage = { width: number; height: number; gray: Uint8Array };

/** undefined: not this fast path's format; null: not a readable PNG. */
export function readGray(raw: Buffer, maxPixels: number): GrayImage | null | undefined {
  if (raw.length < 33 || !raw.subarray(0, 8).equals(MAGIC) || raw.toString("latin1", 12, 16) !== "IHDR") return null;
  const width = raw.readUInt32BE(16);
  const height = raw.readUInt32BE(20);
  const [depth, colour, , , interlace] = raw.subarray(24, 29);
  const channels = CHANNELS[colour];
  if (depth !== 8 || !channels || interlace !== 0) return undefined;
  if (!width || !height || width * height > maxPixels) return null;
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= raw.length; ) {
    const length = raw.readUInt32BE(at);
    const type = raw.toString("latin1", at + 4, at + 8);
    if (at + 12 + length > raw.length) return null;
    if (type === "IDAT") idat.push(raw.subarray(at + 8, at + 8 + length));
    if (type === "IEND") break;
    at += 12 + length;
  }
  const stride = width * channels;
  let data: Buffer;
  try {
    data = inflateSync(Buffer.concat(idat), { maxOutputLength: (stride + 1) * height });
  } catch {
    return null;
  }
  if (data.length !== (stride + 1) * height) return null;
  const pixels = unfilter(data, stride, height, channels);
  return pixels && { width, height, gray: toGray(pixels, width * height, channels) };
}

/** Undoes the per-row filters (PNG spec §9), one tight loop per filter; null on an unknown filter. */
function unfilter(data: Buffer, stride: number, height: number, bpp: number): Uint8Array | null {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    const first = y === 0;
    if (filter === 0) out.set(data.subarray(src, src + stride), row);
    else if (filter === 1) {
      for (let x = 0; x < stride; x++) out[row + x] = data[src + x] + (x >= bpp ? out[row + x - bpp] : 0);
    } else if (filter === 2) {
      for (let x = 0; x < stride; x++) out[row + x] = data[src + x] + (first ? 0 : out[up + x]);
    } else if (filter === 3) {
      for (let x = 0; x < stride; x++)
        out[row + x] = data[src + x] + (((x >= bpp ? out[row + x - bpp] : 0) + (first ? 0 : out[up + x])) >> 1);
    } else if (filter === 4) {
      for (let x = 0; x < stride; x++) {
        const a = x >= bpp ? out[row + x - bpp] : 0;
        const b = first ? 0 : out[up + x];
        const c = x >= bpp && !first ? out[up + x - bpp] : 0;
        const pa = b > c ? b - c : c - b; // |p - a| with p = a + b - c
        const pb = a > c ? a - c : c - a;
        const pc = a + b > 2 * c ? a + b - 2 * c : 2 * c - a - b;
        out[row + x] = data[src + x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    } else return null;
  }
  return out;
}

/** Luma (BT.601, integer weights, rounded), composited on white by its alpha. */
function toGray(px: Uint8Array, count: number, channels: number): Uint8Array {
  const gray = new Uint8Array(count);
  for (let i = 0, j = 0; i < count; i++, j += channels) {
    const luma = channels >= 3 ? (299 * px[j] + 587 * px[j + 1] + 114 * px[j + 2] + 500) / 1000 : px[j];
    const alpha = channels === 4 ? px[j + 3] : channels === 2 ? px[j + 1] : 255;
    gray[i] = alpha === 255 ? luma : (luma * alpha + 255 * (255 - alpha) + 127) / 255; // Uint8Array truncates
  }
  return gray;
}

/** An 8-bit grayscale PNG, no filter, deflate level 6 (as small as pngjs's best for black on white). */
export function writeGray({ width, height, gray }: GrayImage): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([MAGIC, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows, { level: 6 })), chunk("IEND")]);
}

function chunk(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
