"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { walkInAction } from "@/lib/checkin/actions";
import type { ScanOutcome, WalkInInput } from "@/lib/checkin/schema";
import { type LocalFull, localWalkInFull } from "@/lib/offline/capacity";
import { buildIndex, type LocalHit, type LocalIndex, markKey, searchLocal } from "@/lib/offline/local-index";
import { type ScanContext, scanLocally, walkInLocally } from "@/lib/offline/local-scan";
import { applyConflicts, countQueue, enqueue, listMarks, listQueue, listReports, saveMark } from "@/lib/offline/queue";
import { fetchSnapshot, loadSnapshot, purgeEnded, saveSnapshot } from "@/lib/offline/snapshot-store";
import { type SyncRun, syncQueue } from "@/lib/offline/sync";
import type { QueuedSignature, QueuedWalkIn, SyncReport } from "@/lib/offline/types";
import { type LocalUndo, undoQueued } from "@/lib/offline/undo";

export type LocalWalkIn = { ok: true; outcome: ScanOutcome } | { ok: false; reason: LocalFull; canForce: boolean };

/** The scanner's offline state: network, local snapshot, queue, sync and its reports. */
export type OfflineState = {
  online: boolean;
  syncing: boolean;
  pending: number;
  refreshedAt: string | null;
  reports: SyncReport[];
  lastRun: SyncRun | null;
};

const REFRESH_MS = 60_000;
const RETRY_MS = 10_000;
const sendWalkIn = (input: WalkInInput) => walkInAction(input);

export function useOffline(journeeId: string) {
  const [state, setState] = useState<OfflineState>({
    online: true,
    syncing: false,
    pending: 0,
    refreshedAt: null,
    reports: [],
    lastRun: null,
  });
  const index = useRef<LocalIndex | null>(null);
  const live = useRef({ online: true, degraded: false, pending: 0, syncing: false });
  const patch = useCallback((p: Partial<OfflineState>) => setState((s) => ({ ...s, ...p })), []);

  const rebuild = useCallback(async () => {
    const stored = await loadSnapshot(journeeId);
    if (!stored) return;
    const walkIns = (await listQueue(journeeId)).filter((i): i is QueuedWalkIn => i.kind === "walk_in");
    index.current = buildIndex(stored.data, await listMarks(journeeId), walkIns);
    patch({ refreshedAt: stored.refreshedAt });
  }, [journeeId, patch]);

  const refresh = useCallback(async () => {
    const data = await fetchSnapshot(journeeId);
    if (data && data !== "session") {
      await saveSnapshot(data);
      live.current.degraded = false;
      if (await applyConflicts(journeeId, data.conflicts ?? [])) patch({ reports: await listReports(journeeId) });
    }
    await rebuild();
  }, [journeeId, patch, rebuild]);

  const syncNow = useCallback(async () => {
    if (!navigator.onLine) return null;
    live.current.syncing = true;
    patch({ syncing: true });
    const run = await syncQueue({ sendWalkIn });
    if (!run.stopped) live.current.degraded = false;
    if (run.sent) await refresh();
    const pending = await countQueue();
    live.current = { ...live.current, pending, syncing: false };
    patch({ syncing: false, pending, reports: await listReports(journeeId), lastRun: run });
    return run;
  }, [journeeId, patch, refresh]);

  useEffect(() => {
    const setOnline = () => {
      live.current.online = navigator.onLine;
      patch({ online: navigator.onLine });
      if (navigator.onLine) void syncNow();
    };
    window.addEventListener("online", setOnline);
    window.addEventListener("offline", setOnline);
    live.current.online = navigator.onLine;
    patch({ online: navigator.onLine });
    void (async () => {
      await purgeEnded().catch(() => []);
      await rebuild();
      const pending = await countQueue();
      live.current.pending = pending;
      patch({ pending, reports: await listReports(journeeId) });
      if (navigator.onLine) {
        await refresh();
        if (pending) await syncNow();
      }
    })();
    const timer = setInterval(() => {
      if (!navigator.onLine || live.current.syncing) return;
      if (live.current.pending) void syncNow();
    }, RETRY_MS);
    const refresher = setInterval(() => {
      if (navigator.onLine && !live.current.syncing) void refresh();
    }, REFRESH_MS);
    return () => {
      window.removeEventListener("online", setOnline);
      window.removeEventListener("offline", setOnline);
      clearInterval(timer);
      clearInterval(refresher);
    };
  }, [journeeId, patch, rebuild, refresh, syncNow]);

  /** Offline, after a network failure, or while older scans wait: answer locally, keep the order. */
  const shouldQueue = useCallback(() => {
    const l = live.current;
    return !navigator.onLine || l.degraded || l.pending > 0 || l.syncing;
  }, []);

  const queued = useCallback(() => {
    live.current.pending += 1;
    patch({ pending: live.current.pending });
  }, [patch]);

  const scan = useCallback(
    async (source: { ticket: string } | { registrationId: string }, ctx: ScanContext): Promise<ScanOutcome | null> => {
      if (!index.current) return null;
      const { outcome, persisted } = await scanLocally(index.current, source, ctx);
      if (!("registrationId" in source && source.registrationId.startsWith("local-"))) queued();
      void persisted.catch(() => {});
      return outcome;
    },
    [queued],
  );

  /** Offline walk-in: refused here when the snapshot says full, unless an organiser forces it (re-checked on sync). */
  const walkIn = useCallback(
    async (input: WalkInInput & { nonce: string; journeeId: string }): Promise<LocalWalkIn> => {
      const snapshot = index.current?.snapshot;
      if (snapshot && !input.forceOverCapacity) {
        const mine = (await listQueue(journeeId)).filter((i): i is QueuedWalkIn => i.kind === "walk_in");
        const full = localWalkInFull(snapshot, mine, input.partKey);
        if (full) return { ok: false, reason: full, canForce: true };
      }
      const outcome = await walkInLocally(index.current, input);
      queued();
      return { ok: true, outcome };
    },
    [journeeId, queued],
  );

  const search = useCallback(
    (q: string, partKey: string): LocalHit[] | null => (index.current ? searchLocal(index.current, q, partKey) : null),
    [],
  );

  /** An online check-in made here: remembered locally too, so that the same ticket offline says already_checked_in. */
  const rememberOnline = useCallback(
    (outcome: ScanOutcome, partKey: string) => {
      const registrationId = outcome.details.person?.registrationId;
      if (outcome.result !== "ok" || !registrationId || !index.current) return;
      const now = new Date().toISOString();
      const key = markKey(journeeId, registrationId, partKey);
      const checkIn = outcome.details.checkIn;
      const mark = { key, journeeId, registrationId, partKey, at: checkIn?.at ?? now, door: checkIn?.door ?? "" };
      const stored = { ...mark, nonce: outcome.nonce, syncedAt: now };
      index.current.marks.set(key, stored);
      void saveMark(stored).catch(() => {});
    },
    [journeeId],
  );

  /** Undo of an offline check-in: dropped from the queue if not sent yet (see lib/offline/undo.ts). */
  const undoLocal = useCallback(
    async (nonce: string): Promise<LocalUndo> => {
      const done = await undoQueued(nonce);
      if (done.kind !== "undone") return done;
      live.current.pending = await countQueue();
      await rebuild();
      patch({ pending: live.current.pending, reports: await listReports(journeeId) });
      return done;
    },
    [journeeId, patch, rebuild],
  );

  /** A door signature with no network: queued after its scan, sent once by the next sync (issue 13). */
  const queueSignature = useCallback(
    async (item: QueuedSignature) => {
      await enqueue(item);
      queued();
    },
    [queued],
  );

  /** A request just failed for lack of network: answer locally until a sync or refresh succeeds. */
  const networkFailed = useCallback(() => {
    live.current.degraded = true;
  }, []);

  return {
    state,
    rememberOnline,
    shouldQueue,
    scan,
    walkIn,
    search,
    syncNow,
    networkFailed,
    undoLocal,
    queueSignature,
    hasSnapshot: () => Boolean(index.current),
  };
}
export type Offline = ReturnType<typeof useOffline>;
