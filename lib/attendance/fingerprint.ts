import { createHash, randomInt } from "node:crypto";
import { ROOM_CODE_ALPHABET } from "./schema";

/**
 * A closed sheet's verification code (random, printed in the footer, looked up on
 * /attestations/verifier) and fingerprint: a hash of the chain head (which covers every record),
 * the countersignature image and the closing time, shown as 4 groups of 4 hex characters.
 * Pure except for the random code.
 */
export function sheetFingerprint(s: {
  journeeId: string;
  partKey: string;
  headSeq: number;
  headHash: string;
  countersignSha256: string;
  closedAt: Date;
}): string {
  const hex = createHash("sha256")
    .update(
      JSON.stringify([
        "v1",
        s.journeeId,
        s.partKey,
        s.headSeq,
        s.headHash,
        s.countersignSha256,
        s.closedAt.toISOString(),
      ]),
    )
    .digest("hex")
    .slice(0, 16)
    .toUpperCase();
  return hex.match(/.{4}/g)?.join("-") ?? hex;
}

export function newVerificationCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return `EM-${code}`;
}

/** What a person types: case, spaces and dashes are forgiven. */
export const normaliseFingerprint = (value: string) =>
  value
    .toUpperCase()
    .replace(/[^0-9A-F]/g, "")
    .replace(/(.{4})(?=.)/g, "$1-");
