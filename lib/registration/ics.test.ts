import { describe, expect, it } from "vitest";
import { parisTime } from "@/lib/format/dates";
import { buildIcs, escapeIcsText, foldIcsLine, parisLocal } from "./ics";

describe("ics", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT values", () => {
    expect(escapeIcsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds lines at 75 octets without splitting a multi-byte character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
    expect(foldIcsLine("SHORT:ok")).toBe("SHORT:ok");
  });

  it("writes Paris wall-clock times with a VTIMEZONE, CRLF endings and a stable UID", () => {
    // TZ of the test run is Pacific/Chatham: nothing may depend on the machine's zone.
    const ics = buildIcs({
      uid: "reg123@emarge",
      start: parisTime("2024-04-16", "09:00"),
      end: parisTime("2024-04-16", "16:30"),
      summary: "Journée; plénière, Marseille",
      location: "Palais du Pharo, 58 boulevard Charles Livon",
      description: "Ligne 1\nLigne 2",
      stamp: new Date("2024-04-01T10:00:00Z"),
    });
    expect(ics).toContain("METHOD:PUBLISH\r\n");
    expect(ics).toContain("TZID:Europe/Paris\r\n");
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20240416T090000\r\n");
    expect(ics).toContain("DTEND;TZID=Europe/Paris:20240416T163000\r\n");
    expect(ics).toContain("UID:reg123@emarge\r\n");
    expect(ics).toContain("SUMMARY:Journée\\; plénière\\, Marseille\r\n");
    expect(ics).toContain("DESCRIPTION:Ligne 1\\nLigne 2\r\n");
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("handles winter time", () => {
    expect(parisLocal(parisTime("2023-12-05", "09:30"))).toBe("20231205T093000");
  });
});
