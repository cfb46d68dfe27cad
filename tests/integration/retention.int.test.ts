import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { parisTime } from "@/lib/format/dates";
import { getJourneeDashboard, getProgrammeDashboard } from "@/lib/reports/queries/dashboards";
import { describeRetentionRun } from "@/lib/retention/labels";
import { applyRetention } from "@/lib/retention/mutations";
import { hashToken, manageToken } from "@/lib/security/tokens";
import { foldForSearch } from "@/lib/text/normalize";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";
import { seedReportFixture } from "./reports-fixture";

/**
 * Retention at fixed dates (`now` injected). Policy = defaults: 6 months of full data after the
 * journée, then 3 years of proof of attendance, then aggregates only.
 */
const policy = { fullMonths: 6, proofYears: 3, daily: false, dailyHour: 3 };
const NOW = new Date("2026-11-26T10:00:00Z"); // fullBefore 2026-05-26T10:00Z, proofBefore 2023-05-26T10:00Z

const day = (d: string) => ({
  status: "CLOSED" as const,
  startsAt: parisTime(d, "09:00"),
  endsAt: parisTime(d, "17:00"),
  registrationOpensAt: parisTime(d, "00:00"),
  registrationClosesAt: parisTime(d, "00:00"),
});

const personal = (n: string, extra: Record<string, unknown> = {}) => ({
  firstName: `Prénom${n}`,
  lastName: `Nom${n}`,
  structure: `Structure ${n}`,
  searchText: foldForSearch(`Prénom${n} Nom${n} Structure ${n} personne${n}@example.org`),
  phone: "06 12 34 56 78",
  accessibilityNeeds: "Fauteuil roulant",
  inviteConsent: true,
  jobTitle: "Travailleuse sociale",
  commune: "Marseille",
  structureType: "ASSOCIATION" as const,
  ...extra,
});

let f: Awaited<ReturnType<typeof seed>>;

async function seed() {
  const db = await getDb();
  const recent = await makeJournee({ title: "Récente", ...day("2026-09-15") });
  const edge = await makeJournee({ title: "Limite", ...day("2026-05-26") }); // ends 15:00Z, after the cut-off
  const proof = await makeJournee({ title: "Preuve", ...day("2026-05-19") });
  const ancient = await makeJournee({ title: "Ancienne", ...day("2023-04-20") });
  const a1 = await insertRegistration(proof.id, "Personne1@Example.org", personal("1", { network: "UNAFO" }));
  const a1recent = await insertRegistration(recent.id, "personne1@example.org", personal("1"));
  const cancelled = await insertRegistration(proof.id, "personne2@example.org", personal("2", { status: "CANCELLED" }));
  const edgeReg = await insertRegistration(edge.id, "personne3@example.org", personal("3"));
  const old = await insertRegistration(
    ancient.id,
    "personne4@example.org",
    personal("4", { walkIn: true, commune: "Istres", network: "FAS" }),
  );
  const oldWaitlisted = await insertRegistration(
    ancient.id,
    "personne5@example.org",
    personal("5", { status: "WAITLISTED" }),
  );
  for (const [r, j] of [
    [a1, proof],
    [old, ancient],
  ] as const) {
    await db.checkIn.create({
      data: { registrationId: r.id, journeeId: j.id, partKey: "journee", checkedInAt: j.startsAt, method: "QR" },
    });
    await db.scanEvent.create({
      data: {
        nonce: `n-${r.id}`,
        journeeId: j.id,
        partKey: "journee",
        registrationId: r.id,
        result: "ok",
        method: "QR",
        scannedAt: j.startsAt,
      },
    });
  }
  const report = await seedReportFixture();
  return { recent, edge, proof, ancient, a1, a1recent, cancelled, edgeReg, old, oldWaitlisted, report };
}

async function registrations() {
  const db = await getDb();
  return db.registration.findMany({ orderBy: { seq: "asc" } });
}
const byId = async (id: string) => (await registrations()).find((r) => r.id === id);

/** Everything a dashboard counts, per journée; reach (distinct people) is reported apart, see 008. */
async function aggregates() {
  const db = await getDb();
  const sort = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  const journees = await db.journee.findMany({ select: { id: true, confirmedCount: true }, orderBy: { id: "asc" } });
  const dashboards = await Promise.all(journees.map((j) => getJourneeDashboard({}, j.id)));
  const { reach: _reach, ...programme } = await getProgrammeDashboard({});
  return {
    journees,
    dashboards: dashboards.map((d) => ({ ...d, updatedAt: null })),
    programme,
    status: sort(await db.registration.groupBy({ by: ["journeeId", "status", "walkIn"], _count: { _all: true } })),
    type: sort(await db.registration.groupBy({ by: ["journeeId", "structureType"], _count: { _all: true } })),
    commune: sort(await db.registration.groupBy({ by: ["journeeId", "commune"], _count: { _all: true } })),
    network: sort(await db.registration.groupBy({ by: ["journeeId", "network"], _count: { _all: true } })),
    checkIns: sort(await db.checkIn.groupBy({ by: ["journeeId", "partKey"], _count: { _all: true } })),
    scans: sort(await db.scanEvent.groupBy({ by: ["journeeId", "result"], _count: { _all: true } })),
    parts: await db.registrationPart.count(),
  };
}

async function retentionAudits() {
  const db = await getDb();
  return db.auditLog.findMany({ where: { action: "retention.run" }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  f = await seed();
});

describe(`retention (${testDbKind()})`, () => {
  it("a dry run tells what it would do and writes nothing, not even an audit entry", async () => {
    const before = await registrations();
    const run = await applyRetention({ now: NOW, dryRun: true, policy });
    // Stage 1: the two registrations of "Preuve" + the report fixture's Aix journée (2023-07-06) and plenary (2024-04-16).
    expect(run).toMatchObject({ dryRun: true, ran: false, changed: false });
    expect(run.proofOnly).toEqual({ journees: 3, registrations: 2 + 1 + 6 });
    expect(run.aggregatesOnly).toEqual({ journees: 1, registrations: 2 });
    expect(describeRetentionRun(run)[0]).toMatch(/Simulation/);
    expect(await registrations()).toEqual(before);
    expect(await retentionAudits()).toHaveLength(0);
  });

  it("applies each stage at the right date, keeps every aggregate, and audits counts only", async () => {
    const aggregatesBefore = await aggregates();
    const untouched = [await byId(f.a1recent.id), await byId(f.edgeReg.id)];
    const oldManageHash = f.old.manageHash;
    const run = await applyRetention({ now: NOW, policy, actorLabel: "test" });
    expect(run).toMatchObject({
      ran: true,
      changed: true,
      proofOnly: { registrations: 9 },
      aggregatesOnly: { registrations: 2 },
    });

    // Recent journée and the one that ended after the cut-off: nothing changed.
    expect([await byId(f.a1recent.id), await byId(f.edgeReg.id)]).toEqual(untouched);

    // Stage 1: proof of attendance only.
    const a1 = await byId(f.a1.id);
    expect(a1).toMatchObject({
      firstName: "Prénom1",
      lastName: "Nom1",
      structure: "Structure 1",
      jobTitle: "Travailleuse sociale",
    });
    expect(a1).toMatchObject({
      email: null,
      emailNormalized: null,
      liveEmailKey: null,
      phone: null,
      accessibilityNeeds: null,
    });
    expect(a1).toMatchObject({
      inviteConsent: false,
      anonymizedAt: null,
      status: "CONFIRMED",
      ticketHash: f.a1.ticketHash,
    });
    expect(a1?.searchText).toBe("prenom1 nom1 structure 1");
    expect(await byId(f.cancelled.id)).toMatchObject({ status: "CANCELLED", email: null, firstName: "Prénom2" });

    // Stage 2: aggregates only; links sent earlier die.
    const old = await byId(f.old.id);
    expect(old).toMatchObject({ firstName: "Anonyme", lastName: "", structure: "", jobTitle: "", searchText: "" });
    expect(old).toMatchObject({
      email: null,
      phone: null,
      accessibilityNeeds: null,
      inviteConsent: false,
      anonymizedAt: NOW,
    });
    expect(old).toMatchObject({ status: "CONFIRMED", walkIn: true, structureType: "ASSOCIATION", commune: "Istres" });
    expect(old?.manageHash).not.toBe(oldManageHash);
    const db = await getDb();
    expect(
      await db.registration.findUnique({ where: { manageHash: hashToken(manageToken(f.old.tokenSalt)) } }),
    ).toBeNull();
    expect(await byId(f.oldWaitlisted.id)).toMatchObject({ status: "WAITLISTED", firstName: "Anonyme" });

    expect(await aggregates()).toEqual(aggregatesBefore);

    const [audit] = await retentionAudits();
    expect(audit).toMatchObject({ actorLabel: "test", entityType: "Retention" });
    expect(audit.details).toMatchObject({
      changed: true,
      proofOnly: { journees: 3, registrations: 9 },
      aggregatesOnly: { journees: 1, registrations: 2 },
    });
    expect(JSON.stringify(audit.details)).not.toMatch(/Prénom|Nom\d|example\.org|Structure/);
  });

  it("is idempotent: a second run changes nothing and says so (and is audited)", async () => {
    const before = await registrations();
    const run = await applyRetention({ now: NOW, policy });
    expect(run).toMatchObject({
      ran: true,
      changed: false,
      proofOnly: { registrations: 0 },
      aggregatesOnly: { registrations: 0 },
    });
    expect(describeRetentionRun(run).at(-1)).toMatch(/Rien à faire/);
    expect(await registrations()).toEqual(before);
    const audits = await retentionAudits();
    expect(audits).toHaveLength(2);
    expect(audits[1].details).toMatchObject({ changed: false });
  });

  it("moves a journée to the next stage once its date passes, and only then", async () => {
    const aggregatesBefore = await aggregates();
    await applyRetention({ now: new Date("2026-11-26T14:59:00Z"), policy });
    expect(await byId(f.edgeReg.id)).toMatchObject({ email: "personne3@example.org", phone: "06 12 34 56 78" });
    await applyRetention({ now: new Date("2026-11-26T15:01:00Z"), policy });
    expect(await byId(f.edgeReg.id)).toMatchObject({ email: null, phone: null, firstName: "Prénom3" });
    // "Preuve" (ended 2026-05-19) leaves the proof period 3 years later.
    await applyRetention({ now: new Date("2029-11-19T14:59:00Z"), policy });
    expect(await byId(f.a1.id)).toMatchObject({ firstName: "Prénom1", anonymizedAt: null });
    await applyRetention({ now: new Date("2029-11-19T15:01:00Z"), policy });
    expect(await byId(f.a1.id)).toMatchObject({ firstName: "Anonyme", structure: "" });
    expect(await aggregates()).toEqual(aggregatesBefore);
  });

  it.skipIf(testDbKind() === "pglite")("skips when another instance holds the lock (PostgreSQL)", async () => {
    const db = await getDb();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let acquired!: () => void;
    const isHeld = new Promise<void>((resolve) => {
      acquired = resolve;
    });
    const other = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(8008001::bigint)`;
      acquired();
      await held;
    });
    await isHeld;
    const run = await applyRetention({ now: NOW, policy });
    release();
    await other;
    expect(run).toMatchObject({ ran: false, skipped: "locked" });
    expect(describeRetentionRun(run)[0]).toMatch(/autre instance/);
  });
});
