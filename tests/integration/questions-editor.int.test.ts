import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDbKind } from "../setup/test-db";

/**
 * The organiser's question editor (issue 14 point 1) through its server actions, with the real
 * session → user → grants path (only next-auth's `auth()` and Next's cache are replaced): who may
 * act, the order after moves, French field errors that write nothing, answers kept through edits.
 */
vi.mock("@/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { auth } = await import("@/auth");
const { getDb } = await import("@/lib/db/client");
const { ensureUserWithGrant } = await import("@/lib/auth/mutations");
const { journeeScope } = await import("@/lib/auth/permissions");
const { getCurrentUser } = await import("@/lib/auth/current-user");
const actions = await import("@/lib/questions/actions");
const { listEditorQuestions } = await import("@/lib/questions/queries");
const { QUESTION_REFUSALS } = await import("@/lib/questions/labels");
const { insertRegistration, makeJournee, makePartner } = await import("@/tests/fixtures/factories");

type Who = "organisateur" | "autre-organisateur" | "agent" | "lecteur" | "admin";
const users = {} as Record<Who, string>;
let journeeId = "";

function as(who: Who | null) {
  vi.mocked(auth).mockResolvedValue((who ? { user: { id: users[who] }, expires: "2999-01-01" } : null) as never);
}
function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}
async function questions(id = journeeId) {
  const db = await getDb();
  return db.registrationQuestion.findMany({
    where: { journeeId: id, removedAt: null },
    orderBy: { position: "asc" },
    include: { options: { where: { removedAt: null }, orderBy: { position: "asc" } } },
  });
}
async function auditCount(action: string) {
  const db = await getDb();
  return db.auditLog.count({ where: { action, details: { path: ["journeeId"], equals: journeeId } } });
}

beforeAll(async () => {
  const partner = await makePartner();
  const otherPartner = await makePartner();
  journeeId = (await makeJournee({ partnerId: partner.id })).id;
  const other = await makeJournee({ partnerId: otherPartner.id });
  const grants = {
    organisateur: { role: "ORGANISATEUR" as const, partnerId: partner.id },
    "autre-organisateur": { role: "ORGANISATEUR" as const, partnerId: otherPartner.id },
    agent: { role: "AGENT" as const, journeeId },
    lecteur: { role: "LECTEUR" as const },
    admin: { role: "ADMIN" as const },
  };
  for (const [who, grant] of Object.entries(grants))
    users[who as Who] = (await ensureUserWithGrant({ email: `qe-${who}@example.org`, grant })).userId;
  void other;
});

describe(`question editor actions (${testDbKind()})`, () => {
  it("refuses an agent, a reader and an organiser of another journée — and anonymous visitors — writing nothing", async () => {
    as("organisateur");
    expect(await actions.addReadyMadeAction(null, form({ journeeId, key: "repas" }))).toMatchObject({ ok: true });
    const [repas] = await questions();
    const q = { journeeId, questionId: repas.id };
    const attempts = [
      () => actions.addReadyMadeAction(null, form({ journeeId, key: "transport" })),
      () => actions.addQuestionAction(null, form({ journeeId, kind: "SHORT_TEXT", label: "Intrus" })),
      () => actions.updateQuestionAction(null, form({ ...q, kind: "YES_NO", label: "Changée" })),
      () => actions.moveQuestionAction(null, form({ ...q, direction: "down" })),
      () => actions.removeQuestionAction(null, form(q)),
    ];
    const db = await getDb();
    const auditBefore = await db.auditLog.count();
    for (const who of ["agent", "lecteur", "autre-organisateur", null] as const) {
      as(who);
      for (const attempt of attempts)
        expect(await attempt()).toMatchObject({ ok: false, reason: who ? "forbidden" : "unauthenticated" });
    }
    expect(await db.auditLog.count()).toBe(auditBefore);
    const after = await questions();
    expect(after.map((x) => x.label)).toEqual(["Déjeunerez-vous sur place ?"]);
    // The editor's read is scoped too: another partner's organiser sees nothing of this journée.
    as("autre-organisateur");
    expect(await listEditorQuestions(journeeScope(await getCurrentUser(), "manage"), journeeId)).toEqual([]);
    expect(QUESTION_REFUSALS.forbidden).toMatch(/droits/);
  });

  it("adds the three ready-made questions, then moves one up and down, one step at a time (audited)", async () => {
    as("organisateur");
    for (const key of ["regime", "transport"])
      expect(await actions.addReadyMadeAction(null, form({ journeeId, key }))).toMatchObject({ ok: true });
    const labels = async () => (await questions()).map((x) => x.label);
    expect(await labels()).toEqual([
      "Déjeunerez-vous sur place ?",
      "Régime alimentaire",
      "Allergies ou autre régime : précisez",
      "Comment venez-vous ?",
    ]);
    const transport = (await questions())[3].id;
    const move = (questionId: string, direction: string) =>
      actions.moveQuestionAction(null, form({ journeeId, questionId, direction }));
    expect(await move(transport, "up")).toMatchObject({ ok: true, message: "Question montée." });
    expect(await move(transport, "up")).toMatchObject({ ok: true });
    expect((await labels())[1]).toBe("Comment venez-vous ?");
    const repas = (await questions())[0].id;
    expect(await move(repas, "up")).toMatchObject({ ok: true }); // already first: nothing changes
    expect(await move(repas, "down")).toMatchObject({ ok: true, message: "Question descendue." });
    expect(await labels()).toEqual([
      "Comment venez-vous ?",
      "Déjeunerez-vous sur place ?",
      "Régime alimentaire",
      "Allergies ou autre régime : précisez",
    ]);
    expect((await questions()).map((x) => x.position)).toEqual([0, 1, 2, 3]);
    expect(await move(repas, "sideways")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await auditCount("question.move")).toBe(3); // the move that changed nothing is not logged
  });

  it("invalid input gives French field errors on the rows the organiser sees, keeps the entries and writes nothing", async () => {
    as("organisateur");
    const before = (await questions()).length;
    const adds = await auditCount("question.add");
    const outcome = await actions.addQuestionAction(
      null,
      form({
        journeeId,
        kind: "ONE_CHOICE",
        label: "   ",
        "options.0.label": "Matin",
        "options.1.label": "", // a spare row left empty: ignored
        "options.2.label": "Après-midi",
        "options.2.capacity": "beaucoup",
      }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        label: "Indiquez la question.",
        "options.2.capacity": "Indiquez un nombre entier.",
      },
      values: { label: "   ", "options.2.label": "Après-midi", "options.2.capacity": "beaucoup" },
    });
    const range = await actions.addQuestionAction(
      null,
      form({ journeeId, kind: "NUMBER", label: "Nombre d'accompagnants", minValue: "10", maxValue: "2" }),
    );
    expect(range).toMatchObject({ fieldErrors: { maxValue: "Le maximum doit être supérieur au minimum." } });
    const personal = await actions.addQuestionAction(
      null,
      form({ journeeId, kind: "SHORT_TEXT", label: "Traitement en cours", personal: "on" }),
    );
    expect(personal).toMatchObject({
      fieldErrors: { purpose: "Dites pourquoi vous demandez cette donnée personnelle." },
    });
    const oneOption = await actions.addQuestionAction(
      null,
      form({ journeeId, kind: "MULTI_CHOICE", label: "Ateliers", "options.0.label": "Seul" }),
    );
    expect(oneOption).toMatchObject({ fieldErrors: { options: "Proposez au moins deux réponses." } });
    const twice = await actions.addQuestionAction(
      null,
      form({ journeeId, kind: "ONE_CHOICE", label: "Salle", "options.0.label": "A", "options.1.label": "a" }),
    );
    expect(twice).toMatchObject({ fieldErrors: { options: "Deux réponses ont le même libellé." } });
    expect((await questions()).length).toBe(before);
    expect(await auditCount("question.add")).toBe(adds);
    expect(QUESTION_REFUSALS.invalid).toBe("Certains champs sont à corriger.");
  });

  it("an edit adds a capacity and keeps the answers; an answered question's kind is locked; removal keeps answers", async () => {
    as("organisateur");
    const repas = (await questions()).find((x) => x.isMeal);
    if (!repas) throw new Error("no lunch question");
    const [yes, no] = repas.options;
    const reg = await insertRegistration(journeeId, "repas@example.org");
    const db = await getDb();
    await db.registrationAnswer.create({ data: { registrationId: reg.id, questionId: repas.id, optionId: yes.id } });
    const [listed] = (await listEditorQuestions({}, journeeId)).filter((x) => x.id === repas.id);
    expect(listed.answerCount).toBe(1);

    const edit = {
      journeeId,
      questionId: repas.id,
      kind: "YES_NO",
      label: "Déjeunerez-vous sur place le midi ?",
      purpose: repas.purpose,
      required: "on",
      isMeal: "on",
      "options.0.id": yes.id,
      "options.0.label": "Oui",
      "options.0.capacity": "80",
      "options.1.id": no.id,
      "options.1.label": "Non",
    };
    expect(await actions.updateQuestionAction(null, form(edit))).toMatchObject({ ok: true });
    const [after] = (await questions()).filter((x) => x.id === repas.id);
    expect(after.label).toBe("Déjeunerez-vous sur place le midi ?");
    expect(after.options.map((o) => [o.id, o.label, o.capacity])).toEqual([
      [yes.id, "Oui", 80],
      [no.id, "Non", null],
    ]);
    expect(await db.registrationAnswer.count({ where: { questionId: repas.id, optionId: yes.id } })).toBe(1);

    const locked = await actions.updateQuestionAction(null, form({ ...edit, kind: "SHORT_TEXT" }));
    expect(locked).toMatchObject({ ok: false, reason: "kind_locked" });
    expect(QUESTION_REFUSALS.kind_locked).toMatch(/ne peut plus changer/);

    expect(await actions.removeQuestionAction(null, form({ journeeId, questionId: repas.id }))).toMatchObject({
      ok: true,
    });
    expect((await questions()).some((x) => x.id === repas.id)).toBe(false);
    expect(await db.registrationAnswer.count({ where: { questionId: repas.id } })).toBe(1);
    expect(await actions.removeQuestionAction(null, form({ journeeId, questionId: repas.id }))).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(await auditCount("question.remove")).toBe(1);
  });

  it("a ready-made pair is added whole or not at all (20 questions at most)", async () => {
    as("admin");
    const full = await makeJournee();
    for (let i = 0; i < 19; i++) {
      const added = await actions.addQuestionAction(
        null,
        form({ journeeId: full.id, kind: "SHORT_TEXT", label: `Question ${i + 1}` }),
      );
      expect(added.ok).toBe(true);
    }
    expect(await actions.addReadyMadeAction(null, form({ journeeId: full.id, key: "regime" }))).toMatchObject({
      ok: false,
      reason: "too_many",
    });
    expect((await questions(full.id)).length).toBe(19);
    expect(await actions.addReadyMadeAction(null, form({ journeeId: full.id, key: "nope" }))).toMatchObject({
      ok: false,
      reason: "invalid",
    });
  });

  it("a cancelled journée's questions no longer change", async () => {
    as("admin");
    const cancelled = await makeJournee({ status: "CANCELLED" });
    const outcome = await actions.addReadyMadeAction(null, form({ journeeId: cancelled.id, key: "repas" }));
    expect(outcome).toMatchObject({ ok: false, reason: "cancelled" });
    expect(QUESTION_REFUSALS.cancelled).toMatch(/annulée/);
    expect(await questions(cancelled.id)).toEqual([]);
  });
});
