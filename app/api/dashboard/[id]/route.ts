import { getCurrentUser } from "@/lib/auth/current-user";
import { canReadReports, journeeScope } from "@/lib/auth/permissions";
import { getJourneeDashboard } from "@/lib/reports/queries/dashboards";

/** GET /api/dashboard/[id] — the journée's live counts (JSON), polled by its dashboard every 5 s. */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!canReadReports(user)) return Response.json({ error: "forbidden" }, { status: 403 });
  const data = await getJourneeDashboard(journeeScope(user, "reports"), (await ctx.params).id);
  if (!data) return Response.json({ error: "not_found" }, { status: 404 });
  return Response.json(data, { headers: { "Cache-Control": "no-store" } });
}
