import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { READY_MADE } from "@/lib/questions/editor-schema";
import { addReadyMade, removeQuestion, updateQuestion } from "@/lib/questions/mutations";
import { cancelRegistration } from "@/lib/registration/mutations";
import { submitRegistration } from "@/lib/registration/submit";
import { makeJournee } from "../fixtures/factories";
import { question } from "../fixtures/questions";
import { testDbKind } from "../setup/test-db";

const actor = { id: "u-test", email: "orga@example.org", ip: null };

function person(journeeId: string, n: number, answers?: Record<string, unknown>) {
  return {
    journeeId,
    firstName: `Prénom${n}`,
    lastName: `Nom${n}`,
    email: `q${n}@example.org`,
    structure: "CCAS de Test",
    structureType: "COMMUNE_CCAS",
    jobTitle: "Travailleur social",
    commune: "Marseille",
    privacyAck: true,
    ...(answers ? { answers } : {}),
  };
}

const lunchQuestion = (journeeId: string, required: boolean, places: number) =>
  question(journeeId, {
    ...READY_MADE.repas[0],
    required,
    options: [
      { id: "", label: "Oui", capacity: places },
      { id: "", label: "Non", capacity: null },
    ],
  });

// One client address per attempt: the rate limit is not what these tests are about.
let client = 0;
const submit = (values: unknown) => submitRegistration(values, { ip: `198.51.${client >> 8}.${client++ & 255}` });

describe(`registration questions (${testDbKind()})`, () => {
  it("100 simultaneous registrations for a lunch with 30 places: exactly 30 with lunch, the others registered without it", async () => {
    const journee = await makeJournee({ capacity: 200 });
    const lunch = await lunchQuestion(journee.id, false, 30);
    const [yes] = lunch.options;
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => submit(person(journee.id, i, { [lunch.id]: yes.id }))),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const dropped = outcomes.filter((o) => o.ok && o.droppedAnswers.length > 0);
    expect(dropped).toHaveLength(70);
    expect(dropped[0].ok && dropped[0].droppedAnswers).toEqual(["Déjeunerez-vous sur place ? : Oui"]);
    const db = await getDb();
    expect(await db.registrationAnswer.count({ where: { optionId: yes.id } })).toBe(30);
    expect(await db.registrationAnswer.count({ where: { optionId: yes.id, holdsPlace: true } })).toBe(30);
    expect((await db.questionOption.findUniqueOrThrow({ where: { id: yes.id } })).confirmedCount).toBe(30);
    expect(await db.registration.count({ where: { journeeId: journee.id, status: "CONFIRMED" } })).toBe(100);
  });

  it("a required question whose chosen option is full refuses the registration, writing nothing", async () => {
    const journee = await makeJournee({ capacity: 10 });
    const lunch = await lunchQuestion(journee.id, true, 1);
    const [yes, no] = lunch.options;
    expect((await submit(person(journee.id, 1, { [lunch.id]: yes.id }))).ok).toBe(true);
    const refusedOutcome = await submit(person(journee.id, 2, { [lunch.id]: yes.id }));
    expect(refusedOutcome).toMatchObject({
      ok: false,
      reason: "option_full",
      fieldErrors: { [`answers.${lunch.id}`]: "« Oui » est complet : choisissez une autre réponse." },
      values: { [`answers.${lunch.id}`]: yes.id, firstName: "Prénom2" },
    });
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(1);
    expect((await db.journee.findUniqueOrThrow({ where: { id: journee.id } })).confirmedCount).toBe(1);
    expect((await submit(person(journee.id, 2, { [lunch.id]: no.id }))).ok).toBe(true);
  });

  it("checks the answers on the server with the questions' schema (also without any answer: no fast path around it)", async () => {
    const journee = await makeJournee();
    const lunch = await lunchQuestion(journee.id, true, 5);
    expect(await submit(person(journee.id, 1))).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { [`answers.${lunch.id}`]: "Choisissez une réponse." },
    });
    expect(await submit(person(journee.id, 2, { [lunch.id]: "autre-option" }))).toMatchObject({
      ok: false,
      fieldErrors: { [`answers.${lunch.id}`]: "Ce choix n'existe pas pour cette question." },
    });
    expect(await submit(person(journee.id, 3, { [lunch.id]: lunch.options[1].id, inconnue: "x" }))).toMatchObject({
      ok: false,
      fieldErrors: { answers: "Question inconnue." },
    });
    const plain = await makeJournee();
    expect(await submit(person(plain.id, 4, { [lunch.id]: lunch.options[0].id }))).toMatchObject({
      ok: false,
      fieldErrors: { answers: "Question inconnue." },
    });
    expect((await submit(person(plain.id, 5))).ok).toBe(true);
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(0);
  });

  it("a cancellation gives the lunch place back; a waitlisted person takes it on promotion, or loses it if full", async () => {
    const journee = await makeJournee({ capacity: 1 });
    const lunch = await lunchQuestion(journee.id, false, 1);
    const [yes] = lunch.options;
    const first = await submit(person(journee.id, 1, { [lunch.id]: yes.id }));
    const second = await submit(person(journee.id, 2, { [lunch.id]: yes.id }));
    expect(first.ok && second.ok && second.status).toBe("WAITLISTED");
    const db = await getDb();
    if (!first.ok || !second.ok) throw new Error("registration failed");
    // Waitlisted: the choice is kept without a place.
    expect(await db.registrationAnswer.findFirst({ where: { registrationId: second.registrationId } })).toMatchObject({
      optionId: yes.id,
      holdsPlace: false,
    });
    const cancelled = await cancelRegistration(first.manageToken);
    expect(cancelled.ok && cancelled.promoted.map((p) => p.registrationId)).toEqual([second.registrationId]);
    expect(await db.registrationAnswer.findFirst({ where: { registrationId: second.registrationId } })).toMatchObject({
      holdsPlace: true,
    });
    expect((await db.questionOption.findUniqueOrThrow({ where: { id: yes.id } })).confirmedCount).toBe(1);
  });

  it("keeps the answers given through a change of the question, a removed option and a removed question (audited)", async () => {
    const journee = await makeJournee();
    const ready = await addReadyMade(journee.id, "regime", actor);
    if (!ready.ok) throw new Error(ready.reason);
    const db = await getDb();
    const [diet, detail] = await db.registrationQuestion.findMany({
      where: { journeeId: journee.id },
      orderBy: { position: "asc" },
      include: { options: { orderBy: { position: "asc" } } },
    });
    const veg = diet.options[1];
    const done = await submit(person(journee.id, 1, { [diet.id]: veg.id, [detail.id]: "Sans sel" }));
    expect(done.ok).toBe(true);
    const changed = await updateQuestion(
      journee.id,
      diet.id,
      {
        ...READY_MADE.regime[0],
        label: "Votre régime",
        options: diet.options.filter((o) => o.id !== veg.id).map((o) => ({ id: o.id, label: o.label, capacity: null })),
      },
      actor,
    );
    expect(changed.ok).toBe(true);
    expect(await updateQuestion(journee.id, diet.id, { ...READY_MADE.regime[1] }, actor)).toMatchObject({
      reason: "kind_locked",
    });
    expect((await removeQuestion(journee.id, detail.id, actor)).ok).toBe(true);
    const answers = await db.registrationAnswer.findMany({
      where: { registration: { journeeId: journee.id } },
      include: { question: true, option: true },
      orderBy: { createdAt: "asc" },
    });
    expect(
      answers.map((a) => [
        a.question.label,
        a.option?.label ?? a.text,
        a.option?.removedAt != null,
        a.question.removedAt != null,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["Votre régime", "Végétarien", true, false],
        ["Allergies ou autre régime : précisez", "Sans sel", false, true],
      ]),
    );
    const audits = await db.auditLog.findMany({
      where: { entityType: "RegistrationQuestion", details: { path: ["journeeId"], equals: journee.id } },
    });
    expect(audits.map((a) => a.action).sort()).toEqual([
      "question.add",
      "question.add",
      "question.remove",
      "question.update",
    ]);
    // The removed question leaves the form: answering it is refused as unknown.
    expect(await submit(person(journee.id, 2, { [detail.id]: "x" }))).toMatchObject({
      fieldErrors: { answers: "Question inconnue." },
    });
  });
});
