import type { QuestionKindValue } from "./schema";

/** French names of the question kinds, as the editor offers them. */
export const QUESTION_KIND_LABELS: Record<QuestionKindValue, string> = {
  YES_NO: "Oui / non",
  ONE_CHOICE: "Une seule réponse parmi une liste",
  MULTI_CHOICE: "Plusieurs réponses possibles parmi une liste",
  SHORT_TEXT: "Texte court",
  NUMBER: "Nombre entier",
};

/** Every reason code the editor's actions may return, in French. */
export const QUESTION_REFUSALS = {
  unauthenticated: "Votre session a expiré : reconnectez-vous.",
  forbidden: "Vous n'avez pas les droits nécessaires pour cette journée.",
  invalid: "Certains champs sont à corriger.",
  cancelled: "Cette journée est annulée : ses questions ne peuvent plus changer.",
  not_found: "Cette question n'existe pas ou plus (elle a peut-être été retirée entre-temps).",
  too_many: "Une journée compte au plus 20 questions : retirez-en une avant d'en ajouter.",
  kind_locked:
    "Des personnes ont déjà répondu : le type de la question ne peut plus changer. Retirez-la et ajoutez-en une autre.",
  error: "Une erreur inattendue est survenue.",
} as const;
export type QuestionActionRefusal = keyof typeof QUESTION_REFUSALS;

/** Field names → French labels, for the error summary of the question form. */
export function questionFieldLabel(name: string): string {
  const row = /^options\.(\d+)\.(\w+)$/.exec(name);
  if (row) return `Réponse ${Number(row[1]) + 1}${row[2] === "capacity" ? " — places" : ""}`;
  return FIELD_LABELS[name] ?? name;
}
const FIELD_LABELS: Record<string, string> = {
  kind: "Type de question",
  label: "Question",
  help: "Aide",
  purpose: "Pourquoi nous demandons",
  maxLength: "Longueur maximale",
  minValue: "Minimum",
  maxValue: "Maximum",
  options: "Réponses proposées",
  form: "Formulaire",
};
