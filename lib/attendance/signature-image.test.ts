import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { normaliseSignature, sha256Hex } from "./signature-image";

function png(width: number, height: number, draw: (data: Buffer) => void, alpha = 255): string {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = image.data[i + 1] = image.data[i + 2] = 255;
    image.data[i + 3] = alpha;
  }
  draw(image.data);
  return PNG.sync.write(image).toString("base64");
}
const stroke = (width: number) => (data: Buffer) => {
  for (let x = 10; x < width - 10; x++) {
    const i = (30 * width + x) * 4;
    data[i] = data[i + 1] = data[i + 2] = 0;
    data[i + 3] = 255;
  }
};

describe("normaliseSignature", () => {
  it("re-encodes a pad PNG as 8-bit grayscale without alpha, hashed", () => {
    const result = normaliseSignature(png(300, 120, stroke(300)));
    expect(result).not.toBeNull();
    if (!result) return;
    expect(result.png[24]).toBe(8); // bit depth
    expect(result.png[25]).toBe(0); // colour type 0: grayscale, no alpha
    expect(result.sha256).toBe(sha256Hex(result.png));
    const back = PNG.sync.read(result.png);
    expect([back.width, back.height]).toEqual([300, 120]);
  });
  it("flattens transparency onto white", () => {
    const result = normaliseSignature(png(100, 60, stroke(100), 0));
    const back = result && PNG.sync.read(result.png);
    expect(back?.data[0]).toBe(255);
  });
  it("refuses what is not a small PNG with ink", () => {
    expect(normaliseSignature(Buffer.from("GIF89a not a png").toString("base64"))).toBeNull();
    expect(normaliseSignature(png(300, 120, () => {}))).toBeNull(); // blank pad
    expect(normaliseSignature(png(700, 120, stroke(700)))).toBeNull(); // too wide
    expect(normaliseSignature(png(300, 300, stroke(300)))).toBeNull(); // too tall
    const truncated = Buffer.from(png(300, 120, stroke(300)), "base64")
      .subarray(0, 60)
      .toString("base64");
    expect(normaliseSignature(truncated)).toBeNull();
  });
});

describe("normaliseSignature's two decoders", () => {
  const rgbaStroke = png(120, 50, stroke(120));
  it("reads every filter type of a canvas PNG like pngjs does", () => {
    const image = PNG.sync.read(Buffer.from(rgbaStroke, "base64"));
    const expected = normaliseSignature(rgbaStroke)?.png;
    expect(expected).toBeDefined();
    for (const filterType of [0, 1, 2, 3, 4]) {
      const again = PNG.sync.write(image, { filterType }).toString("base64");
      expect(normaliseSignature(again)?.png.equals(expected as Buffer)).toBe(true);
    }
  });
  it("gives RGB, gray and RGBA PNGs the same gray image", () => {
    const image = PNG.sync.read(Buffer.from(rgbaStroke, "base64"));
    const rgb = PNG.sync.write(image, { colorType: 2 }).toString("base64");
    const gray = PNG.sync.write(image, { colorType: 0 }).toString("base64");
    const base = normaliseSignature(rgbaStroke);
    expect(normaliseSignature(rgb)?.sha256).toBe(base?.sha256);
    expect(normaliseSignature(gray)?.sha256).toBe(base?.sha256);
  });
  it("refuses a PNG whose pixel data is cut short", () => {
    const bytes = Buffer.from(rgbaStroke, "base64");
    const cut = Buffer.concat([bytes.subarray(0, bytes.length - 30), bytes.subarray(bytes.length - 12)]);
    expect(normaliseSignature(cut.toString("base64"))).toBeNull();
  });
});
