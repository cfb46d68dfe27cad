import { describe, expect, it } from "vitest";
import { loadUserBySessionToken } from "@/lib/auth/queries";
import { recordScan, recordScanBatch } from "@/lib/checkin/mutations";
import { loadRegistrationSnapshot, registrationKey } from "@/lib/checkin/queries";
import { loadScanContext } from "@/lib/checkin/queries/scan-context";
import { getDb } from "@/lib/db/client";
import { ticketPayload } from "@/lib/security/tokens";
import { AGENT_SESSION_AGES, openJourneeWithAgent } from "@/tests/fixtures/checkin";
import { insertRegistration, onlineScan } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * The scan route reads the session and the scanned ticket in one statement (loadScanContext), and
 * an online scan that loses the race to another door is settled inside its insert (ON CONFLICT).
 */
const AGES = AGENT_SESSION_AGES;

const scanOf = onlineScan;

describe(`one statement for the session and the ticket (${testDbKind()})`, () => {
  it("answers exactly like the two separate reads, and extends the session like them", async () => {
    const { journee, sessionToken } = await openJourneeWithAgent("agent-context@example.org");
    const reg = await insertRegistration(journee.id, "camille-context@example.org");
    const key = registrationKey({ ticket: ticketPayload(reg.tokenSalt) });
    const context = await loadScanContext(sessionToken, AGES, key, "journee");
    expect(context.user).toEqual(await loadUserBySessionToken(sessionToken, AGES));
    expect(context.snapshot).toEqual(await loadRegistrationSnapshot(key, "journee"));
    expect(context.snapshot?.id).toBe(reg.id);
    // Unknown or forged ticket: the user, no registration.
    expect(await loadScanContext(sessionToken, AGES, null, "journee")).toMatchObject({ snapshot: null });
    const forged = registrationKey({ ticket: `${ticketPayload(reg.tokenSalt).slice(0, -2)}xx` });
    expect((await loadScanContext(sessionToken, AGES, forged, "journee")).user?.email).toBe(
      "agent-context@example.org",
    );
    // Rolling expiry, as loadUserBySessionToken.
    const db = await getDb();
    const in20min = new Date(Date.now() + 20 * 60_000);
    await loadScanContext(sessionToken, { ...AGES, now: in20min }, key, "journee");
    const { expires } = await db.session.findUniqueOrThrow({ where: { sessionToken } });
    expect(expires.getTime()).toBe(in20min.getTime() + AGES.maxAgeS * 1000);
  });

  it("gives neither user nor registration without a valid session, or for a deactivated user", async () => {
    const { journee, userId, sessionToken } = await openJourneeWithAgent("agent-context-off@example.org");
    const reg = await insertRegistration(journee.id, "dominique-context@example.org");
    const key = registrationKey({ ticket: ticketPayload(reg.tokenSalt) });
    expect(await loadScanContext("nope", AGES, key, "journee")).toEqual({ user: null, snapshot: null });
    const db = await getDb();
    await db.user.update({ where: { id: userId }, data: { active: false } });
    expect(await loadScanContext(sessionToken, AGES, key, "journee")).toEqual({ user: null, snapshot: null });
  });

  it("an agent without rights on the journée gets forbidden, whatever the prefetched ticket", async () => {
    const { journee } = await openJourneeWithAgent("agent-context-owner@example.org");
    const other = await openJourneeWithAgent("agent-context-other@example.org");
    const reg = await insertRegistration(journee.id, "eve-context@example.org");
    const scan = scanOf(journee.id, ticketPayload(reg.tokenSalt), "Porte X");
    const context = await loadScanContext(other.sessionToken, AGES, registrationKey(scan), "journee");
    if (!context.user) throw new Error("user");
    const answer = await recordScanBatch(context.user, [scan], new Date(), { scan, snapshot: context.snapshot });
    expect(answer.results).toEqual([{ nonce: scan.nonce, error: "forbidden" }]);
    expect(await (await getDb()).checkIn.count({ where: { registrationId: reg.id } })).toBe(0);
  });
});

describe(`an online scan that loses the race to another door (${testDbKind()})`, () => {
  it("is recorded as already_checked_in in its own insert and names the winner", async () => {
    const { journee, userId } = await openJourneeWithAgent("agent-race@example.org");
    const reg = await insertRegistration(journee.id, "frederique-race@example.org");
    const ticket = ticketPayload(reg.tokenSalt);
    const actor = { userId, name: "agent", mayOverCapacity: false };
    // Our read happens before the other door's check-in (the interleaving, made deterministic).
    const stale = await loadRegistrationSnapshot(registrationKey({ ticket }), "journee");
    const winner = await recordScan(scanOf(journee.id, ticket, "Porte Nord"), journee, actor);
    expect(winner.result).toBe("ok");
    const late = scanOf(journee.id, ticket, "Porte Sud");
    const outcome = await recordScan(late, journee, actor, new Date(), { snapshot: stale });
    expect(outcome.result).toBe("already_checked_in");
    expect(outcome.details.checkIn).toMatchObject({ door: "Porte Nord", id: winner.details.checkIn?.id });
    const db = await getDb();
    expect(await db.checkIn.count({ where: { registrationId: reg.id } })).toBe(1);
    const event = await db.scanEvent.findUniqueOrThrow({ where: { nonce: late.nonce } });
    expect(event).toMatchObject({ result: "already_checked_in", door: "Porte Sud", registrationId: reg.id });
    expect(await db.auditLog.count({ where: { action: "checkin.ok", entityId: reg.id } })).toBe(1);
  });
});
