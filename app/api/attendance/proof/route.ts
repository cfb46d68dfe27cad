import { type NextRequest, NextResponse } from "next/server";
import { proofRecords } from "@/lib/attendance/queries/proof";
import { getSessionUser } from "@/lib/auth/current-user";
import { logUnexpected } from "@/lib/log";

/**
 * GET ?journeeId&partKey → the half-day's proof file as JSON (« dossier de preuve »), for staff
 * with report rights on the journée (scoped in the query). The countersignature image is base64.
 */
export async function GET(request: NextRequest) {
  const headers = { "Cache-Control": "no-store" };
  const journeeId = request.nextUrl.searchParams.get("journeeId")?.slice(0, 64) ?? "";
  const partKey = request.nextUrl.searchParams.get("partKey")?.slice(0, 64) ?? "";
  try {
    const user = await getSessionUser();
    if (!user) return NextResponse.json({ ok: false, reason: "unauthenticated" }, { status: 401, headers });
    const file = journeeId && partKey ? await proofRecords(user, journeeId, partKey) : null;
    if (!file) return NextResponse.json({ ok: false, reason: "not_found" }, { status: 404, headers });
    const { countersignature, ...sheet } = file.sheet;
    const body = {
      ...file,
      sheet: {
        ...sheet,
        countersignature: countersignature && {
          ...countersignature,
          png: Buffer.from(countersignature.png).toString("base64"),
        },
      },
    };
    const name = `dossier-de-preuve-${journeeId}-${partKey}.json`;
    return new NextResponse(JSON.stringify(body, null, 2), {
      headers: {
        ...headers,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
      },
    });
  } catch (error) {
    const ref = logUnexpected(error, { route: "GET /api/attendance/proof" });
    return NextResponse.json({ ok: false, reason: "unexpected", ref }, { status: 503, headers });
  }
}
