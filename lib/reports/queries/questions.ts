import { getDb } from "@/lib/db/client";
import { getReportJournee, listReportJournees, type Scope } from "../queries";

/**
 * Counts of the organisers' registration questions (issue 14), for confirmed registrations.
 * Every read starts from a journée found inside the caller's scope (`Scope` in the `where`):
 * someone else's journée gives null. Free text is only read when the caller asks for it (the
 * page passes `texts` only to organisers of the journée, who may see personal data).
 */
export type OptionCount = { id: string; label: string; removed: boolean; count: number };
export type QuestionReport = {
  id: string;
  label: string;
  kind: string;
  removed: boolean;
  personal: boolean;
  isMeal: boolean;
  /** Confirmed registrations that answered. */
  answered: number;
  options: OptionCount[];
  numbers: { sum: number; average: number } | null;
  /** Free-text answers, only when asked for (null otherwise). */
  texts: string[] | null;
};
export type MealReport = {
  questionId: string;
  /** Confirmed registrations with a lunch (the meal question's first option, « Oui »). */
  registered: number;
  /** The door is open: the journée has started or someone is checked in. */
  doorOpen: boolean;
  /** Lunches among people checked in (any half-day). */
  present: number;
  parts: { id: string; title: string; present: number }[];
};
export type QuestionReports = { questions: QuestionReport[]; meal: MealReport | null };

async function readQuestions(journeeIds: string[]) {
  const db = await getDb();
  return db.registrationQuestion.findMany({
    where: { journeeId: { in: journeeIds } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { options: { orderBy: [{ position: "asc" }, { id: "asc" }] } },
  });
}

const confirmed = { status: "CONFIRMED" } as const;

export async function getQuestionReports(
  scope: Scope,
  journeeId: string,
  options: { texts: boolean; now?: Date },
): Promise<QuestionReports | null> {
  const j = await getReportJournee(scope, journeeId);
  if (!j) return null;
  const db = await getDb();
  const questions = await readQuestions([j.id]);
  if (!questions.length) return { questions: [], meal: null };
  const ids = questions.map((q) => q.id);
  const [byOption, answered, numbers, texts] = await Promise.all([
    db.registrationAnswer.groupBy({
      by: ["optionId"],
      where: { questionId: { in: ids }, optionId: { not: null }, registration: confirmed },
      _count: { _all: true },
    }),
    answeredCounts(ids),
    db.registrationAnswer.groupBy({
      by: ["questionId"],
      where: { questionId: { in: ids }, number: { not: null }, registration: confirmed },
      _sum: { number: true },
      _avg: { number: true },
    }),
    options.texts
      ? db.registrationAnswer.findMany({
          where: { questionId: { in: ids }, text: { not: null }, registration: confirmed },
          orderBy: { createdAt: "asc" },
          select: { questionId: true, text: true },
        })
      : Promise.resolve(null),
  ]);
  const optionCount = new Map(byOption.map((o) => [o.optionId, o._count._all]));
  const reports: QuestionReport[] = questions.map((q) => {
    const n = numbers.find((x) => x.questionId === q.id);
    return {
      id: q.id,
      label: q.label,
      kind: q.kind,
      removed: q.removedAt !== null,
      personal: q.personal,
      isMeal: q.isMeal,
      answered: answered.get(q.id) ?? 0,
      options: q.options.map((o) => ({
        id: o.id,
        label: o.label,
        removed: o.removedAt !== null,
        count: optionCount.get(o.id) ?? 0,
      })),
      numbers: n ? { sum: n._sum.number ?? 0, average: n._avg.number ?? 0 } : null,
      texts: texts ? texts.filter((t) => t.questionId === q.id).map((t) => t.text ?? "") : null,
    };
  });
  const mealQuestion = questions.find((q) => q.isMeal && q.removedAt === null && q.options.length > 0);
  const meal = mealQuestion ? await mealReport(j, mealQuestion.id, mealQuestion.options[0].id, options.now) : null;
  return { questions: reports, meal };
}

/** Registrations that answered each question (a several-choices answer is one row per option). */
async function answeredCounts(ids: string[]): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db.registrationAnswer.findMany({
    where: { questionId: { in: ids }, registration: confirmed },
    distinct: ["questionId", "registrationId"],
    select: { questionId: true },
  });
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.questionId, (out.get(r.questionId) ?? 0) + 1);
  return out;
}

type MealJournee = { id: string; startsAt: Date; parts: { id: string; kind: string; title: string }[] };

/** « Repas »: lunches registered, and among the people checked in (in all, and per half-day). */
async function mealReport(j: MealJournee, questionId: string, yesId: string, now = new Date()): Promise<MealReport> {
  const db = await getDb();
  const lunch = { answers: { some: { optionId: yesId } } };
  const [registered, checkIns, present, perPart] = await Promise.all([
    db.registration.count({ where: { journeeId: j.id, ...confirmed, ...lunch } }),
    db.checkIn.count({ where: { journeeId: j.id } }),
    db.registration.count({ where: { journeeId: j.id, ...lunch, checkIns: { some: {} } } }),
    db.checkIn.groupBy({
      by: ["partKey"],
      where: { journeeId: j.id, registration: lunch },
      _count: { _all: true },
    }),
  ]);
  const perKey = new Map(perPart.map((p) => [p.partKey, p._count._all]));
  return {
    questionId,
    registered,
    doorOpen: checkIns > 0 || j.startsAt.getTime() <= now.getTime(),
    present,
    parts: j.parts
      .filter((p) => p.kind === "HALF_DAY")
      .map((p) => ({ id: p.id, title: p.title, present: perKey.get(p.id) ?? 0 })),
  };
}

export type ProgrammeQuestionTotals = {
  meal: { journees: number; registered: number; present: number };
  /** Choice counts summed across journées by question and option label (live questions). */
  options: { question: string; option: string; count: number; journees: number }[];
};

/** The programme dashboard: lunches and option counts summed over the journées in scope. */
export async function getProgrammeQuestionTotals(scope: Scope): Promise<ProgrammeQuestionTotals> {
  const journees = (await listReportJournees(scope)).filter((j) => j.status !== "CANCELLED");
  const meal = { journees: 0, registered: 0, present: 0 };
  const sums = new Map<string, { question: string; option: string; count: number; journees: number }>();
  for (const j of journees) {
    const r = await getQuestionReports(scope, j.id, { texts: false });
    if (!r) continue;
    if (r.meal) {
      meal.journees += 1;
      meal.registered += r.meal.registered;
      meal.present += r.meal.present;
    }
    for (const q of r.questions) {
      if (q.removed) continue;
      for (const o of q.options) {
        if (o.removed) continue;
        const key = `${q.label}\u0000${o.label}`;
        const s = sums.get(key) ?? { question: q.label, option: o.label, count: 0, journees: 0 };
        s.count += o.count;
        s.journees += 1;
        sums.set(key, s);
      }
    }
  }
  return { meal, options: [...sums.values()] };
}
