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
