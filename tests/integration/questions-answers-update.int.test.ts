import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { answerLines } from "@/lib/questions/answer-text";
import { removeQuestion } from "@/lib/questions/mutations";
import { getRegistrationByManageToken } from "@/lib/registration/queries";
import { updateSchema } from "@/lib/registration/schema";
import { staffUpdate } from "@/lib/staff-registrations/mutations";
import { makeJournee } from "../fixtures/factories";
import { actor, atelier, change, counts, PERSON, question, registered } from "../fixtures/questions";
import { testDbKind } from "../setup/test-db";

/** Issue 14 point 3: answers changed from the management link and the staff page (e-mails, badges: -outputs). */
describe(`changing answers (${testDbKind()})`, () => {
  it("releases and takes option places in the update: a full option refuses a required change, nothing written", async () => {
    const j = await makeJournee({ capacity: 10 });
    const q = await atelier(j.id);
    const [one, two] = q.options;
    const a = await registered(j.id, "Alice", { [q.id]: one.id });
    const b = await registered(j.id, "Bruno", { [q.id]: two.id });
    expect(await counts([one.id, two.id])).toEqual([1, 1]);
    const refused = await change(b.manageToken, "Bruno-changé", { [q.id]: one.id });
    expect(refused).toMatchObject({
      ok: false,
      reason: "option_full",
      fieldErrors: { [`answers.${q.id}`]: "« Atelier 1 » est complet : choisissez une autre réponse." },
    });
    const db = await getDb();
    const bruno = await db.registration.findUniqueOrThrow({
      where: { id: b.registrationId },
      include: { answers: true },
    });
    expect(bruno.firstName).toBe("Bruno");
    expect(bruno.answers.map((x) => [x.optionId, x.holdsPlace])).toEqual([[two.id, true]]);
    expect(await counts([one.id, two.id])).toEqual([1, 1]);
    expect((await change(a.manageToken, "Alice", { [q.id]: two.id })).ok).toBe(true);
    expect(await counts([one.id, two.id])).toEqual([0, 2]);
    expect(await change(b.manageToken, "Bruno", { [q.id]: one.id })).toMatchObject({ ok: true, droppedAnswers: [] });
    expect(await counts([one.id, two.id])).toEqual([1, 1]);
    const after = await db.registrationAnswer.findMany({ where: { registrationId: b.registrationId } });
    expect(after.map((x) => [x.optionId, x.holdsPlace])).toEqual([[one.id, true]]);
    expect(await change(b.manageToken, "Bruno", {})).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { [`answers.${q.id}`]: "Choisissez une réponse." },
    });
  });

  it("an optional question's full option is dropped and said; a waitlisted person keeps the choice without a place", async () => {
    const j = await makeJournee({ capacity: 2 });
    const q = await atelier(j.id, false);
    const [one, two] = q.options;
    await registered(j.id, "Alice", { [q.id]: one.id });
    const b = await registered(j.id, "Bruno", { [q.id]: two.id });
    const c = await registered(j.id, "Chloé", { [q.id]: two.id });
    expect(c.status).toBe("WAITLISTED");
    expect(await change(b.manageToken, "Bruno", { [q.id]: one.id })).toMatchObject({
      ok: true,
      droppedAnswers: ["Quel atelier ? : Atelier 1"],
    });
    const db = await getDb();
    // Bruno gave « Atelier 2 » back and did not get « Atelier 1 »: no answer, as at registration.
    expect(await db.registrationAnswer.count({ where: { registrationId: b.registrationId } })).toBe(0);
    expect(await counts([one.id, two.id])).toEqual([1, 0]);
    expect((await change(c.manageToken, "Chloé", { [q.id]: one.id })).ok).toBe(true);
    const chloe = await db.registrationAnswer.findMany({ where: { registrationId: c.registrationId } });
    expect(chloe.map((x) => [x.optionId, x.holdsPlace])).toEqual([[one.id, false]]);
    expect(await counts([one.id, two.id])).toEqual([1, 0]);
  });

  it("two people changing to the last place at once: exactly one gets it", async () => {
    const j = await makeJournee({ capacity: 10 });
    const q = await atelier(j.id);
    const [one, two] = q.options;
    const people = await Promise.all(
      ["Anna", "Basile", "Céline", "David"].map((n) => registered(j.id, n, { [q.id]: two.id })),
    );
    const outcomes = await Promise.all(people.map((p, i) => change(p.manageToken, `P${i}`, { [q.id]: one.id })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.reason === "option_full")).toHaveLength(3);
    expect(await counts([one.id, two.id])).toEqual([1, 3]);
    const db = await getDb();
    expect(await db.registrationAnswer.count({ where: { optionId: one.id, holdsPlace: true } })).toBe(1);
  });

  it("keeps answers to removed questions; changes text and number answers; the staff edit is audited before/after", async () => {
    const j = await makeJournee({ capacity: 10 });
    const q = await atelier(j.id);
    const transport = await question(j.id, {
      kind: "MULTI_CHOICE",
      label: "Transport",
      options: [
        { id: "", label: "Voiture", capacity: null },
        { id: "", label: "Train", capacity: null },
      ],
    });
    const note = await question(j.id, { kind: "SHORT_TEXT", label: "Une remarque" });
    const a = await registered(j.id, "Alice", {
      [q.id]: q.options[1].id,
      [transport.id]: [transport.options[0].id, transport.options[1].id],
      [note.id]: "Première",
    });
    expect((await removeQuestion(j.id, transport.id, actor)).ok).toBe(true);
    expect((await change(a.manageToken, "Alice", { [q.id]: q.options[1].id, [note.id]: "Seconde" })).ok).toBe(true);
    const page = await getRegistrationByManageToken(a.manageToken);
    expect(answerLines(page?.answers ?? [])).toEqual([
      { questionId: q.id, label: "Quel atelier ?", value: "Atelier 2", removed: false },
      { questionId: note.id, label: "Une remarque", value: "Seconde", removed: false },
      { questionId: transport.id, label: "Transport", value: "Voiture ; Train", removed: true },
    ]);
    const done = await staffUpdate(
      actor,
      {},
      { journeeId: j.id, registrationId: a.registrationId },
      updateSchema.parse({ firstName: "Alice", ...PERSON, answers: { [q.id]: q.options[0].id, [note.id]: "" } }),
    );
    expect(done.ok).toBe(true);
    const db = await getDb();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: a.registrationId, action: "registration.staff_update" },
    });
    expect(audit.details).toMatchObject({
      answers: [
        { question: "Quel atelier ?", before: "Atelier 2", after: "Atelier 1" },
        { question: "Une remarque", before: "Seconde", after: "" },
      ],
    });
    expect(await counts(q.options.map((o) => o.id))).toEqual([1, 0]);
    expect(await db.registrationAnswer.count({ where: { questionId: transport.id } })).toBe(2);
  });
});
