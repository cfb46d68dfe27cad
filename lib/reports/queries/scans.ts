import { isLateSync } from "@/lib/checkin/evaluate";
import { agentDisplayName } from "@/lib/checkin/labels";
import { scanHistorySelect } from "@/lib/checkin/queries";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Scope } from "../queries";
import type { ExportFilters } from "../schema";

/**
 * The scan history of one journée for its export: every ScanEvent, oldest first, 1,000 a page
 * (cursor on scannedAt then id). `scope` is journeeScope(user, "manage"), inside the where.
 */
export type ScanExportRow = {
  scannedAt: Date;
  door: string;
  deviceId: string;
  agent: string;
  method: string;
  result: string;
  offline: boolean;
  receivedAt: Date;
  /** Offline scan received after the door closed (decision 017). */
  lateSync: boolean;
  /** Null for a ticket that names nobody (unknown, forged). */
  person: { lastName: string; firstName: string; structure: string } | null;
  partTitle: string;
};

function scanWhere(scope: Scope, f: ExportFilters & { journeeId: string }): Prisma.ScanEventWhereInput {
  return {
    journeeId: f.journeeId,
    journee: scope,
    ...(f.partId ? { partKey: f.partId } : {}),
    ...(f.result ? { result: f.result } : {}),
  };
}

export async function countScanRows(scope: Scope, f: ExportFilters & { journeeId: string }): Promise<number> {
  const db = await getDb();
  return db.scanEvent.count({ where: scanWhere(scope, f) });
}

export async function* iterateScanRows(
  scope: Scope,
  f: ExportFilters & { journeeId: string },
  batch = 1000,
): AsyncGenerator<ScanExportRow[]> {
  const db = await getDb();
  const where = scanWhere(scope, f);
  const parts = await db.journeePart.findMany({ where: { journeeId: f.journeeId }, select: { id: true, title: true } });
  const partTitle = new Map(parts.map((p) => [p.id, p.title]));
  const journee = await db.journee.findFirst({
    where: { id: f.journeeId, ...scope },
    select: { startsAt: true, endsAt: true },
  });
  if (!journee) return;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.scanEvent.findMany({
      where,
      orderBy: [{ scannedAt: "asc" }, { id: "asc" }],
      take: batch,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: scanHistorySelect,
    });
    if (page.length) {
      yield page.map((s) => ({
        scannedAt: s.scannedAt,
        door: s.door,
        deviceId: s.deviceId,
        agent: agentDisplayName(s.agent),
        method: s.method,
        result: s.result,
        offline: s.offline,
        receivedAt: s.receivedAt,
        lateSync: isLateSync(s, journee),
        person: s.registration,
        partTitle: partTitle.get(s.partKey) ?? "Journée",
      }));
    }
    if (page.length < batch) return;
    cursor = page[page.length - 1].id;
  }
}
