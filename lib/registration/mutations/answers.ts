import type { Prisma } from "@/lib/db/generated/client";
import { answerErrorsOf, answersSchema, type QuestionDef } from "@/lib/questions/schema";
import { RegistrationRefused } from "./refused";

type Tx = Prisma.TransactionClient;
type OptionRow = { id: string; label: string; capacity: number | null };
export type QuestionRow = Omit<QuestionDef, "options"> & { options: OptionRow[] };
export type AnswerRow = {
  questionId: string;
  optionId: string | null;
  text: string | null;
  number: number | null;
  holdsPlace: boolean;
};

/** The journée's live questions and live options, in order (select for a journée read). */
export const liveQuestionsSelect = {
  where: { removedAt: null },
  orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  select: {
    id: true,
    kind: true,
    label: true,
    required: true,
    maxLength: true,
    minValue: true,
    maxValue: true,
    options: {
      where: { removedAt: null },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, label: true, capacity: true },
    },
  },
} satisfies Prisma.Journee$questionsArgs;

/** Takes one place of an option (options without capacity always have room): a conditional update. */
export async function takeOptionPlace(tx: Tx, optionId: string): Promise<boolean> {
  const rows = await tx.$executeRaw`
    UPDATE "QuestionOption" SET "confirmedCount" = "confirmedCount" + 1
    WHERE id = ${optionId} AND (capacity IS NULL OR "confirmedCount" < capacity)`;
  return rows === 1;
}

/**
 * Checks the answers against the journée's questions (the same schema as the form) and, for a
 * confirmed person, takes a place of every chosen option (id order: a fixed lock order). A full
 * option refuses the registration when its question is required (`option_full`, nothing written);
 * otherwise that choice is dropped and named in `dropped`. A waitlisted person's choices are kept
 * without a place (taken on promotion, as for ateliers).
 */
export async function answersToWrite(tx: Tx, questions: QuestionRow[], raw: unknown, confirmed: boolean) {
  const parsed = answersSchema(questions).safeParse(raw);
  if (!parsed.success) throw new RegistrationRefused("invalid", answerErrorsOf(parsed.error));
  const rows: AnswerRow[] = [];
  const dropped: string[] = [];
  const chosen = questions.flatMap((q) =>
    (parsed.data[q.id]?.optionIds ?? []).map((optionId) => ({ q, option: q.options.find((o) => o.id === optionId) })),
  );
  for (const { q, option } of chosen.sort((a, b) => String(a.option?.id).localeCompare(String(b.option?.id)))) {
    if (!option) continue;
    const holdsPlace = confirmed && (await takeOptionPlace(tx, option.id));
    if (confirmed && !holdsPlace) {
      if (q.required) {
        throw new RegistrationRefused("option_full", {
          [`answers.${q.id}`]: `« ${option.label} » est complet : choisissez une autre réponse.`,
        });
      }
      dropped.push(`${q.label} : ${option.label}`);
      continue;
    }
    rows.push({ questionId: q.id, optionId: option.id, text: null, number: null, holdsPlace });
  }
  for (const q of questions) {
    const a = parsed.data[q.id];
    if (a && (a.text !== null || a.number !== null))
      rows.push({ questionId: q.id, optionId: null, text: a.text, number: a.number, holdsPlace: false });
  }
  return { rows, dropped };
}

/** Gives back the option places a registration holds (cancellation). */
export async function releaseOptionPlaces(tx: Tx, registrationId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "QuestionOption" o SET "confirmedCount" = GREATEST(o."confirmedCount" - 1, 0)
    FROM "RegistrationAnswer" a
    WHERE a."registrationId" = ${registrationId} AND a."holdsPlace" AND a."optionId" = o.id`;
  await tx.registrationAnswer.updateMany({ where: { registrationId, holdsPlace: true }, data: { holdsPlace: false } });
}

/**
 * On promotion from the waiting list: takes a place of every chosen option, or drops the choice
 * if the option is full (never overbooked). Returns the dropped choices, for the e-mail.
 */
export async function takeOptionPlacesOnPromotion(tx: Tx, registrationId: string): Promise<string[]> {
  const choices = await tx.registrationAnswer.findMany({
    where: { registrationId, holdsPlace: false, optionId: { not: null }, question: { removedAt: null } },
    select: { id: true, optionId: true, question: { select: { label: true } }, option: { select: { label: true } } },
    orderBy: { optionId: "asc" },
  });
  const dropped: string[] = [];
  for (const c of choices) {
    if (c.optionId && (await takeOptionPlace(tx, c.optionId))) {
      await tx.registrationAnswer.update({ where: { id: c.id }, data: { holdsPlace: true } });
      continue;
    }
    await tx.registrationAnswer.delete({ where: { id: c.id } });
    dropped.push(`${c.question.label} : ${c.option?.label ?? ""}`);
  }
  return dropped;
}
