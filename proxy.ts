import type { NextRequest } from "next/server";
import { withRequestId } from "@/lib/http/request-id";

/** Runs before every page, action and route (Node.js runtime): gives each request its id. */
export function proxy(request: NextRequest) {
  return withRequestId(request);
}

export const config = {
  // Static assets need no id; everything that can log does.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
