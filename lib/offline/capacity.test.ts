import { describe, expect, it } from "vitest";
import type { OfflineSnapshot } from "@/lib/checkin/schema";
import { localWalkInFull } from "./capacity";
import type { QueuedWalkIn } from "./types";

const snapshot = (capacity: number, confirmedCount: number, part?: { capacity: number | null; count: number }) =>
  ({
    journee: {
      id: "j1",
      title: "Plénière",
      city: "Marseille",
      status: "PUBLISHED",
      startsAt: "2026-04-16T07:00:00.000Z",
      endsAt: "2026-04-16T15:00:00.000Z",
      capacity,
      confirmedCount,
      parts: part
        ? [{ id: "am", kind: "HALF_DAY", title: "Matin", capacity: part.capacity, confirmedCount: part.count }]
        : [],
    },
    registrations: [],
    otherTickets: [],
    otherJournees: [],
    conflicts: [],
    generatedAt: "2026-04-16T07:00:00.000Z",
  }) satisfies OfflineSnapshot;

const walkIn = (partKey = "journee", journeeId = "j1") =>
  ({
    kind: "walk_in",
    journeeId,
    nonce: `n${Math.random()}`,
    queuedAt: "",
    label: "",
    walkIn: {
      journeeId,
      partKey,
      firstName: "A",
      lastName: "B",
      structure: "C",
      structureType: "AUTRE",
      nonce: "x",
      offline: true,
      scannedAt: "",
    },
  }) satisfies QueuedWalkIn;

describe("offline walk-in capacity", () => {
  it("counts the snapshot's confirmed people plus this device's unsent walk-ins", () => {
    expect(localWalkInFull(snapshot(3, 2), [], "journee")).toBeNull();
    expect(localWalkInFull(snapshot(3, 2), [walkIn()], "journee")).toBe("full");
    expect(localWalkInFull(snapshot(3, 2), [walkIn("journee", "other")], "journee")).toBeNull();
    expect(localWalkInFull(snapshot(3, 3), [], "journee")).toBe("full");
  });

  it("checks the half-day's own capacity when it has one", () => {
    expect(localWalkInFull(snapshot(50, 10, { capacity: 2, count: 1 }), [], "am")).toBeNull();
    expect(localWalkInFull(snapshot(50, 10, { capacity: 2, count: 1 }), [walkIn("am")], "am")).toBe("part_full");
    expect(localWalkInFull(snapshot(50, 10, { capacity: null, count: 40 }), [], "am")).toBeNull();
    expect(localWalkInFull(snapshot(2, 2, { capacity: 9, count: 0 }), [], "am")).toBe("full");
  });
});
