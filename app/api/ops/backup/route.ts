import { log, logUnexpected } from "@/lib/log";
import { takeBackupInProcess } from "@/lib/ops/mutations";
import { isValidOpsToken } from "@/lib/ops/ops-token";

export const dynamic = "force-dynamic";

/** Called by `npm run backup` when the app holds the embedded database. */
export async function POST(request: Request) {
  if (!isValidOpsToken("backup", request.headers.get("x-emarge-ops-token"))) {
    return Response.json({ ok: false, reason: "forbidden" }, { status: 403 });
  }
  try {
    const file = await takeBackupInProcess("npm run backup (serveur)");
    log("info", "backup_done", { file });
    return Response.json({ ok: true, file });
  } catch (error) {
    const ref = logUnexpected(error, { where: "ops.backup" });
    return Response.json({ ok: false, reason: "unexpected", ref }, { status: 500 });
  }
}
