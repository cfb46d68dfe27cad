import { headers } from "next/headers";
import { NextResponse } from "next/server";

/**
 * One id per HTTP request, set by proxy.ts on the request (for server code and logs) and on the
 * response (so a user or a reverse proxy can quote it). An incoming id from the reverse proxy is
 * kept only if it is short and plain, so a client cannot inject text into our logs.
 */
export const REQUEST_ID_HEADER = "x-request-id";
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function isSafeRequestId(value: string | null | undefined): value is string {
  return !!value && SAFE_ID.test(value);
}

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** For proxy.ts: passes the request on with its id, and echoes the id on the response. */
export function withRequestId(request: Request): NextResponse {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  const id = isSafeRequestId(incoming) ? incoming : newRequestId();
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, id);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set(REQUEST_ID_HEADER, id);
  return response;
}

/**
 * The current request's id in server code; null outside a request (scripts, the nightly job,
 * tests), where Next's headers() throws synchronously. Returns a promise only inside a request.
 */
export function pendingRequestId(): Promise<string | null> | null {
  let pending: Promise<Headers | { get(name: string): string | null }>;
  try {
    pending = headers();
  } catch {
    return null;
  }
  return pending.then(
    (h) => {
      const id = h.get(REQUEST_ID_HEADER);
      return isSafeRequestId(id) ? id : null;
    },
    () => null,
  );
}

export async function requestId(): Promise<string | null> {
  return (await pendingRequestId()) ?? null;
}

/**
 * For the hot JSON routes that proxy.ts skips (decision 012: the proxy pass costs about a
 * millisecond of CPU per request): the id from a trusted reverse proxy, or a new one. The route
 * echoes it on its response and passes it to its error logs.
 */
export function routeRequestId(request: Request): string {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  return isSafeRequestId(incoming) ? incoming : newRequestId();
}
