import { after, type NextRequest, NextResponse } from "next/server";
import { hotRouteHeaders } from "@/lib/http/no-compress";
import { clientIp } from "@/lib/rate-limit/rules";
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
 * 201 confirmed or waitlisted; 4xx with a French message otherwise; 429 with Retry-After.
 */
export async function POST(request: NextRequest) {
  const { requestId, headers: json } = hotRouteHeaders(request);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json(
      { ok: false, reason: "invalid", message: "Corps JSON invalide." },
      { status: 400, headers: json },
    );
  }
  const outcome = await submitRegistration(body, {
    ip: clientIp(request.headers),
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
