import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Authorisation matrix for server actions and queries: every role (and an anonymous visitor)
 * against every protected action and query, through the real session → user → grants path
 * (only next-auth's `auth()` and Next's cache are replaced). Add a row to ACTIONS / QUERIES for
 * each new protected action or query. Pages are covered by e2e/authorization-matrix.spec.ts.
 */
vi.mock("@/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { auth } = await import("@/auth");
const { getDb } = await import("@/lib/db/client");
const { ensureUserWithGrant } = await import("@/lib/auth/mutations");
const { getCurrentUser, requireCapability } = await import("@/lib/auth/current-user");
const { canReadReports } = await import("@/lib/auth/permissions");
const { grantRoleAction, revokeGrantAction, setUserActiveAction } = await import("@/lib/users/actions");
const { listUsers } = await import("@/lib/users/queries");
const { listAuditEntries } = await import("@/lib/audit/queries");
const { listJourneesFor } = await import("@/lib/organiser/queries");
const { makeJournee, makePartner, insertRegistration } = await import("@/tests/fixtures/factories");
const journeeActions = await import("@/lib/journees/actions");
const staffActions = await import("@/lib/staff-registrations/actions");
const { messageAction } = await import("@/lib/messages/actions");
const questionActions = await import("@/lib/questions/actions");
const { addQuestion } = await import("@/lib/questions/mutations");
const { getManagedJournee } = await import("@/lib/journee-admin/queries");
const { journeeScope } = await import("@/lib/auth/permissions");

type Who = "anonyme" | "sans-role" | "admin" | "organisateur" | "agent" | "lecteur";
const EVERYONE: Who[] = ["anonyme", "sans-role", "admin", "organisateur", "agent", "lecteur"];
const ids = {} as Record<Who, string | null>;
const j = {} as Record<"mine" | "other", { id: string; partnerId: string }>;

function as(who: Who) {
  const id = ids[who];
  vi.mocked(auth).mockResolvedValue((id ? { user: { id }, expires: "2999-01-01" } : null) as never);
}

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

let n = 0;
async function target() {
  n += 1;
  const email = `cible-${n}@example.org`;
  const { userId } = await ensureUserWithGrant({ email, grant: { role: "LECTEUR" } });
  const db = await getDb();
  const grant = await db.roleAssignment.findFirstOrThrow({ where: { userId }, select: { id: true } });
  return { email, userId, grantId: grant.id };
}

beforeAll(async () => {
  const partner = await makePartner("partenaire-a");
  const otherPartner = await makePartner("partenaire-b");
  j.mine = await makeJournee({ partnerId: partner.id });
  j.other = await makeJournee({ partnerId: otherPartner.id });
  const grants = {
    "sans-role": null,
    admin: { role: "ADMIN" as const },
    organisateur: { role: "ORGANISATEUR" as const, partnerId: partner.id },
    agent: { role: "AGENT" as const, journeeId: j.other.id },
    lecteur: { role: "LECTEUR" as const },
  };
  ids.anonyme = null;
  for (const [who, grant] of Object.entries(grants)) {
    ids[who as Who] = (await ensureUserWithGrant({ email: `${who}@example.org`, grant })).userId;
  }
});

const ACTIONS: { name: string; allowed: Who[]; run: () => Promise<{ ok: boolean; reason?: string }> }[] = [
  {
    name: "grantRoleAction",
    allowed: ["admin"],
    run: async () => grantRoleAction(null, form({ email: `invite-${++n}@example.org`, role: "LECTEUR" })),
  },
  {
    name: "revokeGrantAction",
    allowed: ["admin"],
    run: async () => revokeGrantAction(null, form({ grantId: (await target()).grantId })),
  },
  {
    name: "setUserActiveAction",
    allowed: ["admin"],
    run: async () => setUserActiveAction(null, form({ userId: (await target()).userId, active: "false" })),
  },
];

describe.each(ACTIONS)("action $name", ({ allowed, run }) => {
  it.each(EVERYONE)("as %s", async (who) => {
    as(who);
    const result = await run();
    if (allowed.includes(who)) expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, reason: who === "anonyme" ? "unauthenticated" : "forbidden" });
  });
});

const QUERIES: {
  name: string;
  run: () => Promise<unknown[]>;
  expected: Record<Who, "all" | "none" | "mine" | "other">;
}[] = [
  {
    name: "listUsers",
    run: async () => listUsers(await getCurrentUser()),
    expected: {
      anonyme: "none",
      "sans-role": "none",
      admin: "all",
      organisateur: "none",
      agent: "none",
      lecteur: "none",
    },
  },
  {
    name: "listAuditEntries",
    run: async () => (await listAuditEntries(await getCurrentUser())).rows,
    expected: {
      anonyme: "none",
      "sans-role": "none",
      admin: "all",
      organisateur: "none",
      agent: "none",
      lecteur: "none",
    },
  },
  {
    name: "getManagedJournee",
    run: async () => {
      const scope = journeeScope(await getCurrentUser(), "manage");
      const found = await Promise.all([j.mine.id, j.other.id].map((id) => getManagedJournee(scope, id)));
      return found.filter((x) => x !== null);
    },
    expected: {
      anonyme: "none",
      "sans-role": "none",
      admin: "all",
      organisateur: "mine",
      agent: "none",
      lecteur: "none",
    },
  },
  ...(["view", "manage", "checkIn", "reports"] as const).map((capability) => ({
    name: `listJourneesFor(${capability})`,
    run: async () => {
      const user = await getCurrentUser();
      return user ? listJourneesFor(user, capability) : [];
    },
    expected: {
      anonyme: "none",
      "sans-role": "none",
      admin: "all",
      organisateur: "mine",
      agent: capability === "view" || capability === "checkIn" ? "other" : "none",
      lecteur: capability === "view" || capability === "reports" ? "all" : "none",
    } as Record<Who, "all" | "none" | "mine" | "other">,
  })),
];

describe.each(QUERIES)("query $name", ({ run, expected }) => {
  it.each(EVERYONE)("as %s", async (who) => {
    as(who);
    const rows = await run();
    const want = expected[who];
    if (want === "none") expect(rows).toEqual([]);
    else if (want === "all") expect(rows.length).toBeGreaterThan(1);
    else expect((rows as { id: string }[]).map((r) => r.id)).toEqual([j[want].id]);
  });
});

describe("session → user", () => {
  it("treats a deactivated user as signed out, and requireCapability says why it refuses", async () => {
    as("lecteur");
    expect(await requireCapability((u) => canReadReports(u))).toMatchObject({ ok: true });
    as("agent");
    expect(await requireCapability((u) => canReadReports(u))).toEqual({ ok: false, reason: "forbidden" });
    const { userId } = await target();
    ids["sans-role"] = userId;
    const db = await getDb();
    await db.user.update({ where: { id: userId }, data: { active: false } });
    as("sans-role");
    expect(await getCurrentUser()).toBeNull();
    expect(await requireCapability(() => true)).toEqual({ ok: false, reason: "unauthenticated" });
  });

  it("audits every user change with its actor", async () => {
    const db = await getDb();
    const actions = await db.auditLog.findMany({ where: { actorId: ids.admin }, select: { action: true } });
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(["user.invite", "user.role_granted", "user.role_revoked", "user.deactivate"]),
    );
  });
});

/*
 * Journée management actions: they create journées and audit entries for partner A, so they run
 * last (after the queries and audit checks above, which count partner A's journées and entries).
 */
/** A valid journée form for the partner of "mine" (an organisateur of that partner may create it). */
function journeeForm(extra: Record<string, string> = {}) {
  return form({
    partnerId: j.mine.partnerId,
    title: "Journée de la matrice",
    city: "Martigues",
    venue: "Salle",
    address: "1 quai, 13500 Martigues",
    startsAt: "2031-05-20T09:00",
    endsAt: "2031-05-20T17:00",
    capacity: "10",
    registrationOpensAt: "2031-01-01T09:00",
    registrationClosesAt: "2031-05-19T18:00",
    ...extra,
  });
}
const mineWith = (status: "DRAFT" | "PUBLISHED") => makeJournee({ partnerId: j.mine.partnerId, status });
async function registrationOfMine(status: "CONFIRMED" | "WAITLISTED") {
  const journee = await makeJournee({ partnerId: j.mine.partnerId, capacity: 5 });
  const reg = await insertRegistration(journee.id, `matrice-${++n}@example.org`, { status });
  return { journeeId: journee.id, registrationId: reg.id };
}
const person = {
  firstName: "Élodie",
  lastName: "Matrice",
  structure: "CCAS",
  structureType: "COMMUNE_CCAS",
  jobTitle: "CESF",
  commune: "Martigues",
};

/** A short-text question on a fresh journée of partner A (added through the mutation, not an action). */
async function questionOfMine() {
  const journeeId = (await mineWith("PUBLISHED")).id;
  const input = { kind: "SHORT_TEXT" as const, label: "Matrice ?", help: "", purpose: "", required: false };
  const limits = { personal: false, isMeal: false, maxLength: null, minValue: null, maxValue: null, options: [] };
  const added = await addQuestion(
    journeeId,
    { ...input, ...limits },
    { id: "matrice", email: "m@example.org", ip: null },
  );
  if (!added.ok) throw new Error(added.reason);
  return { journeeId, questionId: added.ids[0] };
}

const JOURNEE_ACTIONS: typeof ACTIONS = [
  {
    name: "createJourneeAction",
    allowed: ["admin", "organisateur"],
    run: () => journeeActions.createJourneeAction(null, journeeForm()),
  },
  {
    name: "updateJourneeAction",
    allowed: ["admin", "organisateur"],
    run: async () => journeeActions.updateJourneeAction(null, journeeForm({ journeeId: (await mineWith("DRAFT")).id })),
  },
  {
    name: "publishJourneeAction",
    allowed: ["admin", "organisateur"],
    run: async () => journeeActions.publishJourneeAction(null, form({ journeeId: (await mineWith("DRAFT")).id })),
  },
  {
    name: "closeJourneeAction",
    allowed: ["admin", "organisateur"],
    run: async () => journeeActions.closeJourneeAction(null, form({ journeeId: (await mineWith("PUBLISHED")).id })),
  },
  {
    name: "cancelJourneeAction",
    allowed: ["admin", "organisateur"],
    run: async () =>
      journeeActions.cancelJourneeAction(null, form({ journeeId: (await mineWith("PUBLISHED")).id, confirm: "on" })),
  },
  {
    name: "staffCancelAction",
    allowed: ["admin", "organisateur"],
    run: async () => staffActions.staffCancelAction(null, form(await registrationOfMine("CONFIRMED"))),
  },
  {
    name: "staffPromoteAction",
    allowed: ["admin", "organisateur"],
    run: async () => staffActions.staffPromoteAction(null, form(await registrationOfMine("WAITLISTED"))),
  },
  {
    name: "resendTicketAction",
    allowed: ["admin", "organisateur"],
    run: async () => staffActions.resendTicketAction(null, form(await registrationOfMine("CONFIRMED"))),
  },
  {
    name: "staffUpdateAction",
    allowed: ["admin", "organisateur"],
    run: async () =>
      (await staffActions.staffUpdateAction(null, form({ ...(await registrationOfMine("CONFIRMED")), ...person }))) ?? {
        ok: false,
      },
  },
  {
    name: "addReadyMadeAction",
    allowed: ["admin", "organisateur"],
    run: async () =>
      questionActions.addReadyMadeAction(null, form({ journeeId: (await mineWith("PUBLISHED")).id, key: "repas" })),
  },
  {
    name: "addQuestionAction",
    allowed: ["admin", "organisateur"],
    run: async () =>
      questionActions.addQuestionAction(
        null,
        form({ journeeId: (await mineWith("PUBLISHED")).id, kind: "SHORT_TEXT", label: "Matrice ?" }),
      ),
  },
  {
    name: "updateQuestionAction",
    allowed: ["admin", "organisateur"],
    run: async () =>
      questionActions.updateQuestionAction(
        null,
        form({ ...(await questionOfMine()), kind: "SHORT_TEXT", label: "Oui ?" }),
      ),
  },
  {
    name: "moveQuestionAction",
    allowed: ["admin", "organisateur"],
    run: async () => questionActions.moveQuestionAction(null, form({ ...(await questionOfMine()), direction: "up" })),
  },
  {
    name: "removeQuestionAction",
    allowed: ["admin", "organisateur"],
    run: async () => questionActions.removeQuestionAction(null, form(await questionOfMine())),
  },
  {
    name: "messageAction (preview)",
    allowed: ["admin", "organisateur"],
    run: async () =>
      messageAction(
        null,
        form({ journeeId: j.mine.id, kind: "MESSAGE", subject: "Objet", body: "Bonjour", intent: "preview" }),
      ),
  },
];

describe.each(JOURNEE_ACTIONS)("action $name", ({ allowed, run }) => {
  beforeAll(async () => {
    // "session → user" above deactivated the user without role: use an active one again.
    ids["sans-role"] = (await ensureUserWithGrant({ email: "sans-role-2@example.org", grant: null })).userId;
  });
  it.each(EVERYONE)("as %s", async (who) => {
    as(who);
    const result = await run();
    if (allowed.includes(who)) expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, reason: who === "anonyme" ? "unauthenticated" : "forbidden" });
  });
});
