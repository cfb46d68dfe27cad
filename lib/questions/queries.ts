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

/** A journée's live questions as the forms show them (management link, staff edit). */
export async function getFormQuestionRows(journeeId: string) {
  // Imported here so that this addition stays at the end of a file edited alongside (the editor).
  const { getDb } = await import("@/lib/db/client");
  const db = await getDb();
  const { where, orderBy, select } = formQuestionsSelect;
  return db.registrationQuestion.findMany({ where: { ...where, journeeId }, orderBy, select });
}
