import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outboxDir } from "@/lib/mail/transport";
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import { cancelRegistration } from "@/lib/registration/mutations";
import { notifyRegistration } from "@/lib/registration/notify";
import { submitRegistration } from "@/lib/registration/submit";
import { makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

const form = (journeeId: string, email: string, extra: Record<string, unknown> = {}) => ({
  journeeId,
  firstName: "<script>alert(1)</script>",
  lastName: "Durand",
  email,
  structure: "Association <b>Test</b>",
  structureType: "ASSOCIATION",
  jobTitle: "Chargée de mission",
  commune: "Istres",
  privacyAck: "on",
  ...extra,
});

function outbox(): string[] {
  const dir = outboxDir();
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8")) : [];
}
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

afterEach(() => {
  delete process.env.REGISTRATION_RATE_LIMIT;
});

describe(`submitRegistration (${testDbKind()})`, () => {
  it("registers, then e-mails a confirmation with the ticket, .ics and escaped HTML", async () => {
    const journee = await makeJournee();
    const before = outbox().length;
    const outcome = await submitRegistration(form(journee.id, "mail@example.org"), { ip: freshIp() });
    expect(outcome).toMatchObject({ ok: true, status: "CONFIRMED" });
    const mails = outbox();
    expect(mails.length).toBe(before + 1);
    const mail = mails.find((m) => m.includes("mail@example.org")) ?? "";
    expect(mail).toContain("journee.ics");
    expect(mail).toContain("billet-qr.png");
    expect(mail).not.toContain("<script>alert(1)</script></p>");
  });

  it("refuses invalid input with French field messages and writes nothing", async () => {
    const journee = await makeJournee();
    const outcome = await submitRegistration(form(journee.id, "pas-un-email", { firstName: "" }), { ip: freshIp() });
    expect(outcome).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { email: expect.stringContaining("invalide"), firstName: "Indiquez votre prénom." },
    });
    expect(outcome.ok ? null : outcome.values).toMatchObject({ lastName: "Durand", email: "pas-un-email" });
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(0);
  });

  it("silently refuses a filled honeypot, writing nothing", async () => {
    const journee = await makeJournee();
    expect(
      await submitRegistration(form(journee.id, "bot@example.org", { siteWeb: "http://spam" }), { ip: freshIp() }),
    ).toMatchObject({ reason: "honeypot" });
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(0);
  });

  it("non-object bodies and unknown journée ids are refused, not thrown", async () => {
    expect(await submitRegistration(null, { ip: freshIp() })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await submitRegistration(form("cunknown", "u@example.org"), { ip: freshIp() })).toMatchObject({
      reason: "unknown_journee",
    });
  });

  it("limits registrations per IP (default 20 per 10 minutes), with a French 429-style message", async () => {
    const journee = await makeJournee({ capacity: 100 });
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      expect(await submitRegistration(form(journee.id, `rl${i}@example.org`), { ip })).toMatchObject({ ok: true });
    }
    const blocked = await submitRegistration(form(journee.id, "rl-extra@example.org"), { ip });
    expect(blocked).toMatchObject({
      ok: false,
      reason: "rate_limited",
      message: expect.stringContaining("Trop de tentatives"),
    });
    expect(blocked.ok ? 0 : blocked.retryAfterS).toBeGreaterThan(0);
    // Another client is not affected.
    expect(await submitRegistration(form(journee.id, "other@example.org"), { ip: freshIp() })).toMatchObject({
      ok: true,
    });
  });

  it("every kind of attempt counts (invalid, duplicate, valid, with choices) and a refused one writes nothing", async () => {
    process.env.REGISTRATION_RATE_LIMIT = "4/600";
    const journee = await makeJournee({ capacity: 1 });
    const ip = freshIp();
    expect(await submitRegistration(form(journee.id, "a@example.org"), { ip })).toMatchObject({ ok: true });
    expect(await submitRegistration(form(journee.id, "A@example.org "), { ip })).toMatchObject({
      reason: "already_registered",
    });
    expect(await submitRegistration({ journeeId: journee.id }, { ip })).toMatchObject({ reason: "invalid" });
    expect(await submitRegistration(form(journee.id, "b@example.org"), { ip })).toMatchObject({ status: "WAITLISTED" });
    // Fifth attempt: over the limit — no registration, no place in line, the counters untouched.
    const blocked = await submitRegistration(form(journee.id, "c@example.org"), { ip });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(blocked.ok ? 0 : blocked.retryAfterS).toBeGreaterThan(500);
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(2);
    expect(await db.journee.findUniqueOrThrow({ where: { id: journee.id } })).toMatchObject({
      confirmedCount: 1,
      waitlistSeq: 1,
    });
  });

  it("the fixed window restarts once over, and the limit is configurable", async () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    const rule = { limit: 2, windowMs: 60_000 };
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await hitRateLimit("window-test", rule, t0)).allowed);
    expect(results).toEqual([true, true, false]);
    expect((await hitRateLimit("window-test", rule, new Date(t0.getTime() + 61_000))).count).toBe(1);
    process.env.REGISTRATION_RATE_LIMIT = "1/60";
    const journee = await makeJournee();
    const ip = freshIp();
    await submitRegistration(form(journee.id, "c1@example.org"), { ip });
    expect(await submitRegistration(form(journee.id, "c2@example.org"), { ip })).toMatchObject({
      reason: "rate_limited",
    });
  });

  it("concurrent hits on one bucket are all counted (atomic upsert)", async () => {
    const rule = { limit: 1000, windowMs: 60_000 };
    const counts = await Promise.all(Array.from({ length: 50 }, () => hitRateLimit("concurrent-bucket", rule)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("a cancellation promotes the next person, who is e-mailed", async () => {
    const journee = await makeJournee({ capacity: 1 });
    const first = await submitRegistration(form(journee.id, "first@example.org"), { ip: freshIp() });
    const second = await submitRegistration(form(journee.id, "second@example.org"), { ip: freshIp() });
    expect(second).toMatchObject({ status: "WAITLISTED" });
    if (!first.ok) throw new Error("refused");
    const cancelled = await cancelRegistration(first.manageToken);
    if (!cancelled.ok) throw new Error("refused");
    expect(cancelled.promoted).toHaveLength(1);
    const before = outbox().length;
    expect(await notifyRegistration(cancelled.promoted[0].registrationId, "promotion")).toBe(true);
    const mail = outbox().find((m) => m.includes("second@example.org") && m.includes("billet-qr.png"));
    expect(outbox().length).toBe(before + 1);
    expect(mail).toBeTruthy();
  });
});
