import { describe, expect, it } from "vitest";
import {
  formatDayRange,
  formatLongDate,
  formatParisLocalInput,
  formatShortDateTime,
  parisDateKey,
  parisTime,
} from "./dates";

// Runs under TZ=Pacific/Chatham (UTC+12:45/+13:45): a date bug cannot hide behind the server's zone.
describe("French dates in Europe/Paris", () => {
  it("converts Paris wall-clock times to instants in summer and in winter", () => {
    expect(parisTime("2024-04-16", "09:00").toISOString()).toBe("2024-04-16T07:00:00.000Z");
    expect(parisTime("2023-12-05", "09:00").toISOString()).toBe("2023-12-05T08:00:00.000Z");
    // The night of the change to summer time: 03:30 exists, 02:30 does not.
    expect(parisTime("2024-03-31", "03:30").toISOString()).toBe("2024-03-31T01:30:00.000Z");
  });

  it("shows the plenary's date in French", () => {
    const start = parisTime("2024-04-16", "09:00");
    expect(formatLongDate(start)).toBe("mardi 16 avril 2024");
    expect(formatDayRange(start, parisTime("2024-04-16", "17:30"))).toBe("mardi 16 avril 2024, 9 h 00 – 17 h 30");
    expect(formatShortDateTime(start)).toBe("16/04/2024 09:00");
  });

  it("uses the Paris day, not the UTC or server day, around midnight", () => {
    const lateEvening = new Date("2024-04-16T22:30:00Z"); // 00:30 on the 17th in Paris
    expect(parisDateKey(lateEvening)).toBe("2024-04-17");
    expect(formatParisLocalInput(lateEvening)).toBe("2024-04-17T00:30");
  });
});
