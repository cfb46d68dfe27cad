import { afterEach, describe, expect, it } from "vitest";
import { nextDailyRun, startRetentionScheduler, stopRetentionScheduler } from "./scheduler";

afterEach(() => stopRetentionScheduler());

describe("nightly retention run", () => {
  it("runs at the Paris hour, today if still ahead, else tomorrow, across time changes", () => {
    // Winter (UTC+1): 03:00 Paris = 02:00Z.
    expect(nextDailyRun(new Date("2026-11-26T01:00:00Z"), 3).toISOString()).toBe("2026-11-26T02:00:00.000Z");
    expect(nextDailyRun(new Date("2026-11-26T02:00:00Z"), 3).toISOString()).toBe("2026-11-27T02:00:00.000Z");
    // Summer (UTC+2): 03:00 Paris = 01:00Z; the night of the change to winter time (25 October 2026).
    expect(nextDailyRun(new Date("2026-07-01T12:00:00Z"), 3).toISOString()).toBe("2026-07-02T01:00:00.000Z");
    expect(nextDailyRun(new Date("2026-10-24T12:00:00Z"), 3).toISOString()).toBe("2026-10-25T02:00:00.000Z");
    expect(nextDailyRun(new Date("2026-03-28T12:00:00Z"), 3).toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("starts once, and not at all with RETENTION_DAILY=0 or a wrong policy", () => {
    process.env.EMARGE_SILENT_LOGS = "1";
    expect(startRetentionScheduler({ RETENTION_DAILY: "0" })).toBe(false);
    expect(startRetentionScheduler({ RETENTION_FULL_MONTHS: "x" })).toBe(false);
    expect(startRetentionScheduler({})).toBe(true);
    expect(startRetentionScheduler({})).toBe(false);
  });
});
