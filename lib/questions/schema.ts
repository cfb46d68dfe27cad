import { z } from "zod";

/**
 * The answers part of the registration form, built from the journée's own questions (decision
 * 022). The same builder runs in the browser (react-hook-form's zodResolver) and on the server,
 * inside the registration transaction, with the questions read there. Every answer arrives as
 * what a form posts (strings, repeated strings) or what JSON sends (numbers, arrays).
 */
export const QUESTION_KINDS = ["YES_NO", "ONE_CHOICE", "MULTI_CHOICE", "SHORT_TEXT", "NUMBER"] as const;
export type QuestionKindValue = (typeof QUESTION_KINDS)[number];

export const QUESTION_MAX = {
  label: 200,
  help: 500,
  purpose: 300,
  optionLabel: 120,
  options: 20,
  questions: 20,
  /** Default and ceiling of a short text answer's length. */
  text: 200,
  textCeiling: 1000,
  /** Default bounds of a number answer. */
  minValue: 0,
  maxValue: 100_000,
} as const;

export type QuestionDef = {
  id: string;
  kind: QuestionKindValue;
  label: string;
  required: boolean;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  options: { id: string; label: string }[];
};

/** One parsed answer: the chosen options (choice kinds), or a text, or a number; all empty = not answered. */
export type ParsedAnswer = { optionIds: string[]; text: string | null; number: number | null };
export type ParsedAnswers = Record<string, ParsedAnswer>;

export const answerField = (questionId: string) => `answers.${questionId}`;

const NONE: ParsedAnswer = { optionIds: [], text: null, number: null };
const toList = (v: unknown): unknown[] =>
  v == null || v === "" || v === false ? [] : Array.isArray(v) ? [...new Set(v)] : [v];
const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function choiceSchema(q: QuestionDef) {
  const ids = new Set(q.options.map((o) => o.id));
  const several = q.kind === "MULTI_CHOICE";
  const list = z.array(z.string().max(40), { error: "Choix invalide." }).max(several ? q.options.length : 1, {
    message: several ? "Choix invalide." : "Choisissez une seule réponse.",
  });
  return z
    .preprocess(toList, list)
    .refine((chosen) => chosen.every((id) => ids.has(id)), { message: "Ce choix n'existe pas pour cette question." })
    .refine((chosen) => !q.required || chosen.length > 0, {
      message: several ? "Choisissez au moins une réponse." : "Choisissez une réponse.",
    })
    .transform((chosen): ParsedAnswer => ({ ...NONE, optionIds: chosen }));
}

function textSchema(q: QuestionDef) {
  const max = Math.min(q.maxLength ?? QUESTION_MAX.text, QUESTION_MAX.textCeiling);
  return z
    .preprocess((v) => (v == null ? "" : firstOf(v)), z.string({ error: "Réponse invalide." }))
    .transform((v) => v.trim())
    .pipe(z.string().max(max, `${max} caractères au maximum.`))
    .refine((v) => !q.required || v.length > 0, { message: "Répondez à cette question." })
    .transform((v): ParsedAnswer => ({ ...NONE, text: v || null }));
}

function numberSchema(q: QuestionDef) {
  const min = q.minValue ?? QUESTION_MAX.minValue;
  const max = q.maxValue ?? QUESTION_MAX.maxValue;
  return z
    .preprocess((v) => {
      const one = firstOf(v);
      if (one == null || one === "") return null;
      if (typeof one === "number") return one;
      const text = String(one).trim().replace(",", ".");
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    }, z.number({ error: "Indiquez un nombre." }).nullable())
    .refine((v) => v === null || Number.isInteger(v), { message: "Indiquez un nombre entier." })
    .refine((v) => v === null || (v >= min && v <= max), { message: `Indiquez un nombre entre ${min} et ${max}.` })
    .refine((v) => !q.required || v !== null, { message: "Indiquez un nombre." })
    .transform((v): ParsedAnswer => ({ ...NONE, number: v }));
}

export function answerSchemaOf(q: QuestionDef) {
  if (q.kind === "SHORT_TEXT") return textSchema(q);
  if (q.kind === "NUMBER") return numberSchema(q);
  return choiceSchema(q);
}

/** `answers`: one key per live question, nothing else (an unknown key is refused). */
export function answersSchema(questions: QuestionDef[]) {
  const shape = Object.fromEntries(questions.map((q) => [q.id, answerSchemaOf(q)]));
  return z.preprocess(
    (v) => (v == null ? {} : v),
    z.strictObject(shape, {
      error: (issue) => (issue.code === "unrecognized_keys" ? "Question inconnue." : "Réponses invalides."),
    }),
  ) as unknown as z.ZodType<ParsedAnswers, unknown>;
}

/** Whether an answer says something (a chosen option, a text, a number). */
export function isAnswered(a: ParsedAnswer | undefined): boolean {
  return !!a && (a.optionIds.length > 0 || a.text !== null || a.number !== null);
}

/** Issues of `answersSchema` → `answers.<question id>` field errors (first French message each). */
export function answerErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? answerField(String(issue.path[0])) : "answers";
    out[key] ??= issue.message;
  }
  return out;
}
