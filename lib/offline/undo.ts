import { get, put, remove } from "./idb";
import { dequeue, listQueue } from "./queue";
import { isSyncing, queuedAt } from "./sync";
import type { Mark, SyncReport } from "./types";

/**
 * Undo of a check-in made offline. Not sent yet: it leaves the queue and this device's marks, and
 * the local history says so (no audit entry is possible offline — and none is needed: the server
 * never saw it). Already sent: only the server can undo it (online, audited), so the caller gets the
 * presence's id when the server created one.
 */
export type LocalUndo =
  | { kind: "undone" }
  | { kind: "busy" }
  | { kind: "sent"; checkInId?: string; result?: SyncReport["result"] }
  | { kind: "unknown" };

export async function undoQueued(nonce: string, now = new Date()): Promise<LocalUndo> {
  // A sync in progress may be sending this very item: undoing it now could leave it on the server.
  if (isSyncing()) return { kind: "busy" };
  const item = (await listQueue()).find((i) => i.nonce === nonce);
  if (!item || item.seq === undefined) {
    const report = await get<SyncReport>("reports", nonce);
    if (!report) return { kind: "unknown" };
    return { kind: "sent", checkInId: report.checkInId, result: report.result };
  }
  await dequeue(item.seq);
  // The signature that followed this scan goes with it (the server never saw either).
  for (const s of await listQueue(item.journeeId))
    if (s.kind === "signature" && s.scanNonce === nonce && s.seq !== undefined) await dequeue(s.seq);
  if (item.kind === "scan" && item.registrationId) {
    const key = `${item.journeeId}|${item.registrationId}|${item.scan.partKey}`;
    const mark = await get<Mark>("marks", key);
    if (mark?.nonce === nonce) await remove("marks", key);
  }
  const scannedAt = queuedAt(item);
  await put("reports", {
    nonce,
    journeeId: item.journeeId,
    label: item.label,
    scannedAt,
    localResult: "ok",
    undone: true,
    syncedAt: now.toISOString(),
  } satisfies SyncReport);
  return { kind: "undone" };
}
