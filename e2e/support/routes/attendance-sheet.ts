import { seedAttendanceSheet } from "../attendance-sheet";

/**
 * Sheet page test hooks (e2e build only, see docs/decisions/016; 404 unless EMARGE_TEST_HOOKS=1). POST JSON:
 * - { op: "seed" } → { journeeId, slug, partKey } of a finished journée with statuses and requests to decide
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.EMARGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json().catch(() => ({}))) as { op?: string };
  if (body.op === "seed") return Response.json(await seedAttendanceSheet());
  return Response.json({ error: "op inconnue" }, { status: 400 });
}
