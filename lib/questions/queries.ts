import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** What the public registration form needs of a journée's live questions (select for a journée read). */
export const formQuestionsSelect = {
  where: { removedAt: null },
  orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  select: {
    id: true,
    kind: true,
    label: true,
    help: true,
    purpose: true,
    required: true,
    maxLength: true,
    minValue: true,
    maxValue: true,
    options: {
      where: { removedAt: null },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, label: true, capacity: true, confirmedCount: true },
    },
  },
} satisfies Prisma.Journee$questionsArgs;

/**
 * The question editor's read: the journée's live questions (scoped by the caller's manage scope
 * in the `where`) with their live options, the places taken, and how many registrations have
 * already answered each one (the editor warns that those answers are kept through a change).
 */
export async function listEditorQuestions(scope: JourneeScope, journeeId: string) {
  const db = await getDb();
  const questions = await db.registrationQuestion.findMany({
    where: { journeeId, removedAt: null, journee: scope },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      ...formQuestionsSelect.select,
      personal: true,
      isMeal: true,
    },
  });
  // One row per (question, registration): several choices by one person count once.
  const answered = questions.length
    ? await db.registrationAnswer.findMany({
        where: { questionId: { in: questions.map((q) => q.id) } },
        distinct: ["questionId", "registrationId"],
        select: { questionId: true },
      })
    : [];
  const counts = new Map<string, number>();
  for (const a of answered) counts.set(a.questionId, (counts.get(a.questionId) ?? 0) + 1);
  return questions.map((q) => ({ ...q, answerCount: counts.get(q.id) ?? 0 }));
}
export type EditorQuestion = Awaited<ReturnType<typeof listEditorQuestions>>[number];

/** A cancelled journée's questions no longer change (its registrations are over). */
export async function isJourneeCancelled(journeeId: string): Promise<boolean> {
  const db = await getDb();
  const j = await db.journee.findUnique({ where: { id: journeeId }, select: { status: true } });
  return j?.status === "CANCELLED";
}

/** A journée's live questions as the forms show them (management link, staff edit). */
export async function getFormQuestionRows(journeeId: string) {
  const db = await getDb();
  const { where, orderBy, select } = formQuestionsSelect;
  return db.registrationQuestion.findMany({ where: { ...where, journeeId }, orderBy, select });
}
