import { deflateSync } from "node:zlib";
import QRCode from "qrcode";

// Medium error correction survives a scratched phone screen or a crumpled print-out.
const LEVEL = "M" as const;
const SCALE = 8; // pixels per module
const QUIET = 4; // modules of white border (the QR standard's quiet zone)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * PNG of the ticket QR code (e-mail inline image and attachment), encoded directly as a 1-bit
 * grayscale image: ~50× cheaper than the qrcode package's RGBA renderer, which mattered for
 * registration throughput (every confirmation carries one).
 */
export function ticketQrPng(payload: string): Buffer {
  const { size, data } = QRCode.create(payload, { errorCorrectionLevel: LEVEL }).modules;
  const width = (size + 2 * QUIET) * SCALE;
  const rowBytes = Math.ceil(width / 8);
  const stride = rowBytes + 1; // filter byte + pixels
  const raw = Buffer.alloc(stride * width, 0xff);
  for (let y = 0; y < width; y++) raw[y * stride] = 0; // filter: none
  // Draw each row of modules once, then copy it to the SCALE-1 pixel rows below it.
  for (let my = 0; my < size; my++) {
    const first = (QUIET + my) * SCALE * stride;
    for (let mx = 0; mx < size; mx++) {
      if (!data[my * size + mx]) continue;
      const x0 = (QUIET + mx) * SCALE;
      for (let x = x0; x < x0 + SCALE; x++) raw[first + 1 + (x >> 3)] &= ~(0x80 >> (x & 7));
    }
    for (let k = 1; k < SCALE; k++) raw.copy(raw, first + k * stride, first, first + stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The same QR code as an SVG data URL, for pages (the CSP allows data: images). */
export async function ticketQrDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { errorCorrectionLevel: LEVEL, margin: QUIET, type: "svg" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
