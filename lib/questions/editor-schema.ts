import { z } from "zod";
import { QUESTION_KINDS, QUESTION_MAX } from "./schema";

/** What an organiser submits for one question (editor form and server action, same schema). */
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v == null ? null : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Indiquez un nombre entier." })
      .int("Indiquez un nombre entier.")
      .min(min, `Au moins ${min}.`)
      .max(max, `Au plus ${max}.`)
      .nullable(),
  );
const text = (max: number) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(max, `${max} caractères au maximum.`));
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const optionInputSchema = z.object({
  /** An existing option's id (kept, answers stay attached), or empty for a new one. */
  id: z.preprocess((v) => (v == null ? "" : v), z.string().max(40)),
  label: z.string().trim().min(1, "Indiquez le libellé de la réponse.").max(QUESTION_MAX.optionLabel),
  capacity: optionalInt(1, 100_000),
});

export const questionInputSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: "Choisissez le type de question." }),
    label: z
      .string({ error: "Indiquez la question." })
      .trim()
      .min(1, "Indiquez la question.")
      .max(QUESTION_MAX.label, `${QUESTION_MAX.label} caractères au maximum.`),
    help: text(QUESTION_MAX.help),
    purpose: text(QUESTION_MAX.purpose),
    required: checkbox,
    personal: checkbox,
    isMeal: checkbox,
    maxLength: optionalInt(1, QUESTION_MAX.textCeiling),
    minValue: optionalInt(-100_000, 100_000),
    maxValue: optionalInt(-100_000, 100_000),
    options: z.array(optionInputSchema).max(QUESTION_MAX.options, `${QUESTION_MAX.options} réponses au maximum.`),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "ONE_CHOICE" || q.kind === "MULTI_CHOICE";
    if (choice && q.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Proposez au moins deux réponses." });
    if (q.minValue !== null && q.maxValue !== null && q.minValue > q.maxValue)
      ctx.addIssue({ code: "custom", path: ["maxValue"], message: "Le maximum doit être supérieur au minimum." });
    // Personal data: the form must say why it is asked (issue 14 point 6).
    if (q.personal && !q.purpose)
      ctx.addIssue({
        code: "custom",
        path: ["purpose"],
        message: "Dites pourquoi vous demandez cette donnée personnelle.",
      });
    const labels = q.options.map((o) => o.label.toLocaleLowerCase("fr"));
    if (new Set(labels).size !== labels.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Deux réponses ont le même libellé." });
  });
export type QuestionInput = z.output<typeof questionInputSchema>;
export type QuestionFormValues = z.input<typeof questionInputSchema>;

/** YES_NO questions always offer Oui then Non (a capacity may be set on either, e.g. lunch). */
export function withYesNoOptions(q: QuestionInput): QuestionInput {
  if (q.kind !== "YES_NO") return q.kind === "SHORT_TEXT" || q.kind === "NUMBER" ? { ...q, options: [] } : q;
  const [yes, no] = q.options;
  return {
    ...q,
    options: [
      { id: yes?.id ?? "", label: "Oui", capacity: yes?.capacity ?? null },
      { id: no?.id ?? "", label: "Non", capacity: no?.capacity ?? null },
    ],
  };
}

const opt = (label: string) => ({ id: "", label, capacity: null });
const base = {
  help: "",
  required: false,
  personal: false,
  isMeal: false,
  maxLength: null,
  minValue: null,
  maxValue: null,
};

/** Ready-made questions, inserted in one click (the organiser may change them afterwards). */
export const READY_MADE = {
  repas: [
    {
      ...base,
      kind: "YES_NO",
      label: "Déjeunerez-vous sur place ?",
      purpose: "Pour commander le bon nombre de repas au traiteur.",
      required: true,
      isMeal: true,
      options: [opt("Oui"), opt("Non")],
    },
  ],
  regime: [
    {
      ...base,
      kind: "ONE_CHOICE",
      label: "Régime alimentaire",
      purpose: "Pour que le traiteur prévoie votre repas. Supprimé avec vos données après la journée.",
      personal: true,
      options: ["Aucun", "Végétarien", "Sans porc", "Sans gluten", "Allergies (précisez ci-dessous)"].map(opt),
    },
    {
      ...base,
      kind: "SHORT_TEXT",
      label: "Allergies ou autre régime : précisez",
      purpose: "Pour que le traiteur prévoie votre repas. Supprimé avec vos données après la journée.",
      personal: true,
      maxLength: 200,
      options: [],
    },
  ],
  transport: [
    {
      ...base,
      kind: "ONE_CHOICE",
      label: "Comment venez-vous ?",
      purpose: "Pour organiser le stationnement et mettre en relation les covoitureurs.",
      options: ["Voiture", "Covoiturage proposé", "Covoiturage recherché", "Transports en commun"].map(opt),
    },
  ],
} satisfies Record<string, QuestionInput[]>;
export type ReadyMadeKey = keyof typeof READY_MADE;
export const READY_MADE_LABELS: Record<ReadyMadeKey, string> = {
  repas: "Repas (oui / non)",
  regime: "Régime alimentaire",
  transport: "Transport",
};
