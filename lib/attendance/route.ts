import { type NextRequest, NextResponse } from "next/server";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request";
import { BODY_LIMITS, readJsonBody, tooLargeMessage } from "@/lib/http/body-limit";
import { hotRouteHeaders } from "@/lib/http/no-compress";
import { logUnexpected } from "@/lib/log";

type Handler<T> = (input: T, ctx: { user: CurrentUser; clientIp: string | null }) => Promise<object>;

/**
 * The scanner's JSON routes of the signed émargement: same site and JSON only, the staff session
 * (401 otherwise), the body read within BODY_LIMITS.attendance (413 `too_large` beyond, before
 * parsing: decision 015) and validated by the shared schema (`{ ok: false, reason: "invalid" }`),
 * then the handler's answer. An unexpected error is logged with a reference — never the body,
 * which may hold a signature — and answered 503 (the offline queue retries), never 500.
 */
export function staffJsonRoute<S extends z.ZodType>(name: string, schema: S, handler: Handler<z.infer<S>>) {
  return async (request: NextRequest) => {
    const { requestId, headers } = hotRouteHeaders(request);
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("application/json") || request.headers.get("sec-fetch-site") === "cross-site") {
      return NextResponse.json({ ok: false, reason: "invalid" }, { status: 415, headers });
    }
    let userId: string | undefined;
    try {
      const user = await getSessionUser();
      if (!user) return NextResponse.json({ ok: false, reason: "unauthenticated" }, { status: 401, headers });
      userId = user.id;
      const read = await readJsonBody(request, BODY_LIMITS.attendance);
      if (!read.ok && read.status === 413) {
        const message = tooLargeMessage(BODY_LIMITS.attendance);
        return NextResponse.json({ ok: false, reason: "too_large", message }, { status: 413, headers });
      }
      const parsed = schema.safeParse(read.ok ? read.value : null);
      if (!parsed.success) return NextResponse.json({ ok: false, reason: "invalid" }, { status: 400, headers });
      const answer = await handler(parsed.data, { user, clientIp: await clientIp() });
      return NextResponse.json(answer, { headers });
    } catch (error) {
      const ref = logUnexpected(error, { route: name, requestId, userId });
      return NextResponse.json({ ok: false, reason: "unexpected", ref }, { status: 503, headers });
    }
  };
}
