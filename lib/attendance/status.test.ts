import { describe, expect, it } from "vitest";
import { halfDayStatus, totalHours } from "./status";

const at = (hm: string) => new Date(`2026-12-03T${hm}:00Z`);
const morning = { startsAt: at("08:00"), endsAt: at("11:00") };
const none = { arrivalAt: null, departureAt: null, justification: null };

describe("halfDayStatus", () => {
  it("on time, whole half-day: present, 3 h (an arrival before the start counts from the start)", () => {
    const s = halfDayStatus(morning, { ...none, arrivalAt: at("07:45") }, 15);
    expect(s).toEqual({ presence: "present", late: false, leftEarly: false, hoursAttended: 3, justification: null });
  });
  it("late only after the tolerance", () => {
    expect(halfDayStatus(morning, { ...none, arrivalAt: at("08:15") }, 15).late).toBe(false);
    const late = halfDayStatus(morning, { ...none, arrivalAt: at("08:16") }, 15);
    expect(late).toMatchObject({ late: true, hoursAttended: 2.73 });
    expect(halfDayStatus(morning, { ...none, arrivalAt: at("08:05") }, 0).late).toBe(true);
  });
  it("left early: departure before the end, hours up to the departure; a departure after the end is clipped", () => {
    const early = halfDayStatus(morning, { ...none, arrivalAt: at("08:00"), departureAt: at("09:30") }, 15);
    expect(early).toMatchObject({ leftEarly: true, hoursAttended: 1.5 });
    const after = halfDayStatus(morning, { ...none, arrivalAt: at("08:00"), departureAt: at("12:00") }, 15);
    expect(after).toMatchObject({ leftEarly: false, hoursAttended: 3 });
  });
  it("absent, justified only when accepted", () => {
    expect(halfDayStatus(morning, none, 15)).toMatchObject({ presence: "absent", hoursAttended: null });
    const asked = { ...none, justification: { status: "REQUESTED" as const, reason: "Malade" } };
    expect(halfDayStatus(morning, asked, 15).presence).toBe("absent");
    const accepted = { ...none, justification: { status: "ACCEPTED" as const, reason: "Malade" } };
    expect(halfDayStatus(morning, accepted, 15)).toMatchObject({ presence: "justified", justification: "Malade" });
  });
  it("totals hours over half-days", () => {
    expect(totalHours([{ hoursAttended: 3 }, { hoursAttended: null }, { hoursAttended: 1.5 }])).toBe(4.5);
  });
});
