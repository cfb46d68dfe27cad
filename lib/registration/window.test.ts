import { describe, expect, it } from "vitest";
import { registrationWindowRefusal } from "./window";

const now = new Date("2026-06-01T10:00:00Z");
const base = {
  status: "PUBLISHED" as const,
  endsAt: new Date("2026-06-20T15:00:00Z"),
  registrationOpensAt: new Date("2026-05-01T00:00:00Z"),
  registrationClosesAt: new Date("2026-06-18T00:00:00Z"),
};

describe("registrationWindowRefusal", () => {
  it("accepts inside the window", () => expect(registrationWindowRefusal(base, now)).toBeNull());
  it.each([
    ["not_open_yet", { registrationOpensAt: new Date("2026-06-02T00:00:00Z") }],
    ["closed", { registrationClosesAt: now }],
    ["closed", { status: "CLOSED" as const }],
    ["past", { endsAt: now }],
    ["cancelled", { status: "CANCELLED" as const }],
    ["unknown_journee", { status: "DRAFT" as const }],
  ])("refuses with %s", (reason, patch) => expect(registrationWindowRefusal({ ...base, ...patch }, now)).toBe(reason));
});
