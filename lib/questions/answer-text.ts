/**
 * A person's stored answers as lines to read (management page, e-mails, staff page, audit):
 * one line per question, several choices joined with « ; », in the form's order. Answers to a
 * removed question (or a removed option) stay, marked, because nothing answered is ever deleted
 * by the editor (decision 022). No server import: shared with client components.
 */
export type StoredAnswer = {
  questionId: string;
  optionId?: string | null;
  text: string | null;
  number: number | null;
  question: { label: string; position: number; removedAt: Date | null };
  option: { label: string; position: number; removedAt: Date | null } | null;
};
export type AnswerLine = { questionId: string; label: string; value: string; removed: boolean };

/** The select that reads what `answerLines` needs (a Prisma `select` for `answers`). */
export const STORED_ANSWERS_SELECT = {
  select: {
    questionId: true,
    optionId: true,
    text: true,
    number: true,
    question: { select: { label: true, position: true, removedAt: true } },
    option: { select: { label: true, position: true, removedAt: true } },
  },
} as const;

export const REMOVED_QUESTION = "question retirée";

export function answerLines(answers: StoredAnswer[]): AnswerLine[] {
  const sorted = [...answers].sort(
    (a, b) =>
      Number(!!a.question.removedAt) - Number(!!b.question.removedAt) ||
      a.question.position - b.question.position ||
      a.questionId.localeCompare(b.questionId) ||
      (a.option?.position ?? 0) - (b.option?.position ?? 0),
  );
  const lines = new Map<string, AnswerLine>();
  for (const a of sorted) {
    const value = a.option
      ? `${a.option.label}${a.option.removedAt && !a.question.removedAt ? " (réponse retirée)" : ""}`
      : a.number !== null
        ? String(a.number)
        : (a.text ?? "");
    if (!value) continue;
    const line = lines.get(a.questionId);
    if (line) line.value = `${line.value} ; ${value}`;
    else
      lines.set(a.questionId, {
        questionId: a.questionId,
        label: a.question.label,
        value,
        removed: !!a.question.removedAt,
      });
  }
  return [...lines.values()];
}

/** « Label : value » (« (question retirée) » after a removed question's label), for e-mails and audit. */
export function answerLineText(line: AnswerLine): string {
  return `${line.label}${line.removed ? ` (${REMOVED_QUESTION})` : ""} : ${line.value}`;
}

/** Stored answers → the form's current values, flat (`answers.<id>`), for the live questions shown. */
export function answerDefaults(
  questions: { id: string; kind: string; options: { id: string }[] }[],
  answers: StoredAnswer[],
): Record<string, string | string[]> {
  return Object.fromEntries(
    questions.map((q) => {
      const mine = answers.filter((a) => a.questionId === q.id);
      const chosen = mine.flatMap((a) =>
        a.optionId && q.options.some((o) => o.id === a.optionId) ? [a.optionId] : [],
      );
      const plain = mine.find((a) => !a.optionId);
      const value =
        q.kind === "MULTI_CHOICE"
          ? chosen
          : q.kind === "SHORT_TEXT" || q.kind === "NUMBER"
            ? (plain?.text ?? (plain?.number != null ? String(plain.number) : ""))
            : (chosen[0] ?? "");
      return [`answers.${q.id}`, value];
    }),
  );
}

/** Answers just written (registration transaction) → « Label : value » lines, in the form's order. */
export function writtenAnswerTexts(
  questions: { id: string; label: string; options: { id: string; label: string }[] }[],
  rows: { questionId: string; optionId: string | null; text: string | null; number: number | null }[],
): string[] {
  return questions.flatMap((q) => {
    const mine = rows.filter((r) => r.questionId === q.id);
    const values = [
      ...q.options.filter((o) => mine.some((r) => r.optionId === o.id)).map((o) => o.label),
      ...mine.flatMap((r) => (r.number !== null ? [String(r.number)] : r.text ? [r.text] : [])),
    ];
    return values.length ? [`${q.label} : ${values.join(" ; ")}`] : [];
  });
}
