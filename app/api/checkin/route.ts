import { type NextRequest, NextResponse } from "next/server";
import { getSessionUser, requireUser } from "@/lib/auth/current-user";
import { recordScanBatch } from "@/lib/checkin/mutations";
import { ScanBatchSchema } from "@/lib/checkin/schema";
import { hotRouteHeaders } from "@/lib/http/no-compress";
import { logUnexpected } from "@/lib/log";

/** JSON only, same site: a cross-site form cannot post here with the session cookie. */
function crossSite(request: NextRequest): boolean {
  const type = request.headers.get("content-type") ?? "";
  const site = request.headers.get("sec-fetch-site");
  return !type.startsWith("application/json") || site === "cross-site";
}

/**
 * POST { scans: [{ nonce, ticket | registrationId, journeeId, partKey, door, deviceId, scannedAt, method }] }
 * → { results: [{ nonce, result, details } | { nonce, error }] }, in the same order.
 * Authorised by the session: canCheckIn on each scan's journée.
 */
export async function POST(request: NextRequest) {
  const { requestId, headers: noStore } = hotRouteHeaders(request);
  if (crossSite(request)) return NextResponse.json({ error: "unsupported" }, { status: 415, headers: noStore });
  const auth = await requireUser(getSessionUser);
  if (!auth.ok) return NextResponse.json({ error: auth.reason }, { status: 401, headers: noStore });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: "invalid" }, { status: 400, headers: noStore });
  }
  const parsed = ScanBatchSchema.safeParse(body);
  if (!parsed.success) return NextResponse.json({ error: "invalid" }, { status: 400, headers: noStore });
  try {
    return NextResponse.json(await recordScanBatch(auth.user, parsed.data.scans), { headers: noStore });
  } catch (error) {
    const ref = logUnexpected(error, { route: "POST /api/checkin", requestId, userId: auth.user.id });
    return NextResponse.json({ error: "unexpected", ref }, { status: 500, headers: noStore });
  }
}
