/**
 * Request body caps (decision 015): a body is refused with 413 before it is parsed, on its
 * Content-Length when it has one, otherwise while it is read. Nothing unbounded is walked.
 */
export const BODY_LIMITS = {
  /** POST /api/inscriptions: one person's registration is about 1 kB. */
  registration: 64 * 1024,
  /** POST /api/checkin: at most 50 scans of well under 1 kB each (ScanBatchSchema). */
  scanBatch: 128 * 1024,
  /**
   * POST /api/attendance/* (signature, attest, departure): one signature PNG of at most 40 kB
   * (SIGNATURE_LIMITS), about 53 kB as base64, plus a few short fields; room to spare, no more.
   */
  attendance: 96 * 1024,
  /** Server actions and form posts (next.config.ts serverActions.bodySizeLimit, checked in proxy.ts). */
  serverAction: 200 * 1024,
  /** What Next buffers of a body for proxy.ts (next.config.ts proxyClientMaxBodySize). */
  proxyBuffer: 1024 * 1024,
} as const;

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 };

function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/** The body as JSON, read at most `maxBytes` bytes: 413 beyond, 400 when it is not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > maxBytes) return { ok: false, status: 413 };
  if (!request.body) return { ok: false, status: 400 };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks, size).toString("utf8")) };
  } catch {
    return { ok: false, status: 400 };
  }
}

export function tooLargeMessage(maxBytes: number): string {
  return `Requête trop volumineuse : ${Math.round(maxBytes / 1024)} ko au maximum.`;
}

/**
 * For proxy.ts: a POST to a page or a server action must declare its length, within the
 * server-action limit (Next itself would read the body first, then answer 500 for a fetch action).
 * Route handlers under /api/ check their own limits; only an over-long declared length is
 * refused for them here.
 */
export function refuseOversizedBody(request: Request): Response | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const limit = BODY_LIMITS.serverAction;
  const declared = declaredLength(request.headers);
  const text = (status: number, message: string) =>
    new Response(message, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  if (declared !== null) return declared > limit ? text(413, tooLargeMessage(limit)) : null;
  const isApi = new URL(request.url).pathname.startsWith("/api/");
  const chunked = /chunked/i.test(request.headers.get("transfer-encoding") ?? "");
  if (chunked && (!isApi || request.headers.has("next-action"))) {
    return text(411, "Longueur de la requête manquante (en-tête Content-Length requis).");
  }
  return null;
}
