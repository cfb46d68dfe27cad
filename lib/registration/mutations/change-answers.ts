import { answerErrorsOf, answersSchema, type ParsedAnswer } from "@/lib/questions/schema";
import { liveQuestionsSelect, type QuestionRow, takeOptionPlace } from "./answers";
import type { Tx } from "./in-transaction";
import { RegistrationRefused } from "./refused";

type Existing = { id: string; questionId: string; optionId: string | null; text: string | null; number: number | null };
export type AnswerChange = { question: string; before: string; after: string };

const shownValue = (q: QuestionRow, a: { optionIds: string[]; text: string | null; number: number | null }) =>
  q.options
    .filter((o) => a.optionIds.includes(o.id))
    .map((o) => o.label)
    .join(" ; ") || (a.number !== null ? String(a.number) : (a.text ?? ""));

/**
 * Changes a registration's answers to the journée's live questions, inside the caller's
 * transaction (which holds the journée lock, so changes of one journée never interleave).
 * The same schema as the form checks them. For a confirmed person the option places are diffed:
 * places of options no longer chosen are given back, new ones taken by the conditional update —
 * a full option refuses the change when its question is required (`option_full`, the whole
 * transaction rolls back), else that choice is dropped and named in `dropped`. A waitlisted
 * person holds no option place (their choices are taken on promotion, as at registration).
 * Answers to removed questions, and choices of removed options, are left as they are.
 */
export async function changeAnswers(
  tx: Tx,
  registrationId: string,
  journeeId: string,
  raw: unknown,
  confirmed: boolean,
) {
  const { where, orderBy, select } = liveQuestionsSelect;
  const questions: QuestionRow[] = await tx.registrationQuestion.findMany({
    where: { ...where, journeeId },
    orderBy,
    select,
  });
  if (!questions.length) return { dropped: [] as string[], changes: [] as AnswerChange[] };
  const parsed = answersSchema(questions).safeParse(raw ?? {});
  if (!parsed.success) throw new RegistrationRefused("invalid", answerErrorsOf(parsed.error));
  const stored: (Existing & { holdsPlace: boolean })[] = await tx.registrationAnswer.findMany({
    where: { registrationId, questionId: { in: questions.map((q) => q.id) } },
    select: { id: true, questionId: true, optionId: true, text: true, number: true, holdsPlace: true },
  });
  const dropped: string[] = [];
  const changes: AnswerChange[] = [];
  const releases: string[] = [];
  const takes: { q: QuestionRow; optionId: string }[] = [];
  for (const q of questions) {
    const live = new Set(q.options.map((o) => o.id));
    const mine = stored.filter((a) => a.questionId === q.id && (a.optionId === null || live.has(a.optionId)));
    const next: ParsedAnswer = parsed.data[q.id] ?? { optionIds: [], text: null, number: null };
    const had = { optionIds: mine.flatMap((a) => (a.optionId ? [a.optionId] : [])), text: null, number: null };
    const plain = mine.find((a) => a.optionId === null);
    const before = shownValue(q, { ...had, text: plain?.text ?? null, number: plain?.number ?? null });
    // Gone: no longer chosen options, and a text or number about to be replaced.
    const gone = mine.filter((a) =>
      a.optionId ? !next.optionIds.includes(a.optionId) : a.text !== next.text || a.number !== next.number,
    );
    for (const a of gone) if (a.holdsPlace && a.optionId) releases.push(a.optionId);
    if (gone.length) await tx.registrationAnswer.deleteMany({ where: { id: { in: gone.map((a) => a.id) } } });
    for (const optionId of next.optionIds) if (!had.optionIds.includes(optionId)) takes.push({ q, optionId });
    const answered = next.text !== null || next.number !== null;
    if (answered && (!plain || gone.includes(plain)))
      await tx.registrationAnswer.create({
        data: { registrationId, questionId: q.id, text: next.text, number: next.number },
      });
    const after = shownValue(q, next);
    if (before !== after) changes.push({ question: q.label, before, after });
  }
  for (const optionId of releases.sort())
    await tx.$executeRaw`
      UPDATE "QuestionOption" SET "confirmedCount" = GREATEST("confirmedCount" - 1, 0) WHERE id = ${optionId}`;
  // Fixed lock order (option id), as at registration.
  for (const { q, optionId } of takes.sort((a, b) => a.optionId.localeCompare(b.optionId))) {
    const holdsPlace = confirmed && (await takeOptionPlace(tx, optionId));
    if (confirmed && !holdsPlace) {
      const label = q.options.find((o) => o.id === optionId)?.label ?? "";
      if (q.required)
        throw new RegistrationRefused("option_full", {
          [`answers.${q.id}`]: `« ${label} » est complet : choisissez une autre réponse.`,
        });
      dropped.push(`${q.label} : ${label}`);
      continue;
    }
    await tx.registrationAnswer.create({ data: { registrationId, questionId: q.id, optionId, holdsPlace } });
  }
  return { dropped, changes: withDropped(changes, dropped) };
}

/** A dropped choice is not part of the « after » the audit records. */
function withDropped(changes: AnswerChange[], dropped: string[]): AnswerChange[] {
  if (!dropped.length) return changes;
  return changes.map((c) => {
    const lost = dropped.filter((d) => d.startsWith(`${c.question} : `)).map((d) => d.slice(c.question.length + 3));
    const after = c.after
      .split(" ; ")
      .filter((v) => v && !lost.includes(v))
      .join(" ; ");
    return { ...c, after };
  });
}
