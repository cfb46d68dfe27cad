import { getDb } from "@/lib/db/client";
import { type ExportJourneeWindows, exportWindows } from "../attendance-columns";

/** Each exported journée's half-days and lateness tolerance, for the attendance columns. */
export async function exportJourneeWindows(ids: string[]): Promise<Map<string, ExportJourneeWindows>> {
  const db = await getDb();
  const rows = await db.journee.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      lateToleranceMinutes: true,
      parts: { select: { id: true, kind: true, title: true, startsAt: true, endsAt: true, position: true } },
    },
  });
  return new Map(rows.map((j) => [j.id, { windows: exportWindows(j), lateToleranceMinutes: j.lateToleranceMinutes }]));
}
