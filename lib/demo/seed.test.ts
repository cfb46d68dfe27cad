import { describe, expect, it } from "vitest";
import { parisTime } from "@/lib/format/dates";
import { createRng, openJourneeDay, slugify } from "./seed";

describe("createRng", () => {
  it("gives the same sequence for the same seed, and another for another seed", () => {
    const a = createRng("demo");
    const b = createRng("demo");
    const c = createRng("autre");
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("makes cuid-like ids and shuffles without losing items", () => {
    const rng = createRng(42);
    expect(rng.id()).toMatch(/^c[0-9a-z]{24}$/);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("openJourneeDay", () => {
  const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();

  it("is a Tuesday at least 30 days ahead", () => {
    for (const now of ["2026-03-02T10:00:00Z", "2026-10-15T23:30:00Z", "2027-02-01T00:00:00Z"]) {
      const day = openJourneeDay(new Date(now));
      expect(weekday(day)).toBe(2);
      expect(parisTime(day, "09:00").getTime() - new Date(now).getTime()).toBeGreaterThanOrEqual(29 * 86_400_000);
    }
  });

  it("avoids August and the end-of-year holidays", () => {
    expect(openJourneeDay(new Date("2026-07-05T10:00:00Z")).slice(5, 7)).toBe("09");
    const winter = openJourneeDay(new Date("2026-11-26T10:00:00Z"));
    expect(winter >= "2027-01-06").toBe(true);
    expect(weekday(winter)).toBe(2);
  });
});

describe("slugify", () => {
  it("makes ascii e-mail domains", () => {
    expect(slugify("Résidence sociale Les Calanques")).toBe("residence-sociale-les-calanques");
    expect(slugify("CCAS d'Aix-en-Provence")).toBe("ccas-d-aix-en-provence");
  });
});
