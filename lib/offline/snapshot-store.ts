import type { OfflineSnapshot } from "@/lib/checkin/schema";
import { get, getAll, put, remove } from "./idb";
import type { Mark, SyncReport } from "./types";

/** The journée's snapshot on this device: fetched online, refreshed in the background, purged after the day. */
export type StoredSnapshot = { journeeId: string; endsAt: string; refreshedAt: string; data: OfflineSnapshot };

/** Kept one day after the journée's end, then deleted when a scanner page opens. */
export const KEEP_AFTER_END_MS = 24 * 3600_000;

export async function fetchSnapshot(journeeId: string): Promise<OfflineSnapshot | "session" | null> {
  try {
    const res = await fetch(`/api/checkin/snapshot?${new URLSearchParams({ journeeId })}`, {
      cache: "no-store",
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status === 401) return "session";
    return res.ok ? ((await res.json()) as OfflineSnapshot) : null;
  } catch {
    return null;
  }
}

/** Saves a fresh snapshot; the marks it now includes (synced before it was made) are dropped. */
export async function saveSnapshot(data: OfflineSnapshot, refreshedAt = new Date()): Promise<StoredSnapshot> {
  const stored = {
    journeeId: data.journee.id,
    endsAt: data.journee.endsAt,
    refreshedAt: refreshedAt.toISOString(),
    data,
  };
  await put("snapshots", stored);
  for (const mark of await getAll<Mark>("marks")) {
    if (mark.journeeId === stored.journeeId && mark.syncedAt && mark.syncedAt < data.generatedAt) {
      await remove("marks", mark.key);
    }
  }
  return stored;
}

export const loadSnapshot = (journeeId: string) => get<StoredSnapshot>("snapshots", journeeId);

/** Deletes snapshots, marks and reports of journées that ended more than a day ago (never the queue). */
export async function purgeEnded(now = Date.now()): Promise<string[]> {
  const ended = (await getAll<StoredSnapshot>("snapshots"))
    .filter((s) => new Date(s.endsAt).getTime() + KEEP_AFTER_END_MS < now)
    .map((s) => s.journeeId);
  if (!ended.length) return [];
  const gone = new Set(ended);
  for (const id of ended) await remove("snapshots", id);
  for (const m of await getAll<Mark>("marks")) if (gone.has(m.journeeId)) await remove("marks", m.key);
  for (const r of await getAll<SyncReport>("reports")) if (gone.has(r.journeeId)) await remove("reports", r.nonce);
  return ended;
}
