import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSessionFor } from "@/e2e/support/sessions";
import { ensureUserWithGrant } from "@/lib/auth/mutations";
import { loadUserBySessionToken } from "@/lib/auth/queries";
import { recordScanBatch, registerWalkIn } from "@/lib/checkin/mutations";
import { getCheckInJournee, listScans } from "@/lib/checkin/queries";
import { WalkInSchema } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { listSheetRows } from "@/lib/reports/queries";
import { iterateScanRows } from "@/lib/reports/queries/scans";
import { ticketPayload } from "@/lib/security/tokens";
import { insertRegistration, makeJournee, onlineScan } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * Issue 15 point 3 (decision 017): an offline scan or walk-in may reach the server until the door
 * closes + 12 h. Past that it is refused (no backdated presence in a finished journée); within it,
 * after the door closed, it is accepted, marked as a late sync in the history, the export and the
 * sheet, and audited.
 */
const H = 3600_000;
const AGES = { maxAgeS: 8 * 3600, updateAgeS: 15 * 60 };

async function journeeThatEnded(hoursAgo: number) {
  const end = new Date(Date.now() - hoursAgo * H);
  const j = await makeJournee({ startsAt: new Date(end.getTime() - 8 * H), endsAt: end });
  const journee = await getCheckInJournee({}, j.id);
  if (!journee) throw new Error("journée");
  const { userId } = await ensureUserWithGrant({
    email: `agent-late-${randomUUID().slice(0, 6)}@example.org`,
    grant: { role: "ORGANISATEUR", partnerId: journee.partnerId },
  });
  const { sessionToken } = await createSessionFor(userId, AGES.maxAgeS);
  const user = await loadUserBySessionToken(sessionToken, AGES);
  if (!user) throw new Error("user");
  return { journee, user };
}

function offlineScanDuring(journee: { id: string; startsAt: Date }, ticket: string) {
  return {
    ...onlineScan(journee.id, ticket, "Porte A"),
    scannedAt: new Date(journee.startsAt.getTime() + H),
    offline: true,
    localResult: "ok" as const,
  };
}

const walkIn = (journee: { id: string; startsAt: Date }) =>
  WalkInSchema.parse({
    journeeId: journee.id,
    partKey: "journee",
    firstName: "Tardif",
    lastName: "Horsligne",
    structure: "Asso",
    structureType: "ASSOCIATION",
    nonce: randomUUID(),
    forceOverCapacity: false,
    offline: true,
    scannedAt: new Date(journee.startsAt.getTime() + H).toISOString(),
  });

describe(`late offline syncs (${testDbKind()})`, () => {
  it("an offline scan dated inside a journée that ended two days ago is refused", async () => {
    const { journee, user } = await journeeThatEnded(48);
    const person = await insertRegistration(journee.id, "backdated@example.org");
    const { results } = await recordScanBatch(user, [offlineScanDuring(journee, ticketPayload(person.tokenSalt))]);
    expect(results[0]).toMatchObject({ error: "too_late" });
    const db = await getDb();
    expect(await db.checkIn.count({ where: { registrationId: person.id } })).toBe(0);
  });

  it("an offline walk-in after the grace creates nobody", async () => {
    const { journee } = await journeeThatEnded(48);
    const actor = { userId: null, name: "agent", mayOverCapacity: true };
    expect(await registerWalkIn(walkIn(journee), journee, actor)).toMatchObject({ ok: false, reason: "too_late" });
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(0);
  });

  it("within the grace, after the door closed: accepted, marked late everywhere, audited", async () => {
    const { journee, user } = await journeeThatEnded(1);
    const person = await insertRegistration(journee.id, "late-sync@example.org");
    const scan = offlineScanDuring(journee, ticketPayload(person.tokenSalt));
    const { results } = await recordScanBatch(user, [scan]);
    expect(results[0]).toMatchObject({ result: "ok" });

    const db = await getDb();
    const audit = await db.auditLog.findMany({ where: { action: "checkin.late_sync", entityId: journee.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ nonce: scan.nonce, result: "ok" });

    const [history] = await listScans({}, journee.id);
    expect(history).toMatchObject({ offline: true });
    expect(history.receivedAt.getTime()).toBeGreaterThan(journee.endsAt.getTime());

    const exported = [];
    for await (const page of iterateScanRows({}, { journeeId: journee.id } as never)) exported.push(...page);
    expect(exported).toMatchObject([{ lateSync: true, offline: true }]);

    const sheet = await listSheetRows({}, { journeeId: journee.id, status: "all" } as never);
    expect(sheet).toMatchObject([{ lastName: person.lastName, lateSync: true }]);

    // A retry of the same scan is a replay: not audited twice.
    await recordScanBatch(user, [scan]);
    expect(await db.auditLog.count({ where: { action: "checkin.late_sync", entityId: journee.id } })).toBe(1);
  });

  it("an offline scan synced while the door is open is not a late sync", async () => {
    const { journee, user } = await journeeThatEnded(-2);
    const person = await insertRegistration(journee.id, "on-time@example.org");
    const { results } = await recordScanBatch(user, [offlineScanDuring(journee, ticketPayload(person.tokenSalt))]);
    expect(results[0]).toMatchObject({ result: "ok" });
    const sheet = await listSheetRows({}, { journeeId: journee.id, status: "all" } as never);
    expect(sheet).toMatchObject([{ lateSync: false }]);
    const db = await getDb();
    expect(await db.auditLog.count({ where: { action: "checkin.late_sync", entityId: journee.id } })).toBe(0);
  });
});
