import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { answerLines } from "@/lib/questions/answer-text";
import { questionInputSchema } from "@/lib/questions/editor-schema";
import { addQuestion, removeQuestion } from "@/lib/questions/mutations";
import { updateRegistration } from "@/lib/registration/mutations";
import { notifyRegistration } from "@/lib/registration/notify";
import { getRegistrationByManageToken } from "@/lib/registration/queries";
import { updateSchema } from "@/lib/registration/schema";
import { submitRegistration } from "@/lib/registration/submit";
import { buildExport } from "@/lib/reports/exports";
import { exportFiltersSchema } from "@/lib/reports/schema";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { staffUpdate } from "@/lib/staff-registrations/mutations";
import { pdfToText, writeTemp } from "@/tests/fixtures/office";
import { makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

/** Issue 14 point 3 and 5b: answers changed from the management link and the staff page, e-mailed, printed. */
const actor = { id: "u-answers", email: "orga@example.org", ip: null };
const PERSON = {
  lastName: "Nom",
  structure: "CCAS de Test",
  structureType: "COMMUNE_CCAS",
  jobTitle: "Travailleur social",
  commune: "Marseille",
};

async function question(journeeId: string, input: Record<string, unknown>) {
  const added = await addQuestion(
    journeeId,
    questionInputSchema.parse({ help: "", purpose: "", options: [], ...input }),
    actor,
  );
  if (!added.ok) throw new Error(added.reason);
  const db = await getDb();
  return db.registrationQuestion.findUniqueOrThrow({
    where: { id: added.ids[0] },
    include: { options: { orderBy: { position: "asc" } } },
  });
}

/** A required atelier question: « Atelier 1 » has one place, « Atelier 2 » no limit. */
const atelier = (journeeId: string, required = true) =>
  question(journeeId, {
    kind: "ONE_CHOICE",
    label: "Quel atelier ?",
    required,
    options: [
      { id: "", label: "Atelier 1", capacity: 1 },
      { id: "", label: "Atelier 2", capacity: null },
    ],
  });

let client = 0;
async function registered(journeeId: string, firstName: string, answers: Record<string, unknown>) {
  const email = `personne-${client}-${Date.now()}@example.org`;
  const done = await submitRegistration(
    { journeeId, firstName, email, privacyAck: true, ...PERSON, answers },
    { ip: `198.51.100.${client++ & 255}` },
  );
  if (!done.ok) throw new Error(done.reason);
  return done;
}

const change = (token: string, firstName: string, answers: Record<string, unknown>) =>
  updateRegistration(token, updateSchema.parse({ firstName, ...PERSON, answers }));

async function counts(optionIds: string[]) {
  const db = await getDb();
  const rows = await db.questionOption.findMany({
    where: { id: { in: optionIds } },
    select: { id: true, confirmedCount: true },
  });
  return optionIds.map((id) => rows.find((r) => r.id === id)?.confirmedCount);
}

async function pdfText(kind: "badges-pdf" | "emargement-pdf", journeeId: string, questionId?: string) {
  const result = await buildExport({}, kind, exportFiltersSchema.parse({ journeeId, questionId }));
  if (!result.ok) return result.reason;
  const buffer = Buffer.isBuffer(result.body) ? result.body : await streamToBuffer(result.body);
  return pdfToText(await writeTemp(result.filename, buffer));
}

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

  it("prints the chosen answer on the badges and the émargement sheet; a personal question is refused", async () => {
    const j = await makeJournee({ capacity: 10, title: "Journée badges réponses" });
    const q = await atelier(j.id);
    const diet = await question(j.id, {
      kind: "ONE_CHOICE",
      label: "Régime",
      personal: true,
      options: [
        { id: "", label: "Végétarien", capacity: null },
        { id: "", label: "Sans porc", capacity: null },
      ],
    });
    await registered(j.id, "Alice", { [q.id]: q.options[0].id, [diet.id]: diet.options[0].id });
    await registered(j.id, "Bruno", { [q.id]: q.options[1].id });
    const badges = await pdfText("badges-pdf", j.id, q.id);
    expect(badges).toContain("Atelier 1");
    expect(badges).toContain("Atelier 2");
    expect(await pdfText("badges-pdf", j.id)).not.toContain("Atelier 1");
    const sheet = await pdfText("emargement-pdf", j.id, q.id);
    expect(sheet).toContain("Quel atelier ?");
    expect(sheet).toContain("Atelier 2");
    expect(await pdfText("badges-pdf", j.id, diet.id)).toBe("unknown_question");
  }, 30_000);
});

describe("answers in the e-mails (real SMTP)", () => {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        done();
      });
    },
  });
  const saved = process.env.SMTP_URL;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("the confirmation lists the answers; a later e-mail too, a removed question marked", async () => {
    const j = await makeJournee({ capacity: 10 });
    const q = await atelier(j.id);
    const count = await question(j.id, { kind: "NUMBER", label: "Combien de collègues ?" });
    const a = await registered(j.id, "Éloïse", { [q.id]: q.options[1].id, [count.id]: "3" });
    const confirmation = await simpleParser(received.at(-1) as Buffer);
    expect(confirmation.text).toContain("Vos réponses :\nQuel atelier ? : Atelier 2\nCombien de collègues ? : 3");
    expect(confirmation.html).toContain("Quel atelier ? : Atelier 2");
    await removeQuestion(j.id, count.id, actor);
    expect(await notifyRegistration(a.registrationId, "resend")).toBe(true);
    const resent = await simpleParser(received.at(-1) as Buffer);
    expect(resent.text).toContain("Quel atelier ? : Atelier 2\nCombien de collègues ? (question retirée) : 3");
  }, 30_000);
});
