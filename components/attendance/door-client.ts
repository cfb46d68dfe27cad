import type { QueuedSignature } from "@/lib/offline/types";

/**
 * Browser side of the door's signature (issue 13): POST /api/attendance/signature or /attest; with
 * no network (or when the scan itself was queued offline) the request joins the offline queue after
 * its scan and keeps its nonce, so a resend is answered `replayed`, never stored twice.
 */
export type DoorTarget = {
  journeeId: string;
  partKey: string;
  registrationId: string;
  name: string;
  scanNonce: string;
  door: string;
  deviceId: string;
  /** The scan was answered from the device's snapshot: the signature waits for it in the queue. */
  queuedScan: boolean;
};
export type DoorReply = { ok: true; queued: boolean } | { ok: false; reason: string };

const nonce = () => crypto.randomUUID().replaceAll("-", "");

export async function sendDoorProof(
  target: DoorTarget,
  proof: { png: string } | { reason: string },
  queue: (item: QueuedSignature) => Promise<void>,
): Promise<DoorReply> {
  const endpoint = "png" in proof ? "signature" : "attest";
  const base = {
    journeeId: target.journeeId,
    registrationId: target.registrationId,
    partKey: target.partKey,
    nonce: nonce(),
    deviceId: target.deviceId,
    door: target.door,
    ...proof,
  };
  const signedAt = new Date().toISOString();
  const enqueue = async () => {
    // The attestation route takes no offline fields: its server time is the sync's.
    const body = endpoint === "signature" ? { ...base, offline: true, clientSignedAt: signedAt } : base;
    await queue({
      kind: "signature",
      endpoint,
      journeeId: target.journeeId,
      nonce: base.nonce,
      queuedAt: signedAt,
      signedAt,
      scanNonce: target.scanNonce,
      label: `${endpoint === "signature" ? "Signature" : "Présence attestée"} — ${target.name}`,
      body,
    });
    return { ok: true as const, queued: true };
  };
  if (target.queuedScan || !navigator.onLine) return enqueue();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await fetch(`/api/attendance/${endpoint}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(base),
        signal: AbortSignal.timeout(5000),
      });
      if (res.status === 401) return { ok: false, reason: "unauthenticated" };
      if (res.status >= 500) break;
      const reply = (await res.json().catch(() => null)) as { ok?: boolean; reason?: string } | null;
      if (reply?.ok) return { ok: true, queued: false };
      return { ok: false, reason: reply?.reason ?? "invalid" };
    } catch {
      if (!navigator.onLine) break;
    }
  }
  return enqueue();
}
