import { describe, expect, it } from "vitest";
import { createSessionFor } from "@/e2e/support/sessions";
import { ensureUserWithGrant } from "@/lib/auth/mutations";
import { loadUserBySessionToken } from "@/lib/auth/queries";
import { getDb } from "@/lib/db/client";
import { makeJournee, makePartner } from "@/tests/fixtures/factories";

/**
 * The scanner routes' one-statement session lookup must answer exactly like next-auth's
 * auth() + loadCurrentUser: valid session, active user, every grant, rolling expiry.
 */
const AGES = { maxAgeS: 8 * 3600, updateAgeS: 15 * 60 };

async function agentWithSession(email: string) {
  const partner = await makePartner();
  const journee = await makeJournee({ partnerId: partner.id });
  const { userId } = await ensureUserWithGrant({ email, grant: { role: "AGENT", journeeId: journee.id } });
  await ensureUserWithGrant({ email, grant: { role: "LECTEUR", partnerId: partner.id } });
  const { sessionToken } = await createSessionFor(userId, AGES.maxAgeS);
  return { userId, journeeId: journee.id, partnerId: partner.id, sessionToken };
}

describe("loadUserBySessionToken", () => {
  it("returns the active user with all their grants, in order", async () => {
    const a = await agentWithSession("agent-session@example.org");
    const user = await loadUserBySessionToken(a.sessionToken, AGES);
    expect(user).toEqual({
      id: a.userId,
      email: "agent-session@example.org",
      name: null,
      grants: [
        { role: "AGENT", partnerId: null, journeeId: a.journeeId },
        { role: "LECTEUR", partnerId: a.partnerId, journeeId: null },
      ],
    });
  });

  it("refuses an unknown token, an expired session, a deactivated user and a signed-out session", async () => {
    const a = await agentWithSession("agent-refuse@example.org");
    expect(await loadUserBySessionToken("nope", AGES)).toBeNull();
    const later = new Date(Date.now() + AGES.maxAgeS * 1000 + 1000);
    expect(await loadUserBySessionToken(a.sessionToken, { ...AGES, now: later })).toBeNull();
    const db = await getDb();
    await db.user.update({ where: { id: a.userId }, data: { active: false } });
    expect(await loadUserBySessionToken(a.sessionToken, AGES)).toBeNull();
    await db.user.update({ where: { id: a.userId }, data: { active: true } });
    expect(await loadUserBySessionToken(a.sessionToken, AGES)).not.toBeNull();
    await db.session.deleteMany({ where: { sessionToken: a.sessionToken } });
    expect(await loadUserBySessionToken(a.sessionToken, AGES)).toBeNull();
  });

  it("extends a session older than updateAge, like next-auth, and leaves a fresh one alone", async () => {
    const a = await agentWithSession("agent-rolling@example.org");
    const db = await getDb();
    const expiresOf = async () =>
      (await db.session.findUniqueOrThrow({ where: { sessionToken: a.sessionToken } })).expires.getTime();
    const before = await expiresOf();
    await loadUserBySessionToken(a.sessionToken, AGES);
    expect(await expiresOf()).toBe(before);
    const in20min = new Date(Date.now() + 20 * 60_000);
    expect(await loadUserBySessionToken(a.sessionToken, { ...AGES, now: in20min })).not.toBeNull();
    expect(await expiresOf()).toBe(in20min.getTime() + AGES.maxAgeS * 1000);
  });
});
