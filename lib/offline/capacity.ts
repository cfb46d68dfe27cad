import { WHOLE_DAY } from "@/lib/checkin/constants";
import type { OfflineSnapshot } from "@/lib/checkin/schema";
import type { QueuedWalkIn } from "./types";

export type LocalFull = "full" | "part_full";

/**
 * Offline walk-in: is there room, by this device's knowledge? Confirmed registrations in the
 * snapshot plus the walk-ins this device recorded since and not yet sent. The server checks again
 * on sync (other doors, registrations made online meanwhile). Null: room, or nothing to check
 * (a snapshot from before capacities were sent).
 */
export function localWalkInFull(snapshot: OfflineSnapshot, queued: QueuedWalkIn[], partKey: string): LocalFull | null {
  const j = snapshot.journee;
  const mine = queued.filter((w) => w.journeeId === j.id);
  if (typeof j.capacity === "number" && j.confirmedCount + mine.length >= j.capacity) return "full";
  if (partKey === WHOLE_DAY) return null;
  const part = j.parts.find((p) => p.id === partKey);
  if (part?.capacity == null) return null;
  const inPart = mine.filter((w) => w.walkIn.partKey === partKey).length;
  return part.confirmedCount + inPart >= part.capacity ? "part_full" : null;
}
