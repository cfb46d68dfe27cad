import type { ScanMethod, ScanResult, WalkInInput } from "@/lib/checkin/schema";

/** What the offline scanner keeps in IndexedDB (see idb.ts). Dates are ISO strings. */
export type OfflineScan = {
  nonce: string;
  ticket?: string;
  registrationId?: string;
  journeeId: string;
  partKey: string;
  door: string;
  deviceId: string;
  scannedAt: string;
  method: ScanMethod;
  offline: true;
  localResult: ScanResult;
};

type Queued = { seq?: number; journeeId: string; nonce: string; queuedAt: string; label: string };
/** `registrationId`: who the device found (a ticket scan sends the ticket, not the id). */
export type QueuedScan = Queued & { kind: "scan"; scan: OfflineScan; registrationId?: string };
export type QueuedWalkIn = Queued & { kind: "walk_in"; walkIn: WalkInInput & { offline: true; scannedAt: string } };
/**
 * A signature (or an agent's attestation) made at the door (issue 13): queued after its scan, sent
 * once to /api/attendance/<endpoint> with its own nonce (a resend is `replayed`). `scanNonce`: the
 * scan it follows (an undo of that scan drops it too).
 */
export type QueuedSignature = Queued & {
  kind: "signature";
  endpoint: "signature" | "attest";
  scanNonce: string;
  signedAt: string;
  body: Record<string, unknown>;
};
export type QueueItem = QueuedScan | QueuedWalkIn | QueuedSignature;

/** A check-in made on this device (key = journeeId|registrationId|partKey). */
export type Mark = {
  key: string;
  journeeId: string;
  registrationId: string;
  partKey: string;
  at: string;
  door: string;
  nonce: string;
  /** Set once the server has counted it: the next snapshot carries it, the mark can go. */
  syncedAt?: string;
};

/** What the server answered for one synced item, shown in the "Synchronisation" list. */
export type SyncReport = {
  nonce: string;
  journeeId: string;
  label: string;
  scannedAt: string;
  localResult: ScanResult;
  result?: ScanResult;
  error?: string;
  syncedAt: string;
  /** The presence the server created (ok): an undo once online needs it. */
  checkInId?: string;
  /** Undone on this device before it was sent: nothing reached the server (local history only). */
  undone?: boolean;
  /** Answered ok, then relabelled offline_conflict when another device synced an earlier scan (decision 011). */
  relabelled?: boolean;
};
