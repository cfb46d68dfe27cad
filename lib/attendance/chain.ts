import { createHash } from "node:crypto";

/**
 * The hash chain of a half-day's signature records (decision 020). Each record's hash covers the
 * previous record's hash and every field that matters as proof, the image's SHA-256 included:
 * removing, reordering or changing a record breaks the chain from that record on, and the sheet's
 * head (last seq and hash, kept on HalfDaySheet) catches the removal of the last one. Pure.
 */
export type ChainRecord = {
  seq: number;
  journeeId: string;
  partKey: string;
  registrationId: string;
  method: string;
  pngSha256: string | null;
  attestedReason: string | null;
  agentId: string | null;
  deviceId: string;
  door: string;
  clientIp: string | null;
  signedAt: Date;
  offline: boolean;
  clientSignedAt: Date | null;
  nonce: string;
};

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The hash before the first record: bound to the journée and the half-day. */
export function genesisHash(journeeId: string, partKey: string): string {
  return sha256(`emarge:feuille:v1|${journeeId}|${partKey}`);
}

export function recordHash(prevHash: string, r: ChainRecord): string {
  const fields = [
    "v1",
    prevHash,
    r.seq,
    r.journeeId,
    r.partKey,
    r.registrationId,
    r.method,
    r.pngSha256,
    r.attestedReason,
    r.agentId,
    r.deviceId,
    r.door,
    r.clientIp,
    r.signedAt.toISOString(),
    r.offline,
    r.clientSignedAt ? r.clientSignedAt.toISOString() : null,
    r.nonce,
  ];
  return sha256(JSON.stringify(fields));
}

export type StoredRecord = ChainRecord & { prevHash: string; recordHash: string; png?: Uint8Array | null };
export type ChainCheck = { valid: true } | { valid: false; brokenAtSeq: number; problem: ChainProblem };
export type ChainProblem = "missing_record" | "modified_record" | "image_changed" | "head_mismatch";

/**
 * Checks records (any order) against the genesis and the sheet's head: contiguous seqs from 1,
 * each prevHash the previous recordHash, each recordHash recomputed, each stored image hashing to
 * its pngSha256, and the last record being the head.
 */
export function verifyChain(
  journeeId: string,
  partKey: string,
  records: StoredRecord[],
  head: { seq: number; hash: string },
): ChainCheck {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  let prev = genesisHash(journeeId, partKey);
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    if (r.seq !== i + 1 || r.prevHash !== prev) return { valid: false, brokenAtSeq: i + 1, problem: "missing_record" };
    if (recordHash(prev, r) !== r.recordHash) return { valid: false, brokenAtSeq: r.seq, problem: "modified_record" };
    if (r.png && createHash("sha256").update(r.png).digest("hex") !== r.pngSha256) {
      return { valid: false, brokenAtSeq: r.seq, problem: "image_changed" };
    }
    prev = r.recordHash;
  }
  const headHash = head.seq === 0 ? genesisHash(journeeId, partKey) : head.hash;
  if (head.seq !== sorted.length || headHash !== prev) {
    return { valid: false, brokenAtSeq: sorted.length + 1, problem: "head_mismatch" };
  }
  return { valid: true };
}
