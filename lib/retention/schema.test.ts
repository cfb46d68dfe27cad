import { describe, expect, it } from "vitest";
import { retentionCutoffs, retentionPolicyFromEnv, subtractMonths } from "./schema";

describe("retention policy", () => {
  it("defaults to 6 months of full data, 3 years of proof, a nightly run at 3 h", () => {
    expect(retentionPolicyFromEnv({})).toEqual({ fullMonths: 6, proofYears: 3, daily: true, dailyHour: 3 });
    expect(retentionPolicyFromEnv({ RETENTION_FULL_MONTHS: " ", RETENTION_DAILY: "" })).toMatchObject({
      fullMonths: 6,
      daily: true,
    });
  });

  it("reads the environment", () => {
    const env = {
      RETENTION_FULL_MONTHS: "12",
      RETENTION_PROOF_YEARS: "5",
      RETENTION_DAILY: "0",
      RETENTION_DAILY_HOUR: "23",
    };
    expect(retentionPolicyFromEnv(env)).toEqual({ fullMonths: 12, proofYears: 5, daily: false, dailyHour: 23 });
    expect(retentionPolicyFromEnv({ RETENTION_PROOF_YEARS: "0" }).proofYears).toBe(0);
  });

  it("refuses a wrong value, naming the variable, rather than guessing", () => {
    for (const env of [
      { RETENTION_FULL_MONTHS: "0" },
      { RETENTION_FULL_MONTHS: "six" },
      { RETENTION_PROOF_YEARS: "1.5" },
      { RETENTION_DAILY: "oui" },
      { RETENTION_DAILY_HOUR: "24" },
    ]) {
      expect(() => retentionPolicyFromEnv(env)).toThrow(
        new RegExp(`Politique de conservation invalide \\(${Object.keys(env)[0]}\\)`),
      );
    }
  });
});

describe("cut-off dates", () => {
  it("subtracts calendar months, clamped to the end of a shorter month", () => {
    expect(subtractMonths(new Date("2026-08-31T10:00:00Z"), 6).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(subtractMonths(new Date("2028-08-31T10:00:00Z"), 6).toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(subtractMonths(new Date("2026-01-15T00:00:00Z"), 1).toISOString()).toBe("2025-12-15T00:00:00.000Z");
    expect(subtractMonths(new Date("2026-11-26T10:00:00Z"), 42).toISOString()).toBe("2023-05-26T10:00:00.000Z");
  });

  it("full data until journée + 6 months, proof until journée + 6 months + 3 years", () => {
    const c = retentionCutoffs(new Date("2026-11-26T10:00:00Z"), { fullMonths: 6, proofYears: 3 });
    expect(c.fullBefore.toISOString()).toBe("2026-05-26T10:00:00.000Z");
    expect(c.proofBefore.toISOString()).toBe("2023-05-26T10:00:00.000Z");
  });
});
