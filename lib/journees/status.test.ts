import { describe, expect, it } from "vitest";
import { parisTime } from "@/lib/format/dates";
import {
  acceptsRegistrations,
  journeePublicStatus,
  PUBLIC_STATUS_LABELS,
  placesLeft,
  type StatusInput,
} from "./status";

const base: StatusInput = {
  status: "PUBLISHED",
  endsAt: parisTime("2025-06-10", "17:00"),
  registrationOpensAt: parisTime("2025-04-10", "09:00"),
  registrationClosesAt: parisTime("2025-06-08", "18:00"),
  capacity: 120,
  confirmedCount: 25,
};
const during = parisTime("2025-05-15", "12:00");

describe("journeePublicStatus", () => {
  it("is open while registration is open and places remain", () => {
    expect(journeePublicStatus(base, during)).toBe("ouvertes");
    expect(journeePublicStatus(base, base.registrationOpensAt)).toBe("ouvertes");
  });

  it("is full when confirmed registrations reach capacity", () => {
    expect(journeePublicStatus({ ...base, confirmedCount: 120 }, during)).toBe("complet");
    expect(journeePublicStatus({ ...base, confirmedCount: 121 }, during)).toBe("complet");
  });

  it("is coming soon before registration opens", () => {
    expect(journeePublicStatus(base, parisTime("2025-04-10", "08:59"))).toBe("bientot");
  });

  it("is closed for registration between closing and the end of the day", () => {
    expect(journeePublicStatus(base, base.registrationClosesAt)).toBe("closes");
    expect(journeePublicStatus(base, parisTime("2025-06-10", "10:00"))).toBe("closes");
  });

  it("is over once the day has ended or the journée is closed", () => {
    expect(journeePublicStatus(base, base.endsAt)).toBe("terminee");
    expect(journeePublicStatus({ ...base, status: "CLOSED" }, during)).toBe("terminee");
  });

  it("is cancelled whatever the dates", () => {
    expect(journeePublicStatus({ ...base, status: "CANCELLED" }, during)).toBe("annulee");
    expect(journeePublicStatus({ ...base, status: "CANCELLED" }, parisTime("2026-01-01", "09:00"))).toBe("annulee");
  });

  it("never reports a draft as open", () => {
    expect(acceptsRegistrations(journeePublicStatus({ ...base, status: "DRAFT" }, during))).toBe(false);
  });

  it("has a French label for every state and accepts registrations only when open or full", () => {
    expect(PUBLIC_STATUS_LABELS.complet).toBe("Complet");
    expect(PUBLIC_STATUS_LABELS.bientot).toBe("Inscriptions bientôt ouvertes");
    expect(acceptsRegistrations("ouvertes")).toBe(true);
    expect(acceptsRegistrations("complet")).toBe(true);
    for (const s of ["terminee", "annulee", "bientot", "closes"] as const) expect(acceptsRegistrations(s)).toBe(false);
  });

  it("counts places left without going negative", () => {
    expect(placesLeft(base)).toBe(95);
    expect(placesLeft({ capacity: 10, confirmedCount: 12 })).toBe(0);
  });
});
