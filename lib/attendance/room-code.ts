import { createHmac } from "node:crypto";
import { ROOM_CODE_ALPHABET } from "./schema";

/**
 * Room codes (issue 13 point 3): a 6-character code per half-day that changes every 30 seconds,
 * an HMAC of (journée, half-day, window) under the server secret. Only the current and the
 * previous window are accepted, so a code photographed and sent away dies within a minute;
 * without the secret nobody can compute the next one. Pure: the secret and the time are given.
 */
export const ROOM_WINDOW_MS = 30_000;

export const roomWindow = (at: Date) => Math.floor(at.getTime() / ROOM_WINDOW_MS);

export function roomCode(secret: string, journeeId: string, partKey: string, window: number): string {
  const mac = createHmac("sha256", secret).update(`emarge:salle:v1|${journeeId}|${partKey}|${window}`).digest();
  let code = "";
  // 31 letters: 6 bytes reduced modulo 31 (a bias below 1 %, irrelevant for a 60-second code).
  for (let i = 0; i < 6; i++) code += ROOM_CODE_ALPHABET[mac[i] % ROOM_CODE_ALPHABET.length];
  return code;
}

export function currentRoomCode(secret: string, journeeId: string, partKey: string, now: Date) {
  const window = roomWindow(now);
  return {
    code: roomCode(secret, journeeId, partKey, window),
    windowEndsAt: new Date((window + 1) * ROOM_WINDOW_MS),
  };
}

/** True when `code` is this half-day's code for the current or the previous window. */
export function isValidRoomCode(secret: string, journeeId: string, partKey: string, code: string, now: Date) {
  const window = roomWindow(now);
  const given = code.trim().toUpperCase();
  return [window, window - 1].some((w) => roomCode(secret, journeeId, partKey, w) === given);
}
