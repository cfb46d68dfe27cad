import type { ScanMethod, ScanOutcome, WalkInInput } from "@/lib/checkin/schema";
import { addRegistration, evaluateLocal, type LocalIndex, markKey, walkInRegistration } from "./local-index";
import { enqueue, saveMark } from "./queue";
import { parseTicket, sha256Base64url } from "./ticket-hash";
import type { QueuedScan, QueuedWalkIn } from "./types";

/**
 * A scan with no network: evaluated on the snapshot (same vocabulary), remembered on this device
 * (a second scan says already_checked_in) and queued with its nonce, time and device. The index is
 * updated synchronously; IndexedDB writes are awaited by `persisted` (not by the screen).
 */
export type ScanContext = {
  journeeId: string;
  partKey: string;
  door: string;
  deviceId: string;
  method: ScanMethod;
  nonce: string;
};

export async function scanLocally(
  index: LocalIndex,
  source: { ticket: string } | { registrationId: string },
  ctx: ScanContext,
  now = new Date(),
): Promise<{ outcome: ScanOutcome; persisted: Promise<unknown> }> {
  const key =
    "ticket" in source
      ? { ticketHash: parseTicket(source.ticket) ? await sha256Base64url(parseTicket(source.ticket) ?? "") : null }
      : { registrationId: source.registrationId };
  const { registrationId, ...evaluation } = evaluateLocal(index, key, ctx.partKey, now);
  const outcome: ScanOutcome = { nonce: ctx.nonce, ...evaluation, details: { ...evaluation.details, offline: true } };
  const at = now.toISOString();
  const writes: Promise<unknown>[] = [];
  if (evaluation.result === "ok" && registrationId) {
    const mark = {
      key: markKey(ctx.journeeId, registrationId, ctx.partKey),
      journeeId: ctx.journeeId,
      registrationId,
      partKey: ctx.partKey,
      at,
      door: ctx.door,
      nonce: ctx.nonce,
    };
    index.marks.set(mark.key, mark);
    writes.push(saveMark(mark));
  }
  // A walk-in still waiting in the queue has no server id yet: its own item creates it.
  if (!registrationId?.startsWith("local-")) {
    const p = evaluation.details.person;
    const item: QueuedScan = {
      kind: "scan",
      journeeId: ctx.journeeId,
      nonce: ctx.nonce,
      queuedAt: at,
      label: p ? `${p.firstName} ${p.lastName}` : "ticket" in source ? "Billet scanné" : "Recherche",
      registrationId,
      scan: {
        nonce: ctx.nonce,
        ...source,
        journeeId: ctx.journeeId,
        partKey: ctx.partKey,
        door: ctx.door,
        deviceId: ctx.deviceId,
        scannedAt: at,
        method: ctx.method,
        offline: true,
        localResult: evaluation.result,
      },
    };
    writes.push(enqueue(item));
  }
  return { outcome, persisted: Promise.all(writes) };
}

/** A walk-in with no network: queued (the server creates it on sync, once, by its nonce). */
export async function walkInLocally(
  index: LocalIndex | null,
  input: WalkInInput & { nonce: string; journeeId: string },
  now = new Date(),
): Promise<ScanOutcome> {
  const at = now.toISOString();
  const item: QueuedWalkIn = {
    kind: "walk_in",
    journeeId: input.journeeId,
    nonce: input.nonce,
    queuedAt: at,
    label: `${input.firstName} ${input.lastName} (sur place)`,
    walkIn: { ...input, offline: true, scannedAt: at },
  };
  await enqueue(item);
  const reg = walkInRegistration(item);
  if (index) addRegistration(index, reg);
  const person = {
    registrationId: reg.id,
    firstName: reg.firstName,
    lastName: reg.lastName,
    structure: reg.structure,
    walkIn: true,
  };
  return { nonce: input.nonce, result: "ok", details: { person, offline: true } };
}
