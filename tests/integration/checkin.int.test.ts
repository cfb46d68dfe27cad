import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordScan, registerWalkIn, undoCheckIn } from "@/lib/checkin/mutations";
import { getCheckInJournee, getCounts, listScans, searchRegistrations } from "@/lib/checkin/queries";
import { WalkInSchema } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { ticketPayload } from "@/lib/security/tokens";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

const H = 3600_000;
async function journeeAt(startOffsetMs: number, extra = {}) {
  const start = new Date(Date.now() + startOffsetMs);
  const j = await makeJournee({ startsAt: start, endsAt: new Date(start.getTime() + 8 * H), ...extra });
  const journee = await getCheckInJournee({}, j.id);
  if (!journee) throw new Error("journée");
  return journee;
}
const scan = (journeeId: string, id: { ticket?: string; registrationId?: string }, partKey = "journee") => ({
  nonce: randomUUID(),
  ...id,
  journeeId,
  partKey,
  door: "Porte A",
  deviceId: "tel-1",
  scannedAt: new Date(),
  method: "QR" as const,
});

async function reload(id: string) {
  const journee = await getCheckInJournee({}, id);
  if (!journee) throw new Error("journée");
  return journee;
}

describe(`check-in results and tools (${testDbKind()})`, () => {
  it("answers every result code from the database", async () => {
    const db = await getDb();
    const agent = await db.user.create({ data: { email: "lea.agent@example.org", name: null } });
    const actor = { userId: agent.id, name: "lea.agent", mayOverCapacity: false };
    const open = await journeeAt(H);
    const other = await journeeAt(40 * 24 * H, { title: "Autre journée", city: "Istres" });
    const past = await journeeAt(-20 * H);
    const ok = await insertRegistration(open.id, "a@example.org");
    const cancelled = await insertRegistration(open.id, "b@example.org", { status: "CANCELLED" });
    const waiting = await insertRegistration(open.id, "c@example.org", { status: "WAITLISTED", waitlistPosition: 2 });
    const elsewhere = await insertRegistration(other.id, "d@example.org");
    const late = await insertRegistration(past.id, "e@example.org");
    const t = (r: { tokenSalt: string }) => ({ ticket: ticketPayload(r.tokenSalt) });

    expect((await recordScan(scan(open.id, t(ok)), open, actor)).result).toBe("ok");
    const again = await recordScan(scan(open.id, t(ok)), open, actor);
    expect(again).toMatchObject({
      result: "already_checked_in",
      details: { checkIn: { door: "Porte A", agentName: "lea.agent" } },
    });
    expect((await recordScan(scan(open.id, t(cancelled)), open, actor)).result).toBe("cancelled");
    expect((await recordScan(scan(open.id, t(waiting)), open, actor)).details.waitlistPosition).toBe(2);
    const wrong = await recordScan(scan(open.id, t(elsewhere)), open, actor);
    expect(wrong).toMatchObject({
      result: "wrong_journee",
      details: { otherJournee: { title: "Autre journée", city: "Istres" } },
    });
    expect((await recordScan(scan(other.id, t(elsewhere)), other, actor)).result).toBe("not_open_yet");
    expect((await recordScan(scan(past.id, t(late)), past, actor)).result).toBe("closed");
    // Forged: right shape, wrong HMAC; malformed: not a ticket at all.
    expect((await recordScan(scan(open.id, { ticket: "EMT1.AAAAAAAAAAAAAAAAAAAAAA" }), open, actor)).result).toBe(
      "unknown",
    );
    expect((await recordScan(scan(open.id, { ticket: "https://example.org" }), open, actor)).result).toBe("unknown");
    expect(await db.scanEvent.count({ where: { agentId: agent.id } })).toBe(9);
    const history = await listScans({}, open.id);
    expect(history[0]).toMatchObject({ door: "Porte A", agentName: "lea.agent" });
    expect(await listScans({ id: { in: [] } }, open.id)).toEqual([]);
  });

  it("checks in per half-day and counts present / expected per door with GROUP BY", async () => {
    const db = await getDb();
    const j = await journeeAt(H);
    const am = await db.journeePart.create({
      data: { journeeId: j.id, kind: "HALF_DAY", title: "Matin", startsAt: j.startsAt, endsAt: j.endsAt },
    });
    const pm = await db.journeePart.create({
      data: {
        journeeId: j.id,
        kind: "HALF_DAY",
        title: "Après-midi",
        startsAt: j.startsAt,
        endsAt: j.endsAt,
        position: 1,
      },
    });
    const journee = await reload(j.id);
    const actor = { userId: null, name: "", mayOverCapacity: false };
    const regs = [];
    for (let i = 0; i < 4; i++) {
      const r = await insertRegistration(j.id, `h${i}@example.org`, { parts: { create: [{ partId: am.id }] } });
      regs.push(r);
    }
    for (const [i, r] of regs.slice(0, 3).entries()) {
      const s = { ...scan(j.id, { ticket: ticketPayload(r.tokenSalt) }, am.id), door: i ? "Porte B" : "Porte A" };
      expect((await recordScan(s, journee, actor)).result).toBe("ok");
    }
    const pmScan = await recordScan(scan(j.id, { ticket: ticketPayload(regs[0].tokenSalt) }, pm.id), journee, actor);
    expect(pmScan).toMatchObject({ result: "ok", details: { notInPart: true } });
    const counts = await getCounts({}, j.id, am.id);
    expect(counts).toMatchObject({
      present: 3,
      expected: 4,
      doors: [
        { door: "Porte A", present: 1 },
        { door: "Porte B", present: 2 },
      ],
    });
    expect((await getCounts({}, j.id, pm.id)).present).toBe(1);
    expect((await getCounts({ id: { in: [] } }, j.id, am.id)).present).toBe(0);
  });

  it("finds people by name, structure or e-mail without accents or case, then checks in by id", async () => {
    const j = await journeeAt(H);
    await insertRegistration(j.id, "Elodie.Martin@Example.org", {
      firstName: "Élodie",
      lastName: "MARTIN",
      searchText: "elodie martin ccas d'istres",
      structure: "CCAS d'Istres",
    });
    await insertRegistration(j.id, "x@example.org", {
      firstName: "Hélène",
      lastName: "Blanc",
      searchText: "helene blanc habitat 13",
    });
    for (const q of ["elodie", "ÉLODIE mart", "istres", "elodie.martin@"]) {
      const hits = await searchRegistrations({}, j.id, "journee", q);
      expect(
        hits.map((h) => h.lastName),
        q,
      ).toEqual(["MARTIN"]);
    }
    expect(await searchRegistrations({ id: { in: [] } }, j.id, "journee", "elodie")).toEqual([]);
    const [hit] = await searchRegistrations({}, j.id, "journee", "martin");
    const journee = await reload(j.id);
    const out = await recordScan({ ...scan(j.id, { registrationId: hit.registrationId }), method: "SEARCH" }, journee, {
      userId: null,
      name: "",
      mayOverCapacity: false,
    });
    expect(out.result).toBe("ok");
    expect((await searchRegistrations({}, j.id, "journee", "martin"))[0].checkedInAt).not.toBeNull();
  });

  it("undoes a check-in within 5 minutes only, and audits it", async () => {
    const db = await getDb();
    const j = await journeeAt(H);
    const r = await insertRegistration(j.id, "u@example.org");
    const actor = { userId: null, name: "agent", mayOverCapacity: false };
    const out = await recordScan(scan(j.id, { ticket: ticketPayload(r.tokenSalt) }), j, actor);
    const id = out.details.checkIn?.id ?? "";
    expect(await undoCheckIn(id, actor, () => false)).toEqual({ ok: false, reason: "forbidden" });
    expect(await undoCheckIn(id, actor, () => true, new Date(Date.now() + 6 * 60_000))).toEqual({
      ok: false,
      reason: "too_late",
    });
    expect(await undoCheckIn(id, actor, () => true)).toMatchObject({ ok: true });
    expect(await undoCheckIn(id, actor, () => true)).toEqual({ ok: false, reason: "not_found" });
    expect(await db.auditLog.count({ where: { action: "checkin.undo", entityId: id } })).toBe(1);
    expect((await recordScan(scan(j.id, { ticket: ticketPayload(r.tokenSalt) }), j, actor)).result).toBe("ok");
  });

  it("walk-ins: within capacity for agents, over capacity only for organisers (recorded and audited)", async () => {
    const db = await getDb();
    const j = await journeeAt(H, { capacity: 2, confirmedCount: 1 });
    const agent = { userId: null, name: "agent", mayOverCapacity: false };
    const organiser = { userId: null, name: "orga", mayOverCapacity: true };
    const form = (over = {}) =>
      WalkInSchema.parse({
        journeeId: j.id,
        partKey: "journee",
        firstName: "Sami",
        lastName: "Nour",
        structure: "Asso",
        structureType: "ASSOCIATION",
        door: "Porte A",
        nonce: randomUUID(),
        ...over,
      });
    const first = await registerWalkIn(form(), j, agent);
    expect(first).toMatchObject({ ok: true, overCapacity: false, outcome: { result: "ok" } });
    const retry = form();
    const [a, b] = await Promise.all([registerWalkIn(retry, j, agent), registerWalkIn(retry, j, agent)]);
    expect([a, b].filter((x) => x.ok)).toHaveLength(0); // full: nobody, and certainly not twice
    expect(await registerWalkIn(form({ forceOverCapacity: true }), j, agent)).toEqual({ ok: false, reason: "full" });
    const forced = form({ forceOverCapacity: true, email: "sami@example.org" });
    expect(await registerWalkIn(forced, j, organiser)).toMatchObject({ ok: true, overCapacity: true });
    expect(await registerWalkIn(forced, j, organiser)).toMatchObject({
      ok: true,
      outcome: { details: { replayed: true } },
    });
    const row = await db.registration.findFirstOrThrow({ where: { journeeId: j.id, overCapacity: true } });
    expect(row).toMatchObject({ walkIn: true, status: "CONFIRMED", searchText: "sami nour asso" });
    expect(await db.journee.findUniqueOrThrow({ where: { id: j.id } })).toMatchObject({ confirmedCount: 3 });
    expect(await db.auditLog.count({ where: { action: "checkin.walk_in_over_capacity", entityId: row.id } })).toBe(1);
    expect(await db.checkIn.count({ where: { journeeId: j.id, method: "WALK_IN" } })).toBe(2);
    expect(await registerWalkIn(form({ email: "SAMI@example.org", forceOverCapacity: true }), j, organiser)).toEqual({
      ok: false,
      reason: "duplicate_email",
    });
    const roomy = await journeeAt(H);
    const same = form({ journeeId: roomy.id });
    const replays = await Promise.all([1, 2, 3].map(() => registerWalkIn(same, roomy, agent)));
    expect(replays.every((x) => x.ok)).toBe(true);
    expect(await db.registration.count({ where: { journeeId: roomy.id } })).toBe(1);
    expect(await db.journee.findUniqueOrThrow({ where: { id: roomy.id } })).toMatchObject({ confirmedCount: 1 });
    const closed = await journeeAt(-20 * H);
    expect(await registerWalkIn(form({ journeeId: closed.id }), closed, organiser)).toEqual({
      ok: false,
      reason: "closed",
    });
  });
});
