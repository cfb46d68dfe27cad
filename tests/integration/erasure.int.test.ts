import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { erasePersonAction, previewErasureAction } from "@/lib/erasure/actions";
import { emailFingerprint, erasePerson } from "@/lib/erasure/mutations";
import { parisTime } from "@/lib/format/dates";
import { findRegistrationByTicket, getRegistrationByManageToken } from "@/lib/registration/queries";
import { getJourneeDashboard } from "@/lib/reports/queries/dashboards";
import { applyRetention } from "@/lib/retention/mutations";
import { manageToken, ticketPayload } from "@/lib/security/tokens";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

// The session is stubbed: the action's guard is what is under test, not next-auth.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const admin: CurrentUser = {
  id: "admin-1",
  email: "admin@emarge.test",
  name: "Admin",
  grants: [{ role: "ADMIN", partnerId: null, journeeId: null }],
};
const organiser: CurrentUser = {
  ...admin,
  id: "orga-1",
  grants: [{ role: "ORGANISATEUR", partnerId: null, journeeId: null }],
};

const EMAIL = "Claire.Martin@Example.org";
const person = {
  firstName: "Claire",
  lastName: "Martin",
  structure: "CCAS de Martigues",
  phone: "06 00 00 00 00",
  accessibilityNeeds: "Boucle magnétique",
  inviteConsent: true,
  jobTitle: "Directrice",
  commune: "Martigues",
};

let f: Awaited<ReturnType<typeof seed>>;

async function seed() {
  const db = await getDb();
  const past = await makeJournee({
    title: "Istres",
    status: "CLOSED",
    startsAt: parisTime("2026-06-11", "09:00"),
    endsAt: parisTime("2026-06-11", "17:00"),
  });
  const future = await makeJournee({ title: "Aubagne", confirmedCount: 2 });
  const r1 = await insertRegistration(past.id, EMAIL, person);
  const r2 = await insertRegistration(future.id, "claire.martin@example.org", person);
  const r3 = await insertRegistration(future.id, "claire.martin@example.org", { ...person, status: "CANCELLED" });
  const other = await insertRegistration(future.id, "autre@example.org", { commune: "Martigues" });
  await db.checkIn.create({
    data: { registrationId: r1.id, journeeId: past.id, partKey: "journee", checkedInAt: past.startsAt, method: "QR" },
  });
  return { past, future, mine: [r1, r2, r3], other };
}

async function counts() {
  const db = await getDb();
  const dashboards = await Promise.all([f.past.id, f.future.id].map((id) => getJourneeDashboard({}, id)));
  const journees = await db.journee.findMany({
    where: { id: { in: [f.past.id, f.future.id] } },
    select: { confirmedCount: true },
    orderBy: { id: "asc" },
  });
  return {
    journees,
    dashboards: dashboards.map((d) => ({ ...d, updatedAt: null })),
    checkIns: await db.checkIn.count(),
  };
}

beforeAll(async () => {
  f = await seed();
});
beforeEach(() => {
  session.user = admin;
});

describe(`erasure (${testDbKind()})`, () => {
  it("refuses anyone but an admin, and an invalid e-mail, without touching anything", async () => {
    session.user = null;
    expect(await erasePersonAction({ email: EMAIL })).toMatchObject({ ok: false, reason: "unauthenticated" });
    session.user = organiser;
    expect(await erasePersonAction({ email: EMAIL })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await previewErasureAction({ email: EMAIL })).toMatchObject({ ok: false, reason: "forbidden" });
    session.user = admin;
    const invalid = await erasePersonAction({ email: "pas-une-adresse" });
    expect(invalid).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { email: "Adresse e-mail invalide." } });
    const db = await getDb();
    expect(await db.registration.count({ where: { firstName: "Claire" } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: "person.erased" } })).toBe(0);
  });

  it("previews how many registrations the erasure would anonymise (case and spaces ignored)", async () => {
    expect(await previewErasureAction({ email: "  CLAIRE.martin@example.ORG " })).toEqual({
      ok: true,
      registrations: 3,
      journees: 2,
    });
  });

  it("anonymises every registration of that e-mail, kills old links, keeps counts, audits without the e-mail", async () => {
    const before = await counts();
    const result = await erasePersonAction({ email: " claire.MARTIN@example.org  " });
    expect(result).toEqual({ ok: true, erased: 3 });

    const db = await getDb();
    for (const old of f.mine) {
      const row = await db.registration.findUniqueOrThrow({ where: { id: old.id } });
      expect(row).toMatchObject({ firstName: "Anonyme", lastName: "", structure: "", jobTitle: "", searchText: "" });
      expect(row).toMatchObject({
        email: null,
        emailNormalized: null,
        liveEmailKey: null,
        phone: null,
        accessibilityNeeds: null,
        inviteConsent: false,
      });
      expect(row).toMatchObject({ status: old.status, structureType: old.structureType, commune: "Martigues" });
      expect(row.anonymizedAt).toBeInstanceOf(Date);
      expect(await getRegistrationByManageToken(manageToken(old.tokenSalt))).toBeNull();
      expect(await findRegistrationByTicket(ticketPayload(old.tokenSalt))).toBeNull();
    }
    expect(await db.registration.findUniqueOrThrow({ where: { id: f.other.id } })).toMatchObject({
      email: "autre@example.org",
      firstName: "Camille",
    });
    expect(await counts()).toEqual(before);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "person.erased" } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      actorLabel: admin.email,
      entityType: "Person",
      entityId: emailFingerprint(EMAIL),
    });
    expect(audit.details).toEqual({
      registrations: 3,
      journees: 2,
      emailFingerprint: emailFingerprint("claire.martin@example.org"),
    });
    expect(JSON.stringify(audit).toLowerCase()).not.toMatch(/claire|martin|martigues/);
  });

  it("a second request finds nothing, is still audited, and retention leaves erased rows alone", async () => {
    expect(await erasePerson(EMAIL, { id: null, label: "test" })).toEqual({ erased: 0 });
    const db = await getDb();
    expect(await db.auditLog.count({ where: { action: "person.erased" } })).toBe(2);
    const run = await applyRetention({
      now: new Date("2031-01-01T00:00:00Z"),
      policy: { fullMonths: 6, proofYears: 3, daily: false, dailyHour: 3 },
    });
    // Only the other person's registration is left to anonymise: erased rows are not processed again.
    expect(run.aggregatesOnly).toEqual({ journees: 1, registrations: 1 });
  });
});
