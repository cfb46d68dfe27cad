import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { ticketQrDataUrl, ticketQrPng } from "./ticket-qr";

describe("ticket QR code", () => {
  it("encodes a valid PNG that a scanner decodes back to the payload", () => {
    const payload = "EMT1.abcdefghijklmnopqrstuv";
    const image = PNG.sync.read(ticketQrPng(payload));
    expect(image.width).toBeGreaterThan(200);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(payload);
  });

  it("gives pages an SVG data URL", async () => {
    expect(await ticketQrDataUrl("EMT1.x")).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});
