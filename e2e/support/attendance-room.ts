import { roomCode, roomWindow } from "@/lib/attendance/room-code";
import { getDb } from "@/lib/db/client";
import { serverSecret } from "@/lib/security/secret";
import { manageToken } from "@/lib/security/tokens";

/**
 * Test hooks only (issue 13, room signing): the management link of a fixture's registration (the
 * e-mail carries it; tests have no mailbox for check-in fixtures) and a room code of a past window.
 */
export async function manageTokenOf(registrationId: string) {
  const db = await getDb();
  const reg = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { tokenSalt: true } });
  return { token: manageToken(reg.tokenSalt) };
}

/** A code that was valid `windowsAgo` windows ago (3 or more: expired). */
export function pastRoomCode(journeeId: string, partKey: string, windowsAgo: number) {
  return { code: roomCode(serverSecret(), journeeId, partKey, roomWindow(new Date()) - windowsAgo) };
}
