import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { PNG } from "pngjs";
import { postJson } from "./http-client";

/** A pad-like signature (white, a black wave), as the scanner's pad sends it: base64 PNG. */
export function benchSignaturePng(): string {
  const png = new PNG({ width: 360, height: 140 });
  png.data.fill(255);
  for (let x = 20; x < 340; x++) {
    const y = Math.round(70 + Math.sin(x / 14) * 30);
    for (let dy = -2; dy <= 2; dy++) {
      const i = ((y + dy) * 360 + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
    }
  }
  return PNG.sync.write(png).toString("base64");
}

export type SignAnswer = { ms: number; status: string };

/** A door's signature submission after an ok scan (POST /api/attendance/signature). */
export function signer(base: string, cookie: string, journeeId: string, door: string, png: string) {
  return async (registrationId: string, partKey: string): Promise<SignAnswer> => {
    const body = { journeeId, registrationId, partKey, png, nonce: randomUUID(), deviceId: door, door };
    const t = performance.now();
    const res = await postJson(`${base}/api/attendance/signature`, body, { cookie });
    const json = res.json as { ok?: boolean; status?: string; reason?: string };
    return { ms: performance.now() - t, status: json.ok ? String(json.status) : String(json.reason ?? res.status) };
  };
}
