import { REQUEST_ID_HEADER, routeRequestId } from "./request-id";

/**
 * Headers for small, frequent JSON answers (a scan, a registration, live counts): not cached, and
 * `no-transform` so that Next's built-in compression leaves them alone. Gzipping a 300-byte answer
 * costs the server more (a zlib stream per response, ~1 ms of CPU) than it saves on the wire,
 * and these routes sit on the hot path of the check-in and registration benchmarks.
 */
export const SMALL_JSON_HEADERS = { "Cache-Control": "no-store, no-transform" } as const;

/** A hot route's id (routeRequestId) and the headers of each of its answers, id echoed. */
export function hotRouteHeaders(request: Request): { requestId: string; headers: Record<string, string> } {
  const requestId = routeRequestId(request);
  return { requestId, headers: { ...SMALL_JSON_HEADERS, [REQUEST_ID_HEADER]: requestId } };
}
