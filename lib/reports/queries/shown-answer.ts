import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Scope } from "../queries";

/**
 * The answer an organiser chooses to print under each name on the badges and the émargement sheet
 * (« Afficher la réponse à… », e.g. the atelier). Read inside the caller's export scope, like the
 * other exports. Only non-personal choice and number questions qualify: diets and free text are
 * personal data (decision 027: names with diets only in the organisers' « liste traiteur »), and a
 * badge is worn in plain sight.
 */
function shownWhere(scope: Scope, journeeId: string): Prisma.RegistrationQuestionWhereInput {
  return {
    journeeId,
    journee: { AND: [{ id: journeeId }, scope] },
    personal: false,
    kind: { in: ["YES_NO", "ONE_CHOICE", "MULTI_CHOICE", "NUMBER"] },
  };
}

/** The questions offered in the select: live ones first, then removed ones that kept answers. */
export async function listShownQuestions(scope: Scope, journeeId: string) {
  const db = await getDb();
  const rows = await db.registrationQuestion.findMany({
    where: { ...shownWhere(scope, journeeId), OR: [{ removedAt: null }, { answers: { some: {} } }] },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, label: true, removedAt: true },
  });
  return rows
    .sort((a, b) => Number(!!a.removedAt) - Number(!!b.removedAt))
    .map((q) => ({ id: q.id, label: q.removedAt ? `${q.label} (question retirée)` : q.label }));
}

/** Registration id → its answer (several choices joined with « ; »); null if the question does not qualify. */
export async function shownAnswers(scope: Scope, journeeId: string, questionId: string) {
  const db = await getDb();
  const question = await db.registrationQuestion.findFirst({
    where: { id: questionId, ...shownWhere(scope, journeeId) },
    select: { label: true },
  });
  if (!question) return null;
  // Bounded by the journée's capacity (one row per chosen option at most).
  const answers = await db.registrationAnswer.findMany({
    where: { questionId },
    select: { registrationId: true, number: true, option: { select: { label: true, position: true } } },
  });
  answers.sort((a, b) => (a.option?.position ?? 0) - (b.option?.position ?? 0));
  const byRegistration = new Map<string, string>();
  for (const a of answers) {
    const value = a.option ? a.option.label : a.number !== null ? String(a.number) : "";
    if (!value) continue;
    const before = byRegistration.get(a.registrationId);
    byRegistration.set(a.registrationId, before ? `${before} ; ${value}` : value);
  }
  return { label: question.label, byRegistration };
}
