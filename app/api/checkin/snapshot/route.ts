import { type NextRequest, NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/current-user";
import { canCheckIn, journeeScope } from "@/lib/auth/permissions";
import { getCheckInJournee, getOfflineSnapshot } from "@/lib/checkin/queries";
import { logUnexpected } from "@/lib/log";

const noStore = { "Cache-Control": "no-store, private" };

/**
 * GET ?journeeId=… → the offline snapshot of a journée (decision 009), for a scanner that may lose
 * the network: no e-mail, phone or accessibility needs. Session + canCheckIn; never cached.
 */
export async function GET(request: NextRequest) {
  const auth = await requireUser();
  if (!auth.ok) return NextResponse.json({ error: auth.reason }, { status: 401, headers: noStore });
  const journeeId = request.nextUrl.searchParams.get("journeeId") ?? "";
  if (!journeeId || journeeId.length > 64)
    return NextResponse.json({ error: "invalid" }, { status: 400, headers: noStore });
  try {
    const scope = journeeScope(auth.user, "checkIn");
    const journee = await getCheckInJournee(scope, journeeId);
    const snapshot = journee && canCheckIn(auth.user, journee) ? await getOfflineSnapshot(scope, journeeId) : null;
    if (!snapshot) return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
    return NextResponse.json(snapshot, { headers: noStore });
  } catch (error) {
    const ref = logUnexpected(error, { route: "GET /api/checkin/snapshot", userId: auth.user.id });
    return NextResponse.json({ error: "unexpected", ref }, { status: 500, headers: noStore });
  }
}
