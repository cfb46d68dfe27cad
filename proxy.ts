import type { NextRequest } from "next/server";
import { withRequestId } from "@/lib/http/request-id";

/** Runs before every page, action and route (Node.js runtime): gives each request its id. */
export function proxy(request: NextRequest) {
  return withRequestId(request);
}

export const config = {
  // Static assets need no id; everything that can log does. The three hot JSON routes (a scan,
  // live counts, a registration) set their own id: see routeRequestId and decision 012.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|api/checkin$|api/checkin/counts$|api/inscriptions$).*)",
  ],
};
