import { describe, expect, it } from "vitest";
import { loadUserBySessionToken } from "@/lib/auth/queries";
import { recordScanBatch } from "@/lib/checkin/mutations";
import { registrationKey } from "@/lib/checkin/queries";
import { loadScanContext } from "@/lib/checkin/queries/scan-context";
import { getDb } from "@/lib/db/client";
import { ticketPayload } from "@/lib/security/tokens";
import { AGENT_SESSION_AGES, openJourneeWithAgent } from "@/tests/fixtures/checkin";
import { insertRegistration, onlineScan } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * Issue 15 point 9: the check-in reads are scoped by journée in the statement. An agent of
 * journée B who names a registration of journée A by id, or replays a nonce of A's scans,
 * learns nothing about A's people.
 */
const AGES = AGENT_SESSION_AGES;

async function openJourneeWithUser(email: string) {
  const { journee, sessionToken } = await openJourneeWithAgent(email);
  const user = await loadUserBySessionToken(sessionToken, AGES);
  if (!user) throw new Error("user");
  return { journee, user, sessionToken };
}

function byId(journeeId: string, registrationId: string, nonce = crypto.randomUUID()) {
  return {
    ...onlineScan(journeeId, "", "Porte A", nonce),
    ticket: undefined,
    registrationId,
    method: "SEARCH" as const,
  };
}

describe(`check-in reads scoped by journée (${testDbKind()})`, () => {
  it("a registration of another journée named by id reads as unknown, with no personal data", async () => {
    const a = await openJourneeWithUser("agent-scope-a@example.org");
    const b = await openJourneeWithUser("agent-scope-b@example.org");
    const person = await insertRegistration(a.journee.id, "secret-person@example.org");

    const context = await loadScanContext(
      b.sessionToken,
      AGES,
      registrationKey({ registrationId: person.id, journeeId: b.journee.id }),
      "journee",
    );
    expect(context.snapshot).toBeNull();

    const { results } = await recordScanBatch(b.user, [byId(b.journee.id, person.id)]);
    expect(results[0]).toMatchObject({ result: "unknown", details: {} });
    expect(JSON.stringify(results)).not.toContain(person.lastName);
    const db = await getDb();
    expect(await db.checkIn.count({ where: { registrationId: person.id } })).toBe(0);
  });

  it("the ticket itself still says which journée its holder is expected at", async () => {
    const a = await openJourneeWithUser("agent-scope-ta@example.org");
    const b = await openJourneeWithUser("agent-scope-tb@example.org");
    const person = await insertRegistration(a.journee.id, "ticket-holder@example.org");
    const scan = onlineScan(b.journee.id, ticketPayload(person.tokenSalt), "Porte B");
    const { results } = await recordScanBatch(b.user, [scan]);
    expect(results[0]).toMatchObject({ result: "wrong_journee" });
  });

  it("a nonce already used at another journée does not hand back that scan's person", async () => {
    const a = await openJourneeWithUser("agent-nonce-a@example.org");
    const b = await openJourneeWithUser("agent-nonce-b@example.org");
    const person = await insertRegistration(a.journee.id, "nonce-victim@example.org");
    const nonce = crypto.randomUUID();
    const first = await recordScanBatch(a.user, [
      onlineScan(a.journee.id, ticketPayload(person.tokenSalt), "A", nonce),
    ]);
    expect(first.results[0]).toMatchObject({ result: "ok" });

    const someoneAtB = await insertRegistration(b.journee.id, "someone-at-b@example.org");
    const replayed = await recordScanBatch(b.user, [
      onlineScan(b.journee.id, ticketPayload(someoneAtB.tokenSalt), "B", nonce),
    ]);
    const text = JSON.stringify(replayed.results);
    expect(text).not.toContain(person.lastName);
    expect(text).not.toContain(person.id);
    expect(replayed.results[0]).toMatchObject({ result: "unknown" });
    // By id too (the search path).
    const byIdReplay = await recordScanBatch(b.user, [byId(b.journee.id, someoneAtB.id, nonce)]);
    expect(JSON.stringify(byIdReplay.results)).not.toContain(person.lastName);
    // A's own retry still replays its result.
    const retry = await recordScanBatch(a.user, [
      onlineScan(a.journee.id, ticketPayload(person.tokenSalt), "A", nonce),
    ]);
    expect(retry.results[0]).toMatchObject({ result: "ok", details: { replayed: true } });
  });
});
