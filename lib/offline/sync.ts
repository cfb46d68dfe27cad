import type { ScanOutcome, ScanResponse, WalkInInput } from "@/lib/checkin/schema";
import { get, put, remove } from "./idb";
import { dequeue, listQueue, saveReport } from "./queue";
import type { Mark, QueuedScan, QueuedSignature, QueueItem, SyncReport } from "./types";

/**
 * Sends the queue in order, exactly once: each item keeps its nonce, so an item sent again after
 * a lost answer is replayed by the server, never counted twice. Consecutive scans go in batches of
 * up to 50 (POST /api/checkin); a walk-in goes through `sendWalkIn` (the server action, injected:
 * this module imports no server code). Stops at the first network failure; the rest waits.
 */
export type WalkInReply = { ok: true; outcome: ScanOutcome } | { ok: false; reason: string };
export type SyncDeps = { sendWalkIn: (input: WalkInInput) => Promise<WalkInReply> };
export type SyncRun = { sent: number; stopped?: "network" | "session" | "server"; reports: SyncReport[] };

let running: Promise<SyncRun> | null = null;

/** One sync at a time in this tab (another tab sending the same nonces is harmless: replays). */
export function syncQueue(deps: SyncDeps): Promise<SyncRun> {
  running ??= drain(deps).finally(() => {
    running = null;
  });
  return running;
}

export const isSyncing = () => running !== null;

async function drain(deps: SyncDeps): Promise<SyncRun> {
  const items = await listQueue();
  const reports: SyncReport[] = [];
  const stop = (stopped: SyncRun["stopped"]) => ({ sent: reports.length, stopped, reports });
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (item.kind === "signature") {
      const sent = await sendSignature(item);
      if (typeof sent === "string") return stop(sent);
      reports.push(await settle(item, sent));
      i++;
      continue;
    }
    if (item.kind === "walk_in") {
      let reply: WalkInReply;
      try {
        reply = await deps.sendWalkIn(item.walkIn);
      } catch {
        return stop("network");
      }
      const answer = reply.ok
        ? { result: reply.outcome.result, checkInId: reply.outcome.details.checkIn?.id }
        : { error: reply.reason };
      reports.push(await settle(item, answer));
      i++;
      continue;
    }
    const batch: QueuedScan[] = [];
    while (i < items.length && items[i].kind === "scan" && batch.length < 50) batch.push(items[i++] as QueuedScan);
    let res: Response;
    try {
      res = await fetch("/api/checkin", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scans: batch.map((b) => b.scan) }),
        signal: AbortSignal.timeout(20_000),
      });
    } catch {
      return stop("network");
    }
    if (res.status === 401) return stop("session");
    if (!res.ok) return stop("server");
    const { results } = (await res.json()) as ScanResponse;
    for (const [k, item] of batch.entries()) {
      const answer = results[k];
      reports.push(
        await settle(
          item,
          answer && "result" in answer
            ? { result: answer.result, checkInId: answer.result === "ok" ? answer.details.checkIn?.id : undefined }
            : { error: answer?.error ?? "invalid" },
        ),
      );
    }
  }
  return stop(undefined);
}

export const queuedAt = (item: QueueItem) =>
  item.kind === "scan" ? item.scan.scannedAt : item.kind === "walk_in" ? item.walkIn.scannedAt : item.signedAt;

/** A queued signature: its answer (ok → "ok", refused → the reason), or why the sync stops. */
async function sendSignature(
  item: QueuedSignature,
): Promise<Pick<SyncReport, "result" | "error"> | "network" | "session" | "server"> {
  let res: Response;
  try {
    res = await fetch(`/api/attendance/${item.endpoint}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(item.body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    return "network";
  }
  if (res.status === 401) return "session";
  if (res.status >= 500) return "server";
  const reply = (await res.json().catch(() => null)) as { ok?: boolean; reason?: string } | null;
  return reply?.ok ? { result: "ok" } : { error: `signature_${reply?.reason ?? "invalid"}` };
}

/** The server answered: keep the report, drop the item, and settle this device's mark. */
async function settle(
  item: QueueItem,
  answer: Pick<SyncReport, "result" | "error" | "checkInId">,
): Promise<SyncReport> {
  const scannedAt = queuedAt(item);
  const localResult = item.kind === "scan" ? item.scan.localResult : "ok";
  const report: SyncReport = {
    nonce: item.nonce,
    journeeId: item.journeeId,
    label: item.label,
    scannedAt,
    localResult,
    ...answer,
    syncedAt: new Date().toISOString(),
  };
  await saveReport(report);
  if (item.seq !== undefined) await dequeue(item.seq);
  if (item.kind === "scan" && item.registrationId) await settleMark(item, item.registrationId, answer);
  return report;
}

async function settleMark(item: QueuedScan, registrationId: string, answer: Pick<SyncReport, "result" | "error">) {
  const key = `${item.journeeId}|${registrationId}|${item.scan.partKey}`;
  const mark = await get<Mark>("marks", key);
  if (!mark || mark.nonce !== item.nonce) return;
  const counted =
    answer.result === "ok" || answer.result === "offline_conflict" || answer.result === "already_checked_in";
  if (counted) await put("marks", { ...mark, syncedAt: new Date().toISOString() });
  else await remove("marks", key);
}
