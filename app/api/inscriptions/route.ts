import { after, type NextRequest, NextResponse } from "next/server";
import { BODY_LIMITS, readJsonBody, tooLargeMessage } from "@/lib/http/body-limit";
import { rateLimitAddress } from "@/lib/http/client-address";
import { hotRouteHeaders } from "@/lib/http/no-compress";
import { appUrl } from "@/lib/registration/emails";
import { submitRegistration } from "@/lib/registration/submit";

const STATUS_BY_REASON: Record<string, number> = {
  invalid: 422,
  invalid_part: 422,
  honeypot: 422,
  unknown_journee: 404,
  already_registered: 409,
  part_full: 409,
  option_full: 409,
  not_open_yet: 409,
  closed: 409,
  past: 409,
  cancelled: 409,
  rate_limited: 429,
  unexpected: 503,
};

/**
 * JSON registration (same schema, same rate limit, same transaction as the form).
 * 201 confirmed or waitlisted; 4xx with a French message otherwise; 429 with Retry-After;
 * 413 beyond BODY_LIMITS.registration (64 kB), refused before anything is parsed.
 */
export async function POST(request: NextRequest) {
  const { requestId, headers: json } = hotRouteHeaders(request);
  const read = await readJsonBody(request, BODY_LIMITS.registration);
  if (!read.ok) {
    const tooLarge = read.status === 413;
    return NextResponse.json(
      tooLarge
        ? { ok: false, reason: "too_large", message: tooLargeMessage(BODY_LIMITS.registration) }
        : { ok: false, reason: "invalid", message: "Corps JSON invalide." },
      { status: read.status, headers: json },
    );
  }
  const outcome = await submitRegistration(read.value, {
    ip: rateLimitAddress(request.headers),
    requestId,
    defer: (task) => after(task),
  });
  if (outcome.ok) {
    const { manageToken, ...rest } = outcome;
    return NextResponse.json(
      { ...rest, manageUrl: `${appUrl()}/inscription/${manageToken}` },
      { status: 201, headers: json },
    );
  }
  const { values: _values, ...answer } = outcome;
  const status = STATUS_BY_REASON[outcome.reason] ?? 400;
  const headers = outcome.retryAfterS ? { ...json, "Retry-After": String(outcome.retryAfterS) } : json;
  return NextResponse.json(answer, { status, headers });
}
