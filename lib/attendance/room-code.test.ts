import { describe, expect, it } from "vitest";
import { currentRoomCode, isValidRoomCode, ROOM_WINDOW_MS } from "./room-code";
import { ROOM_CODE_ALPHABET } from "./schema";

const secret = "s".repeat(40);
const t0 = new Date("2026-12-03T13:30:05Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("room codes", () => {
  it("6 characters of the alphabet, changing every 30 s", () => {
    const { code, windowEndsAt } = currentRoomCode(secret, "j1", "p1", t0);
    expect(code).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{6}$`));
    expect(windowEndsAt.getTime() % ROOM_WINDOW_MS).toBe(0);
    expect(currentRoomCode(secret, "j1", "p1", later(ROOM_WINDOW_MS)).code).not.toBe(code);
  });
  it("accepts the current and the previous window, refuses older, forged, other half-day, other journée", () => {
    const { code } = currentRoomCode(secret, "j1", "p1", t0);
    expect(isValidRoomCode(secret, "j1", "p1", code, t0)).toBe(true);
    expect(isValidRoomCode(secret, "j1", "p1", code.toLowerCase(), later(ROOM_WINDOW_MS))).toBe(true);
    expect(isValidRoomCode(secret, "j1", "p1", code, later(2 * ROOM_WINDOW_MS))).toBe(false);
    expect(isValidRoomCode("t".repeat(40), "j1", "p1", code, t0)).toBe(false);
    expect(isValidRoomCode(secret, "j1", "p2", code, t0)).toBe(false);
    expect(isValidRoomCode(secret, "j2", "p1", code, t0)).toBe(false);
  });
});
