import type { QuestionDef, QuestionKindValue } from "./schema";

/** A question as the registration form shows it (no server import: shared with the client). */
export type FormQuestion = Omit<QuestionDef, "options"> & {
  help: string;
  purpose: string;
  options: { id: string; label: string; full: boolean; left: number | null }[];
};

type Row = {
  id: string;
  kind: QuestionKindValue;
  label: string;
  help: string;
  purpose: string;
  required: boolean;
  maxLength: number | null;
  minValue: number | null;
  maxValue: number | null;
  options: { id: string; label: string; capacity: number | null; confirmedCount: number }[];
};

/** Rows → form questions; a person's current choice stays selectable even if now full. */
export function toFormQuestions(rows: Row[], keep: string[] = []): FormQuestion[] {
  return rows.map((q) => ({
    ...q,
    options: q.options.map((o) => {
      const left = o.capacity === null ? null : Math.max(0, o.capacity - o.confirmedCount);
      return { id: o.id, label: o.label, left, full: left === 0 && !keep.includes(o.id) };
    }),
  }));
}

/** The form's empty values for the questions, flat (`answers.<id>`), as a no-JS post keeps them. */
export function emptyAnswers(questions: FormQuestion[]): Record<string, string | string[]> {
  return Object.fromEntries(questions.map((q) => [`answers.${q.id}`, q.kind === "MULTI_CHOICE" ? [] : ""]));
}

/** Flat `answers.<id>` values → the nested `answers` object react-hook-form works with. */
export function nestAnswers(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith("answers.")) answers[key.slice("answers.".length)] = value;
    else out[key] = value;
  }
  return Object.keys(answers).length ? { ...out, answers } : out;
}
