/**
 * The check-in writes, as the rest of the app imports them: one scan (mutations/record-scan.ts,
 * its one-statement insert in mutations/insert-scan.ts), a device's batch of scans
 * (mutations/batch.ts), undo (mutations/undo.ts) and walk-ins (mutations/walk-in.ts).
 */

export { isUniqueViolation } from "@/lib/db/unique-violation";
export { actorFor, recordScanBatch, withinOfflineBounds } from "./mutations/batch";
export { recordScan } from "./mutations/record-scan";
export { type UndoRefusal, undoCheckIn } from "./mutations/undo";
export { registerWalkIn } from "./mutations/walk-in";

/** Who scans: checked by the caller (route or action) before any mutation runs. */
export type Actor = { userId: string | null; name: string; mayOverCapacity: boolean };
