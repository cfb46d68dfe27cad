import { describe, expect, it } from "vitest";
import { checkInPartKeys, evaluateScan, type JourneeSnapshot, type RegistrationSnapshot } from "./evaluate";
import { SCAN_RESULT_LABELS } from "./labels";
import { SCAN_RESULTS, ScanBatchSchema } from "./schema";

const start = new Date("2024-04-16T07:00:00Z"); // 9 h 00 à Paris
const journee: JourneeSnapshot = {
  id: "j1",
  status: "PUBLISHED",
  startsAt: start,
  endsAt: new Date("2024-04-16T14:30:00Z"),
  parts: [],
};
const reg = (over: Partial<RegistrationSnapshot> = {}): RegistrationSnapshot => ({
  id: "r1",
  journeeId: "j1",
  firstName: "Élodie",
  lastName: "Martin",
  structure: "CCAS d'Istres",
  walkIn: false,
  status: "CONFIRMED",
  waitlistPosition: null,
  partIds: [],
  journee: { title: "Plénière", city: "Marseille", startsAt: start },
  checkIns: [],
  ...over,
});
const at = (iso: string) => new Date(iso);
const during = at("2024-04-16T08:00:00Z");

describe("evaluateScan", () => {
  it("reaches every result code", () => {
    const seen = new Set([
      evaluateScan(reg(), journee, "journee", during).result,
      evaluateScan(null, journee, "journee", during).result,
      evaluateScan(reg({ journeeId: "j2" }), journee, "journee", during).result,
      evaluateScan(reg({ status: "CANCELLED" }), journee, "journee", during).result,
      evaluateScan(reg({ status: "WAITLISTED", waitlistPosition: 3 }), journee, "journee", during).result,
      evaluateScan(reg(), journee, "journee", at("2024-04-16T04:59:00Z")).result,
      evaluateScan(reg(), journee, "journee", at("2024-04-16T14:31:00Z")).result,
      evaluateScan(
        reg({ checkIns: [{ id: "c", partKey: "journee", checkedInAt: during, door: "A", agentName: "léa" }] }),
        journee,
        "journee",
        during,
      ).result,
    ]);
    // offline_conflict is decided when an offline scan is synced (mutations.ts), sheet_closed by the
    // insert's statement under the sheet's lock (decision 031): never by the evaluator.
    const decidedByTheDatabase = ["offline_conflict", "sheet_closed"];
    expect([...seen].sort()).toEqual(SCAN_RESULTS.filter((r) => !decidedByTheDatabase.includes(r)).sort());
  });

  it("opens exactly two hours before the start and closes at the end", () => {
    expect(evaluateScan(reg(), journee, "journee", at("2024-04-16T05:00:00Z")).result).toBe("ok");
    expect(evaluateScan(reg(), journee, "journee", journee.endsAt).result).toBe("ok");
    const early = evaluateScan(reg(), journee, "journee", at("2024-04-16T04:59:59Z"));
    expect(early.details.window?.opensAt).toBe("2024-04-16T05:00:00.000Z");
  });

  it("says which journée a wrong ticket is for, and who checked in first", () => {
    const wrong = evaluateScan(reg({ journeeId: "j2" }), journee, "journee", during);
    expect(wrong.details.otherJournee).toEqual({ title: "Plénière", city: "Marseille", startsAt: start.toISOString() });
    const checkIns = [{ id: "c1", partKey: "journee", checkedInAt: during, door: "Porte A", agentName: "léa" }];
    const again = evaluateScan(reg({ checkIns }), journee, "journee", during);
    expect(again.details.checkIn).toMatchObject({ door: "Porte A", agentName: "léa" });
  });

  it("checks in per half-day and flags a half-day the person did not choose", () => {
    const halfDays: JourneeSnapshot = {
      ...journee,
      parts: [
        { id: "am", kind: "HALF_DAY" },
        { id: "pm", kind: "HALF_DAY" },
      ],
    };
    expect(checkInPartKeys(halfDays)).toEqual(["am", "pm"]);
    expect(checkInPartKeys({ parts: [{ id: "w", kind: "WORKSHOP" }] })).toEqual(["journee"]);
    const r = reg({
      partIds: ["am"],
      checkIns: [{ id: "c", partKey: "am", checkedInAt: during, door: "", agentName: "" }],
    });
    expect(evaluateScan(r, halfDays, "am", during).result).toBe("already_checked_in");
    const pm = evaluateScan(r, halfDays, "pm", during);
    expect(pm.result).toBe("ok");
    expect(pm.details.notInPart).toBe(true);
  });

  it("treats a cancelled journée as closed, a draft as not open", () => {
    expect(evaluateScan(reg(), { ...journee, status: "CANCELLED" }, "journee", during).result).toBe("closed");
    expect(evaluateScan(reg(), { ...journee, status: "DRAFT" }, "journee", during).result).toBe("not_open_yet");
  });
});

describe("schema and labels", () => {
  it("has a French label and an icon for every result", () => {
    for (const code of SCAN_RESULTS) {
      expect(SCAN_RESULT_LABELS[code].title.length).toBeGreaterThan(3);
      expect(SCAN_RESULT_LABELS[code].icon).toBeTruthy();
    }
  });

  it("accepts a ticket or a registration id, not both", () => {
    const base = { nonce: "abcdefgh12", journeeId: "j1", partKey: "journee", scannedAt: "2024-04-16T08:00:00Z" };
    expect(ScanBatchSchema.safeParse({ scans: [{ ...base, ticket: "EMT1.x" }] }).success).toBe(true);
    expect(ScanBatchSchema.safeParse({ scans: [{ ...base, registrationId: "r1" }] }).success).toBe(true);
    expect(ScanBatchSchema.safeParse({ scans: [{ ...base, ticket: "x", registrationId: "r1" }] }).success).toBe(false);
    expect(ScanBatchSchema.safeParse({ scans: [{ ...base }] }).success).toBe(false);
    expect(ScanBatchSchema.safeParse({ scans: [{ ...base, nonce: "short", ticket: "x" }] }).success).toBe(false);
  });
});
