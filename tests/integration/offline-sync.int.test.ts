import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { recordScanBatch, registerWalkIn } from "@/lib/checkin/mutations";
import { getCheckInJournee, getOfflineSnapshot } from "@/lib/checkin/queries";
import { type ScanRequest, WalkInSchema } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { ticketPayload } from "@/lib/security/tokens";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/** Offline scans synced later (decision 009): exactly once, dated at the door, conflicts recorded. */
const H = 3600_000;
const MIN = 60_000;

async function journeeAt(startOffsetMs: number, extra = {}) {
  const start = new Date(Date.now() + startOffsetMs);
  const j = await makeJournee({ startsAt: start, endsAt: new Date(start.getTime() + 8 * H), ...extra });
  const journee = await getCheckInJournee({}, j.id);
  if (!journee) throw new Error("journée");
  return journee;
}

async function agent(email: string): Promise<CurrentUser> {
  const db = await getDb();
  const u = await db.user.create({ data: { email, name: email.split("@")[0] } });
  return { id: u.id, email, name: u.name, grants: [{ role: "ADMIN", partnerId: null, journeeId: null }] };
}

const offline = (journeeId: string, ticket: string, agoMs: number, over: Partial<ScanRequest> = {}): ScanRequest => ({
  nonce: randomUUID().replaceAll("-", ""),
  ticket,
  journeeId,
  partKey: "journee",
  door: "Porte A",
  deviceId: "tel-a",
  scannedAt: new Date(Date.now() - agoMs),
  method: "QR",
  offline: true,
  localResult: "ok",
  ...over,
});

describe(`offline sync (${testDbKind()})`, () => {
  it("two devices offline on one ticket: one presence at the earliest time, the other an offline_conflict", async () => {
    const db = await getDb();
    const [a, b] = [await agent("a.offline@example.org"), await agent("b.offline@example.org")];
    const j = await journeeAt(-H);
    const reg = await insertRegistration(j.id, "p1@example.org");
    const other = await insertRegistration(j.id, "p2@example.org");
    const t = ticketPayload(reg.tokenSalt);
    const scanA = offline(j.id, t, 20 * MIN);
    const rescanA = offline(j.id, t, 19 * MIN, { localResult: "already_checked_in" });
    const scanB = offline(j.id, t, 10 * MIN, { door: "Porte B", deviceId: "tel-b" });

    const first = await recordScanBatch(a, [scanA, rescanA]);
    expect(first.results.map((r) => ("result" in r ? r.result : r.error))).toEqual(["ok", "already_checked_in"]);
    const second = await recordScanBatch(b, [scanB]);
    expect(second.results[0]).toMatchObject({ result: "offline_conflict", details: { checkIn: { door: "Porte A" } } });
    // Sent again (the answer was lost): replayed, nothing counted twice.
    const again = await recordScanBatch(a, [scanA, rescanA]);
    expect(again.results).toMatchObject([
      { result: "ok", details: { replayed: true } },
      { result: "already_checked_in" },
    ]);

    const checkIns = await db.checkIn.findMany({ where: { registrationId: reg.id } });
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]).toMatchObject({ offline: true, door: "Porte A", checkedInAt: scanA.scannedAt });
    const events = await db.scanEvent.findMany({ where: { registrationId: reg.id }, orderBy: { scannedAt: "asc" } });
    expect(events.map((e) => [e.result, e.offline])).toEqual([
      ["ok", true],
      ["already_checked_in", true],
      ["offline_conflict", true],
    ]);
    expect(events[0].receivedAt.getTime()).toBeGreaterThan(events[0].scannedAt.getTime());

    // Synced in the other order: still one presence, dated at the earliest scan, which holds it
    // (the later scan, recorded ok first, is relabelled offline_conflict — decision 011).
    const t2 = ticketPayload(other.tokenSalt);
    const early = offline(j.id, t2, 30 * MIN);
    const late = offline(j.id, t2, 5 * MIN, { deviceId: "tel-b" });
    expect((await recordScanBatch(b, [late])).results[0]).toMatchObject({ result: "ok" });
    expect((await recordScanBatch(a, [early])).results[0]).toMatchObject({ result: "ok", details: { tookOver: true } });
    const [presence] = await db.checkIn.findMany({ where: { registrationId: other.id } });
    expect(presence).toMatchObject({ checkedInAt: early.scannedAt, deviceId: "tel-a" });
    expect(await db.checkIn.count({ where: { journeeId: j.id } })).toBe(2);

    // An online scan afterwards keeps the online vocabulary.
    const online = { ...offline(j.id, t, 0), offline: false, localResult: undefined };
    expect((await recordScanBatch(a, [online])).results[0]).toMatchObject({ result: "already_checked_in" });
  });

  it("evaluates at the scan time, refuses impossible times, reports a ticket cancelled meanwhile", async () => {
    const db = await getDb();
    const a = await agent("c.offline@example.org");
    // Started 9 h ago, ended 1 h ago: closed now, open when the offline scan was made.
    const j = await journeeAt(-9 * H);
    const reg = await insertRegistration(j.id, "q1@example.org");
    const gone = await insertRegistration(j.id, "q2@example.org", { status: "CANCELLED" });
    const t = ticketPayload(reg.tokenSalt);
    const results = await recordScanBatch(a, [
      offline(j.id, t, 2 * H),
      offline(j.id, ticketPayload(gone.tokenSalt), 2 * H),
      offline(j.id, t, 34 * H),
      offline(j.id, t, -10 * MIN),
      { ...offline(j.id, t, 2 * H), offline: false },
    ]);
    expect(results.results.map((r) => ("result" in r ? r.result : r.error))).toEqual([
      "ok",
      "cancelled",
      "bad_time",
      "bad_time",
      "closed",
    ]);
    expect(await db.checkIn.count({ where: { journeeId: j.id } })).toBe(1);
    expect(await db.scanEvent.count({ where: { journeeId: j.id } })).toBe(3);
  });

  it("creates an offline walk-in once, dated at the door", async () => {
    const db = await getDb();
    const j = await journeeAt(-H);
    const scannedAt = new Date(Date.now() - 15 * MIN);
    const input = WalkInSchema.parse({
      journeeId: j.id,
      partKey: "journee",
      firstName: "Inès",
      lastName: "Hors-Ligne",
      structure: "Asso",
      structureType: "ASSOCIATION",
      nonce: randomUUID(),
      offline: true,
      scannedAt: scannedAt.toISOString(),
    });
    const actor = { userId: null, name: "agent", mayOverCapacity: false };
    const [x, y] = [await registerWalkIn(input, j, actor), await registerWalkIn(input, j, actor)];
    expect(x).toMatchObject({ ok: true, outcome: { result: "ok" } });
    expect(y).toMatchObject({ ok: true, outcome: { details: { replayed: true } } });
    const rows = await db.checkIn.findMany({ where: { journeeId: j.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ offline: true, method: "WALK_IN", checkedInAt: scannedAt });
  });

  it("snapshot: what validation and search need, no contact data, other journées as hashes only", async () => {
    const j = await journeeAt(-H);
    const other = await journeeAt(10 * 24 * H, { title: "Autre journée", city: "Istres" });
    const mine = await insertRegistration(j.id, "r1@example.org", { phone: "0600000000" });
    const theirs = await insertRegistration(other.id, "r2@example.org");
    const snap = await getOfflineSnapshot({}, j.id);
    expect(snap?.journee).toMatchObject({ id: j.id, title: j.title, signatureRequired: true });
    expect(snap?.registrations).toHaveLength(1);
    expect(Object.keys(snap?.registrations[0] ?? {}).sort()).toEqual(
      [
        "checkIns",
        "firstName",
        "id",
        "lastName",
        "partIds",
        "signedPartKeys",
        "status",
        "structure",
        "ticketHash",
        "waitlistPosition",
        "walkIn",
      ].sort(),
    );
    expect(snap?.registrations[0].ticketHash).toBe(mine.ticketHash);
    const json = JSON.stringify(snap);
    expect(json).not.toContain("r1@example.org");
    expect(json).not.toContain("0600000000");
    const hit = snap?.otherTickets.find((o) => o.h === theirs.ticketHash.slice(0, 16));
    expect(hit && snap?.otherJournees[hit.j]).toMatchObject({ title: "Autre journée", city: "Istres" });
    expect(await getOfflineSnapshot({ id: { in: [] } }, j.id)).toBeNull();
  });
});
