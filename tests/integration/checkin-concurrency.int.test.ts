import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordScan } from "@/lib/checkin/mutations";
import { getCheckInJournee } from "@/lib/checkin/queries";
import { getDb } from "@/lib/db/client";
import { ticketPayload } from "@/lib/security/tokens";
import { insertRegistration, makeJournee, onlineScan } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/** Several doors at once, and retried requests: proven on PGlite and on PostgreSQL. */
const now = () => new Date();

async function openJournee() {
  const start = new Date(Date.now() + 3600_000);
  const j = await makeJournee({ startsAt: start, endsAt: new Date(start.getTime() + 8 * 3600_000) });
  const journee = await getCheckInJournee({}, j.id);
  if (!journee) throw new Error("journée");
  return journee;
}

const scanOf = onlineScan;
const actor = { userId: null, name: "agent", mayOverCapacity: false };

describe(`concurrent check-in (${testDbKind()})`, () => {
  it("10 doors scanning the same ticket at once: exactly one ok, nine already_checked_in", async () => {
    const journee = await openJournee();
    const reg = await insertRegistration(journee.id, "camille@example.org");
    const ticket = ticketPayload(reg.tokenSalt);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => recordScan(scanOf(journee.id, ticket, `Porte ${i}`), journee, actor, now())),
    );
    const results = outcomes.map((o) => o.result).sort();
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "already_checked_in")).toHaveLength(9);
    const winner = outcomes.find((o) => o.result === "ok");
    for (const o of outcomes.filter((x) => x.result === "already_checked_in")) {
      expect(o.details.checkIn?.door).toBe(winner?.details.checkIn?.door);
    }
    const db = await getDb();
    expect(await db.checkIn.count({ where: { registrationId: reg.id } })).toBe(1);
    expect(await db.scanEvent.count({ where: { registrationId: reg.id } })).toBe(10);
    // The presence is audited once, in the same statement as the check-in itself.
    const audit = await db.auditLog.findMany({ where: { action: "checkin.ok", entityId: reg.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ door: winner?.details.checkIn?.door, partKey: "journee", method: "QR" });
  });

  it("the same nonce sent 10 times at once: one scan event, one check-in, ten ok answers", async () => {
    const journee = await openJournee();
    const reg = await insertRegistration(journee.id, "dominique@example.org");
    const scan = scanOf(journee.id, ticketPayload(reg.tokenSalt), "Porte A", randomUUID());
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => recordScan(scan, journee, actor, now())));
    expect(outcomes.every((o) => o.result === "ok")).toBe(true);
    expect(outcomes.filter((o) => !o.details.replayed)).toHaveLength(1);
    const db = await getDb();
    expect(await db.scanEvent.count({ where: { nonce: scan.nonce } })).toBe(1);
    expect(await db.checkIn.count({ where: { registrationId: reg.id } })).toBe(1);
    // A retry long after is still the same answer, still not counted again.
    const later = await recordScan(scan, journee, actor, now());
    expect(later).toMatchObject({ result: "ok", details: { replayed: true } });
    expect(await db.checkIn.count({ where: { registrationId: reg.id } })).toBe(1);
  });

  it("50 people through 5 doors, each scanned twice by different doors: 50 check-ins, 50 ok", async () => {
    const journee = await openJournee();
    const regs = await Promise.all(
      Array.from({ length: 50 }, (_, i) => insertRegistration(journee.id, `p${i}@example.org`)),
    );
    const scans = regs.flatMap((r, i) => [
      scanOf(journee.id, ticketPayload(r.tokenSalt), `Porte ${i % 5}`),
      scanOf(journee.id, ticketPayload(r.tokenSalt), `Porte ${(i + 1) % 5}`),
    ]);
    const outcomes = await Promise.all(scans.map((s) => recordScan(s, journee, actor, now())));
    expect(outcomes.filter((o) => o.result === "ok")).toHaveLength(50);
    expect(outcomes.filter((o) => o.result === "already_checked_in")).toHaveLength(50);
    const db = await getDb();
    expect(await db.checkIn.count({ where: { journeeId: journee.id } })).toBe(50);
  });
});
