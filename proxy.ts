import type { NextRequest } from "next/server";
import { refuseOversizedBody } from "@/lib/http/body-limit";
import { withRequestId } from "@/lib/http/request-id";

/** A path that does not decode (e.g. "/journees/%E0%A4%A"): Next would answer 500 on it. */
function malformedPath(request: NextRequest): Response | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    return new Response("Adresse invalide.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
}

/**
 * Runs before every page, action and route (Node.js runtime): refuses malformed paths and
 * oversized bodies early (decision 015), and gives each request its id.
 */
export function proxy(request: NextRequest) {
  return malformedPath(request) ?? refuseOversizedBody(request) ?? withRequestId(request);
}

export const config = {
  // Static assets need no id; everything that can log does. The three hot JSON routes (a scan,
  // live counts, a registration) set their own id and check their own body size: see
  // routeRequestId, lib/http/body-limit.ts and decision 012.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|api/checkin$|api/checkin/counts$|api/inscriptions$).*)",
  ],
};
