import { type NextRequest, NextResponse } from "next/server";
import { getSessionUser, requireUser, sessionLifetime, sessionToken } from "@/lib/auth/current-user";
import { recordScanBatch } from "@/lib/checkin/mutations";
import { registrationKey } from "@/lib/checkin/queries";
import { loadScanContext } from "@/lib/checkin/queries/scan-context";
import { ScanBatchSchema } from "@/lib/checkin/schema";
import { BODY_LIMITS, readJsonBody, tooLargeMessage } from "@/lib/http/body-limit";
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
 * Authorised by the session: canCheckIn on each scan's journée (recordScanBatch).
 * A batch is at most 50 scans and BODY_LIMITS.scanBatch (128 kB): 413 beyond, before parsing.
 */
export async function POST(request: NextRequest) {
  const started = performance.now();
  const { requestId, headers: noStore } = hotRouteHeaders(request);
  if (crossSite(request)) return NextResponse.json({ error: "unsupported" }, { status: 415, headers: noStore });
  const unauthenticated = () => NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  const token = await sessionToken();
  if (!token) return unauthenticated();
  const read = await readJsonBody(request, BODY_LIMITS.scanBatch);
  if (!read.ok && read.status === 413) {
    return NextResponse.json(
      { error: "too_large", message: tooLargeMessage(BODY_LIMITS.scanBatch) },
      { status: 413, headers: noStore },
    );
  }
  const parsed = ScanBatchSchema.safeParse(read.ok ? read.value : null);
  if (!parsed.success) {
    // Whoever is not signed in learns nothing about what they sent.
    if (!(await requireUser(getSessionUser)).ok) return unauthenticated();
    return NextResponse.json({ error: "invalid" }, { status: 400, headers: noStore });
  }
  const parsedAt = performance.now();
  const first = parsed.data.scans[0];
  let userId: string | undefined;
  try {
    // The session and the first ticket in one statement: one round trip less per scan.
    const context = await loadScanContext(token, sessionLifetime(), registrationKey(first), first.partKey);
    if (!context.user) return unauthenticated();
    userId = context.user.id;
    const readAt = performance.now();
    const prefetched = { scan: first, snapshot: context.snapshot };
    const answer = await recordScanBatch(context.user, parsed.data.scans, new Date(), prefetched);
    // Server-Timing: the time spent in the route, for the agent's browser tools and the benchmark.
    const ms = (from: number, to = performance.now()) => (to - from).toFixed(1);
    const timing = `parse;dur=${ms(started, parsedAt)}, read;dur=${ms(parsedAt, readAt)}, scan;dur=${ms(readAt)}, app;dur=${ms(started)}`;
    return NextResponse.json(answer, { headers: { ...noStore, "Server-Timing": timing } });
  } catch (error) {
    const ref = logUnexpected(error, { route: "POST /api/checkin", requestId, userId });
    return NextResponse.json({ error: "unexpected", ref }, { status: 500, headers: noStore });
  }
}
