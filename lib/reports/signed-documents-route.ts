import { type NextRequest, NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request";
import { logUnexpected } from "@/lib/log";
import type { SignedDocument } from "./signed-documents";

/**
 * GET handler shared by /api/attendance/sheet-pdf and /api/attendance/proof-pdf: JSON reasons
 * (unauthenticated 401, invalid 400, not_found 404 — out of scope looks unknown), the PDF as an
 * attachment with a French file name, never a 500 (unexpected → 503 with a reference).
 */
export function signedDocumentRoute(
  where: string,
  partRequired: boolean,
  build: (
    user: CurrentUser,
    journeeId: string,
    partKey: string | null,
    ip: string | null,
  ) => Promise<SignedDocument | null>,
) {
  return async function GET(request: NextRequest): Promise<Response> {
    const headers = { "Cache-Control": "no-store" };
    const params = request.nextUrl.searchParams;
    const journeeId = params.get("journeeId") ?? "";
    const partKey = params.get("partKey") || null;
    try {
      const user = await getSessionUser();
      if (!user) return NextResponse.json({ ok: false, reason: "unauthenticated" }, { status: 401, headers });
      if (!journeeId || journeeId.length > 64 || (partKey?.length ?? 0) > 64 || (partRequired && !partKey))
        return NextResponse.json({ ok: false, reason: "invalid" }, { status: 400, headers });
      const doc = await build(user, journeeId, partKey, await clientIp());
      if (!doc) return NextResponse.json({ ok: false, reason: "not_found" }, { status: 404, headers });
      const ascii = doc.filename.normalize("NFD").replace(/[^\w.-]/g, "");
      return new Response(new Uint8Array(doc.pdf), {
        headers: {
          ...headers,
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (error) {
      const ref = logUnexpected(error, { route: where });
      return NextResponse.json({ ok: false, reason: "unexpected", ref }, { status: 503, headers });
    }
  };
}
