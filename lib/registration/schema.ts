import { z } from "zod";

/**
 * One schema for the registration form (react-hook-form + zodResolver in the browser) and the
 * server action (re-checked on every post). It accepts both shapes a value can arrive in:
 * react-hook-form gives booleans and arrays, a plain form post (no JavaScript) gives "on" and
 * repeated strings — see `formDataToRegistrationValues`.
 */
export const STRUCTURE_TYPES = [
  "COMMUNE_CCAS",
  "EPCI_METROPOLE",
  "ETAT",
  "BAILLEUR_SOCIAL",
  "ASSOCIATION",
  "LOGEMENT_ACCOMPAGNE",
  "SANITAIRE_MEDICO_SOCIAL",
  "AUTRE",
] as const;
export type StructureTypeValue = (typeof STRUCTURE_TYPES)[number];

/** Networks and federations of the Logement d'abord actors in the Bouches-du-Rhône (closed list). */
export const NETWORKS = [
  "UNAFO",
  "FAS",
  "USH",
  "UNCCAS",
  "FONDATION_LOGEMENT",
  "SOLIHA",
  "URIOPSS",
  "UNHAJ",
  "AUCUN",
  "AUTRE",
] as const;
export type NetworkValue = (typeof NETWORKS)[number];

/** Maximum lengths, shared by the schema and the `maxLength` attributes of the inputs. */
export const MAX = {
  firstName: 80,
  lastName: 80,
  email: 254,
  phone: 25,
  structure: 150,
  jobTitle: 120,
  commune: 80,
  accessibilityNeeds: 1000,
  id: 40,
  honeypot: 200,
} as const;

const required = (max: number, what: string) =>
  z
    .string({ error: `Indiquez ${what}.` })
    .trim()
    .min(1, `Indiquez ${what}.`)
    .max(max, `${max} caractères au maximum.`);

const optionalText = (max: number) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(max, `${max} caractères au maximum.`));

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const idList = z.preprocess(
  (v) => (v == null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().max(MAX.id, "Choix invalide.")).max(10, "Choix invalide."),
);

/** Optional choice from a closed list: "" (or nothing) means not given. */
const optionalNetwork = z.preprocess(
  (v) => (v == null || v === false ? "" : v),
  z.union([z.literal(""), z.enum(NETWORKS)], { error: "Choisissez un réseau dans la liste." }),
);

const optionalId = z.preprocess((v) => (v == null || v === false ? "" : v), z.string().max(MAX.id, "Choix invalide."));

export const personFields = {
  firstName: required(MAX.firstName, "votre prénom"),
  lastName: required(MAX.lastName, "votre nom"),
  phone: optionalText(MAX.phone).refine((v) => v === "" || /^\+?[0-9 .()-]{6,25}$/.test(v), {
    message: "Numéro de téléphone invalide (chiffres, espaces, points, tirets ; exemple : 04 91 00 00 00).",
  }),
  structure: required(MAX.structure, "votre structure"),
  structureType: z.enum(STRUCTURE_TYPES, { error: "Choisissez le type de votre structure." }),
  network: optionalNetwork,
  jobTitle: required(MAX.jobTitle, "votre fonction"),
  commune: required(MAX.commune, "la commune de votre structure"),
  halfDayIds: idList,
  workshopId: optionalId,
  accessibilityNeeds: optionalText(MAX.accessibilityNeeds),
  inviteConsent: checkbox,
};

export const registrationSchema = z.object({
  journeeId: z.string({ error: "Journée inconnue." }).min(1, "Journée inconnue.").max(MAX.id, "Journée inconnue."),
  ...personFields,
  email: z
    .string({ error: "Indiquez votre e-mail professionnel." })
    .trim()
    .min(1, "Indiquez votre e-mail professionnel.")
    .max(MAX.email, `${MAX.email} caractères au maximum.`)
    .pipe(z.email("Adresse e-mail invalide (exemple : prenom.nom@structure.fr).")),
  privacyAck: checkbox.refine((v) => v, { message: "Cochez cette case pour confirmer avoir lu l'information." }),
  /** Honeypot: hidden from people, filled by bots. Must stay empty. */
  siteWeb: optionalText(MAX.honeypot),
  /**
   * The journée's own questions (lib/questions/schema.ts): passed on as given, checked by the
   * schema built from the questions — in the form, and on the server inside the transaction.
   */
  answers: z
    .record(z.string().max(MAX.id), z.unknown(), { error: "Réponses invalides." })
    .optional()
    .refine((a) => !a || Object.keys(a).length <= 20, { message: "Réponses invalides." }),
});

export type RegistrationFormValues = z.input<typeof registrationSchema>;
export type RegistrationInput = z.output<typeof registrationSchema>;

/** Changes allowed from the management link (the e-mail is the identity: not editable). */
export const updateSchema = z.object({ ...personFields, answers: registrationSchema.shape.answers });
export type UpdateFormValues = z.input<typeof updateSchema>;
export type UpdateInput = z.output<typeof updateSchema>;

export const resendSchema = z.object({
  journeeId: registrationSchema.shape.journeeId,
  email: registrationSchema.shape.email,
});

const ARRAY_FIELDS = new Set(["halfDayIds"]);

const ANSWER_PREFIX = "answers.";

/**
 * A posted form as the plain object the schema expects (repeated checkboxes become an array;
 * `answers.<question id>` fields become the `answers` object, repeated ones an array).
 */
export function formDataToValues(form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const answers: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (key.startsWith(ANSWER_PREFIX)) answers[key.slice(ANSWER_PREFIX.length)] = all.length > 1 ? all : (all[0] ?? "");
    else values[key] = ARRAY_FIELDS.has(key) ? all : all[0];
  }
  if (Object.keys(answers).length) values.answers = answers;
  return values;
}

/** Field → first French message, for display next to each field (`answers.<id>` for a question). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path;
    const key = first === "answers" && second !== undefined ? `answers.${String(second)}` : String(first ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** What a refused form post sends back so the form re-renders with every entry kept. */
export function keptValues(values: Record<string, unknown>): Record<string, string | string[] | boolean> {
  const kept: Record<string, string | string[] | boolean> = {};
  const answers = values.answers;
  const entries = Object.entries(values).filter(([key]) => key !== "answers");
  if (answers && typeof answers === "object" && !Array.isArray(answers)) {
    for (const [id, value] of Object.entries(answers).slice(0, 20))
      entries.push([`${ANSWER_PREFIX}${id.slice(0, 40)}`, value]);
  }
  for (const [key, value] of entries) {
    if (key === "siteWeb") continue;
    if (Array.isArray(value)) kept[key] = value.filter((v) => typeof v === "string").slice(0, 10);
    else if (typeof value === "boolean") kept[key] = value;
    else if (typeof value === "string") kept[key] = value.slice(0, 2000);
  }
  return kept;
}
