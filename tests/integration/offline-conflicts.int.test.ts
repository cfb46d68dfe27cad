import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { recordScanBatch, undoCheckIn } from "@/lib/checkin/mutations";
import { getCheckInJournee, getOfflineSnapshot } from "@/lib/checkin/queries";
import type { ScanRequest } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { ticketPayload } from "@/lib/security/tokens";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * Decision 011: two devices check the same ticket in offline. Whatever the sync order (or both at
 * once), one presence at the EARLIEST scan time with its door and device, and the LATER scan is the
 * one recorded offline_conflict.
 */
const H = 3600_000;
const MIN = 60_000;

async function setup(people = 1) {
  const start = new Date(Date.now() - H);
  const j = await makeJournee({ startsAt: start, endsAt: new Date(start.getTime() + 8 * H) });
  const journee = await getCheckInJournee({}, j.id);
  if (!journee) throw new Error("journée");
  const regs = [];
  for (let i = 0; i < people; i++) regs.push(await insertRegistration(j.id, `c${i}-${randomUUID()}@example.org`));
  return { j, regs };
}

async function agent(name: string): Promise<CurrentUser> {
  const db = await getDb();
  const email = `${name}-${randomUUID()}@example.org`;
  const u = await db.user.create({ data: { email, name } });
  return { id: u.id, email, name, grants: [{ role: "ADMIN", partnerId: null, journeeId: null }] };
}

const scan = (journeeId: string, ticket: string, agoMs: number, device: string, over: Partial<ScanRequest> = {}) =>
  ({
    nonce: randomUUID().replaceAll("-", ""),
    ticket,
    journeeId,
    partKey: "journee",
    door: `Porte ${device}`,
    deviceId: `tel-${device}`,
    scannedAt: new Date(Date.now() - agoMs),
    method: "QR",
    offline: true,
    localResult: "ok",
    ...over,
  }) satisfies ScanRequest;

const resultOf = (r: { results: unknown[] }) => (r.results[0] as { result?: string; error?: string }).result;

async function historyOf(registrationId: string) {
  const db = await getDb();
  const [checkIns, events] = await Promise.all([
    db.checkIn.findMany({ where: { registrationId } }),
    db.scanEvent.findMany({ where: { registrationId }, orderBy: { scannedAt: "asc" } }),
  ]);
  return { checkIns, byNonce: Object.fromEntries(events.map((e) => [e.nonce, e.result])), events };
}

describe(`offline conflicts do not depend on sync order (${testDbKind()})`, () => {
  it("earlier scan synced first: the later one is the conflict", async () => {
    const [a, b] = [await agent("alice"), await agent("bruno")];
    const { j, regs } = await setup();
    const t = ticketPayload(regs[0].tokenSalt);
    const early = scan(j.id, t, 20 * MIN, "A");
    const late = scan(j.id, t, 10 * MIN, "B");
    expect(resultOf(await recordScanBatch(a, [early]))).toBe("ok");
    const answer = await recordScanBatch(b, [late]);
    expect(answer.results[0]).toMatchObject({ result: "offline_conflict", details: { checkIn: { door: "Porte A" } } });
    const h = await historyOf(regs[0].id);
    expect(h.checkIns).toHaveLength(1);
    expect(h.checkIns[0]).toMatchObject({ checkedInAt: early.scannedAt, door: "Porte A", deviceId: "tel-A" });
    expect(h.byNonce).toEqual({ [early.nonce]: "ok", [late.nonce]: "offline_conflict" });
  });

  it("later scan synced first: the earlier one takes the presence over and the later one is relabelled", async () => {
    const db = await getDb();
    const [a, b] = [await agent("alice"), await agent("bruno")];
    const { j, regs } = await setup();
    const t = ticketPayload(regs[0].tokenSalt);
    const early = scan(j.id, t, 20 * MIN, "A");
    const late = scan(j.id, t, 10 * MIN, "B");
    expect(resultOf(await recordScanBatch(b, [late]))).toBe("ok");
    const before = await historyOf(regs[0].id);
    const answer = await recordScanBatch(a, [early]);
    expect(answer.results[0]).toMatchObject({
      result: "ok",
      details: { tookOver: true, checkIn: { id: before.checkIns[0].id, door: "Porte A", agentName: "alice" } },
    });
    const h = await historyOf(regs[0].id);
    expect(h.checkIns).toHaveLength(1);
    expect(h.checkIns[0]).toMatchObject({
      id: before.checkIns[0].id,
      checkedInAt: early.scannedAt,
      door: "Porte A",
      deviceId: "tel-A",
      agentId: a.id,
      offline: true,
    });
    expect(h.byNonce).toEqual({ [early.nonce]: "ok", [late.nonce]: "offline_conflict" });
    // Device B asks again (lost answer) and learns the new label; its next snapshot lists it too.
    expect((await recordScanBatch(b, [late])).results[0]).toMatchObject({
      result: "offline_conflict",
      details: { replayed: true },
    });
    expect((await getOfflineSnapshot({}, j.id))?.conflicts).toEqual([late.nonce]);
    const audit = await db.auditLog.findFirst({ where: { action: "checkin.offline_conflict", entityId: regs[0].id } });
    expect(audit?.details).toMatchObject({ relabelled: [late.nonce], nonce: early.nonce, previousDoor: "Porte B" });
  });

  it("an online check-in later than an offline scan made earlier: the offline scan holds the presence", async () => {
    const [a, b] = [await agent("alice"), await agent("bruno")];
    const { j, regs } = await setup();
    const t = ticketPayload(regs[0].tokenSalt);
    const online = scan(j.id, t, 0, "B", { offline: false, localResult: undefined });
    const early = scan(j.id, t, 15 * MIN, "A");
    expect(resultOf(await recordScanBatch(b, [online]))).toBe("ok");
    expect(resultOf(await recordScanBatch(a, [early]))).toBe("ok");
    const h = await historyOf(regs[0].id);
    expect(h.checkIns[0].checkedInAt).toEqual(early.scannedAt);
    expect(h.byNonce).toEqual({ [early.nonce]: "ok", [online.nonce]: "offline_conflict" });
  });

  it("a presence undone earlier keeps its own scan's label", async () => {
    const [a, b] = [await agent("alice"), await agent("bruno")];
    const { j, regs } = await setup();
    const t = ticketPayload(regs[0].tokenSalt);
    const first = scan(j.id, t, 0, "B", { offline: false, localResult: undefined });
    const ok = await recordScanBatch(b, [first]);
    const checkInId = (ok.results[0] as { details: { checkIn: { id: string } } }).details.checkIn.id;
    const actor = { userId: b.id, name: "bruno", mayOverCapacity: false };
    expect(await undoCheckIn(checkInId, actor, () => true)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 5));
    const again = scan(j.id, t, 0, "B", { offline: false, localResult: undefined });
    expect(resultOf(await recordScanBatch(b, [again]))).toBe("ok");
    const early = scan(j.id, t, 15 * MIN, "A");
    expect(resultOf(await recordScanBatch(a, [early]))).toBe("ok");
    const h = await historyOf(regs[0].id);
    expect(h.checkIns).toHaveLength(1);
    expect(h.byNonce).toEqual({ [first.nonce]: "ok", [again.nonce]: "offline_conflict", [early.nonce]: "ok" });
  });

  it("syncs at the same time, in both orders: one presence at the earliest time, one ok per person", async () => {
    const devices = [await agent("alice"), await agent("bruno"), await agent("chloe")];
    const { j, regs } = await setup(12);
    const scans = regs.map((r, i) =>
      // Three devices; which one scanned first rotates, so both sync orders race.
      ["A", "B", "C"].map((d, k) => scan(j.id, ticketPayload(r.tokenSalt), (10 + ((k + i) % 3) * 5) * MIN, d)),
    );
    await Promise.all(
      devices.map((device, k) => {
        const mine = scans.map((s) => s[k]);
        return recordScanBatch(device, k % 2 ? mine.reverse() : mine);
      }),
    );
    for (const [i, r] of regs.entries()) {
      const h = await historyOf(r.id);
      const earliest = [...scans[i]].sort((x, y) => x.scannedAt.getTime() - y.scannedAt.getTime())[0];
      expect(h.checkIns).toHaveLength(1);
      expect(h.checkIns[0]).toMatchObject({ checkedInAt: earliest.scannedAt, deviceId: earliest.deviceId });
      expect(h.byNonce[earliest.nonce]).toBe("ok");
      expect(h.events.filter((e) => e.result === "ok")).toHaveLength(1);
      expect(h.events.filter((e) => e.result === "offline_conflict")).toHaveLength(2);
    }
  });
});
