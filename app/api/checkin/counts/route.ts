import { type NextRequest, NextResponse } from "next/server";
import { getSessionUser, requireUser } from "@/lib/auth/current-user";
import { canCheckIn, journeeScope } from "@/lib/auth/permissions";
import { getCheckInJournee, getCounts } from "@/lib/checkin/queries";
import { hotRouteHeaders } from "@/lib/http/no-compress";

/** GET ?journeeId=…&partKey=… → live counts (present / expected, per door), polled by the scanner. */
export async function GET(request: NextRequest) {
  const { headers: noStore } = hotRouteHeaders(request);
  const auth = await requireUser(getSessionUser);
  if (!auth.ok) return NextResponse.json({ error: auth.reason }, { status: 401, headers: noStore });
  const journeeId = request.nextUrl.searchParams.get("journeeId") ?? "";
  const partKey = request.nextUrl.searchParams.get("partKey") ?? "";
  if (!journeeId || !partKey || journeeId.length > 64 || partKey.length > 64) {
    return NextResponse.json({ error: "invalid" }, { status: 400, headers: noStore });
  }
  const scope = journeeScope(auth.user, "checkIn");
  const journee = await getCheckInJournee(scope, journeeId);
  if (!journee || !canCheckIn(auth.user, journee)) {
    return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  }
  return NextResponse.json(await getCounts(scope, journeeId, partKey), { headers: noStore });
}
