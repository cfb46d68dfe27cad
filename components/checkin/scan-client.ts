import type { Counts, ScanMethod, ScanOutcome, ScanResponse } from "@/lib/checkin/schema";

/** Browser side of the scanner: nonces, the device's station, posting scans, timings. */

export type Station = { door: string; deviceId: string };
const STATION_KEY = "emarge.checkin.station";

export function newNonce(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

export function loadStation(): Station {
  try {
    const saved = JSON.parse(localStorage.getItem(STATION_KEY) ?? "null") as Station | null;
    if (saved?.deviceId) return { door: saved.door ?? "", deviceId: saved.deviceId };
  } catch {
    // ignore a corrupt value
  }
  const station = { door: "Accueil", deviceId: `app-${newNonce().slice(0, 8)}` };
  saveStation(station);
  return station;
}

export function saveStation(station: Station): void {
  try {
    localStorage.setItem(STATION_KEY, JSON.stringify(station));
  } catch {
    // private mode: the station lives for this page only
  }
}

export type ScanAnswer = ScanOutcome | { error: "network" | "session" | "forbidden" | "invalid" | "server" };

/** Posts one scan; a network failure is retried with the SAME nonce (never counted twice). */
export async function postScan(
  source: { ticket: string } | { registrationId: string },
  ctx: { journeeId: string; partKey: string; station: Station; method: ScanMethod; nonce?: string },
): Promise<ScanAnswer> {
  const scan = {
    nonce: ctx.nonce ?? newNonce(),
    ...source,
    journeeId: ctx.journeeId,
    partKey: ctx.partKey,
    door: ctx.station.door,
    deviceId: ctx.station.deviceId,
    scannedAt: new Date().toISOString(),
    method: ctx.method,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch("/api/checkin", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scans: [scan] }),
        // A hanging venue network must not freeze the door: the caller answers offline instead.
        signal: AbortSignal.timeout(5000),
      });
      if (res.status === 401) return { error: "session" };
      if (res.status === 400) return { error: "invalid" };
      if (!res.ok) return { error: "server" };
      const [first] = ((await res.json()) as ScanResponse).results;
      if ("error" in first) return { error: first.error === "forbidden" ? "forbidden" : "invalid" };
      return first;
    } catch {
      if (!navigator.onLine) break;
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    }
  }
  return { error: "network" };
}

export async function fetchCounts(journeeId: string, partKey: string): Promise<Counts | null> {
  try {
    const res = await fetch(`/api/checkin/counts?${new URLSearchParams({ journeeId, partKey })}`, {
      cache: "no-store",
    });
    return res.ok ? ((await res.json()) as Counts) : null;
  } catch {
    return null;
  }
}

// Test probes: `process.env.EMARGE_E2E_BUILD` is a build-time constant (next.config.ts), "0" outside
// the e2e build, where the minifier drops these bodies (checked by scripts/check-production-build.ts).

/** Decoded-code → result-on-screen times, read by the Playwright timing test (e2e build only). */
export function recordTiming(ms: number): void {
  if (process.env.EMARGE_E2E_BUILD !== "1") return;
  const w = window as unknown as { __emargeScanTimings?: number[] };
  w.__emargeScanTimings ??= [];
  w.__emargeScanTimings.push(ms);
}

/** Reads of a code the camera ignored (same code again within 3 s), counted for the camera test (e2e build only). */
export function recordIgnoredRepeat(): void {
  if (process.env.EMARGE_E2E_BUILD !== "1") return;
  const w = window as unknown as { __emargeIgnoredRepeats?: number };
  w.__emargeIgnoredRepeats = (w.__emargeIgnoredRepeats ?? 0) + 1;
}

/** How long results stay on screen when a test asks (e2e build only: keepResults in e2e/fixtures/checkin.ts). */
export function resultMsOverride(): number {
  if (process.env.EMARGE_E2E_BUILD !== "1") return 0;
  return Number(localStorage.getItem("emarge.checkin.resultMs")) || 0;
}
