import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { parisDateKey } from "@/lib/format/dates";
import { foldForSearch } from "@/lib/text/normalize";
import { getReportJournee, type ReportJournee, type Scope } from "../queries";

/**
 * The « liste traiteur » of a journée (issue 14): the lunches and the count per option of the
 * meal and diet questions, then the diets with names. Two days before, it counts the confirmed
 * registrations; on the day (or once someone is checked in), only the people present. Diets can
 * be health data: the caller's scope is the journée's organisers (exportCapability), audited.
 */
export type CatererMode = "before" | "present";
export type CatererLine = { section: string; label: string; count: number };
export type CatererPerson = { lastName: string; firstName: string; structure: string; diet: string };
export type CatererList = {
  journee: ReportJournee;
  mode: CatererMode;
  title: string;
  lines: CatererLine[];
  people: CatererPerson[];
};

export const CATERER_TITLES: Record<CatererMode, string> = {
  before: "Liste traiteur à J-2 (inscrit·es confirmé·es)",
  present: "Liste traiteur le jour même (présents)",
};

/** « Aucun » régime is not a diet to tell the caterer about. */
const isNone = (label: string) => foldForSearch(label) === "aucun";

export async function getCatererList(scope: Scope, journeeId: string, now = new Date()): Promise<CatererList | null> {
  const journee = await getReportJournee(scope, journeeId);
  if (!journee) return null;
  const db = await getDb();
  const checkIns = await db.checkIn.count({ where: { journeeId } });
  const mode: CatererMode = checkIns > 0 || parisDateKey(now) >= parisDateKey(journee.startsAt) ? "present" : "before";
  const population: Prisma.RegistrationWhereInput =
    mode === "present" ? { journeeId, checkIns: { some: {} } } : { journeeId, status: "CONFIRMED" };
  const questions = await db.registrationQuestion.findMany({
    where: { journeeId, removedAt: null, OR: [{ isMeal: true }, { personal: true }] },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { options: { where: { removedAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }] } },
  });
  const meal = questions.find((q) => q.isMeal && q.options.length > 0);
  // With a meal question, the diets that matter are those of the people who lunch.
  const eaters: Prisma.RegistrationWhereInput = meal
    ? { AND: [population, { answers: { some: { optionId: meal.options[0].id } } }] }
    : population;
  const lines: CatererLine[] = [];
  if (meal) lines.push({ section: "Repas", label: "Déjeuners", count: await db.registration.count({ where: eaters }) });
  for (const q of questions) {
    if (q === meal) continue;
    for (const o of q.options)
      lines.push({
        section: q.label,
        label: o.label,
        count: await db.registration.count({ where: { AND: [eaters, { answers: { some: { optionId: o.id } } }] } }),
      });
  }
  const diets = questions.filter((q) => q.personal);
  const rows = diets.length
    ? await db.registration.findMany({
        where: { AND: [eaters, { answers: { some: { questionId: { in: diets.map((q) => q.id) } } } }] },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { seq: "asc" }],
        select: {
          lastName: true,
          firstName: true,
          structure: true,
          answers: {
            where: { questionId: { in: diets.map((q) => q.id) } },
            select: { questionId: true, text: true, option: { select: { label: true } } },
          },
        },
      })
    : [];
  const people = rows
    .map((r) => ({
      lastName: r.lastName,
      firstName: r.firstName,
      structure: r.structure,
      diet: diets
        .map((q) => {
          const values = r.answers
            .filter((a) => a.questionId === q.id)
            .map((a) => a.option?.label ?? a.text ?? "")
            .filter((v) => v.trim() && !isNone(v));
          return values.length ? `${q.label} : ${values.join(", ")}` : "";
        })
        .filter(Boolean)
        .join(" ; "),
    }))
    .filter((p) => p.diet);
  return { journee, mode, title: CATERER_TITLES[mode], lines, people };
}
