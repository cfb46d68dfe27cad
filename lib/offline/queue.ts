import { getAll, put, remove, run } from "./idb";
import type { Mark, QueueItem, SyncReport } from "./types";

/** The offline queue: every item keeps its nonce, time and device; sent in `seq` order, exactly once. */
export async function enqueue(item: QueueItem): Promise<void> {
  await put("queue", item);
}

export async function listQueue(journeeId?: string): Promise<QueueItem[]> {
  const items = await getAll<QueueItem>("queue");
  items.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return journeeId ? items.filter((i) => i.journeeId === journeeId) : items;
}

export async function countQueue(): Promise<number> {
  return run("queue", "readonly", (s) => s.count());
}

export const dequeue = (seq: number) => remove("queue", seq);

export const saveMark = (mark: Mark) => put("marks", mark);

export async function listMarks(journeeId: string): Promise<Mark[]> {
  return (await getAll<Mark>("marks")).filter((m) => m.journeeId === journeeId);
}

export const saveReport = (report: SyncReport) => put("reports", report);

/**
 * Decision 011: a synced "ok" becomes offline_conflict when another device later syncs an earlier
 * scan of the same person. The snapshot lists the journée's conflict nonces; matching reports are
 * relabelled so the agent sees it. Returns how many changed.
 */
export async function applyConflicts(journeeId: string, conflicts: string[]): Promise<number> {
  if (!conflicts.length) return 0;
  const relabel = new Set(conflicts);
  let changed = 0;
  for (const r of await listReports(journeeId, Number.POSITIVE_INFINITY)) {
    if (r.result !== "ok" || !relabel.has(r.nonce)) continue;
    await saveReport({ ...r, result: "offline_conflict", relabelled: true });
    changed++;
  }
  return changed;
}

/** The latest synced items of a journée, newest first. */
export async function listReports(journeeId: string, take = 50): Promise<SyncReport[]> {
  const all = (await getAll<SyncReport>("reports")).filter((r) => r.journeeId === journeeId);
  return all
    .sort((a, b) => b.syncedAt.localeCompare(a.syncedAt) || b.scannedAt.localeCompare(a.scannedAt))
    .slice(0, take);
}
