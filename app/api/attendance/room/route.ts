import { type NextRequest, NextResponse } from "next/server";
import { roomStatus } from "@/lib/attendance/queries/room";
import { currentRoomCode } from "@/lib/attendance/room-code";
import { getSessionUser } from "@/lib/auth/current-user";
import { hotRouteHeaders } from "@/lib/http/no-compress";
import { logUnexpected } from "@/lib/log";
import { appUrl } from "@/lib/registration/emails";
import { serverSecret } from "@/lib/security/secret";

/**
 * GET ?journeeId&partKey → { code, qrUrl, windowEndsAt, signatures, present } for the room screen
 * (staff with check-in rights on the journée; polled every few seconds). Never 500.
 */
export async function GET(request: NextRequest) {
  const { requestId, headers } = hotRouteHeaders(request);
  const journeeId = request.nextUrl.searchParams.get("journeeId")?.slice(0, 64) ?? "";
  const partKey = request.nextUrl.searchParams.get("partKey")?.slice(0, 64) ?? "";
  try {
    const user = await getSessionUser();
    if (!user) return NextResponse.json({ ok: false, reason: "unauthenticated" }, { status: 401, headers });
    const status = journeeId && partKey ? await roomStatus(user, journeeId, partKey) : null;
    if (!status) return NextResponse.json({ ok: false, reason: "forbidden" }, { status: 403, headers });
    if (status === "scan_only") return NextResponse.json({ ok: false, reason: status }, { status: 409, headers });
    const { code, windowEndsAt } = currentRoomCode(serverSecret(), journeeId, partKey, new Date());
    const qrUrl = `${appUrl()}/signer?code=${code}`;
    return NextResponse.json({ code, qrUrl, windowEndsAt: windowEndsAt.toISOString(), ...status }, { headers });
  } catch (error) {
    const ref = logUnexpected(error, { route: "GET /api/attendance/room", requestId });
    return NextResponse.json({ ok: false, reason: "unexpected", ref }, { status: 503, headers });
  }
}
