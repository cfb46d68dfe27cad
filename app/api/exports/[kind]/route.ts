import { getCurrentUser } from "@/lib/auth/current-user";
import { can, journeeScope } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request";
import { logUnexpected } from "@/lib/log";
import { buildExport } from "@/lib/reports/exports";
import { EXPORT_REFUSALS } from "@/lib/reports/labels";
import { auditExport } from "@/lib/reports/mutations";
import { exportCapability, parseExportRequest } from "@/lib/reports/schema";

const text = (message: string, status: number) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * GET /api/exports/[kind]?journeeId&partId&status&result — streamed file, audited. Readers of
 * reports for most kinds; organisers of the journée for its scan history (exportCapability): the
 * journée is looked up inside that scope, so someone else's journée is "not found".
 */
export async function GET(request: Request, ctx: { params: Promise<{ kind: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return text("Connectez-vous pour télécharger cet export.", 401);
  const parsed = parseExportRequest((await ctx.params).kind, new URL(request.url).searchParams);
  const capability = parsed ? exportCapability(parsed.kind) : "reports";
  if (!can(user, capability)) return text(EXPORT_REFUSALS.forbidden, 403);
  if (!parsed) return text(EXPORT_REFUSALS.invalid, 400);
  try {
    const result = await buildExport(journeeScope(user, capability), parsed.kind, parsed.filters);
    if (!result.ok) return text(EXPORT_REFUSALS[result.reason], result.reason === "unknown_journee" ? 404 : 400);
    await auditExport(user, parsed.kind, parsed.filters, { rows: result.rows, ip: await clientIp() });
    const ascii = result.filename.replace(/[^\w.-]/g, "_");
    const body = Buffer.isBuffer(result.body) ? new Uint8Array(result.body) : result.body;
    return new Response(body, {
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const ref = logUnexpected(error, { where: "export", kind: parsed.kind });
    return text(`L'export a échoué (référence ${ref}). Réessayez ou contactez l'équipe.`, 500);
  }
}
