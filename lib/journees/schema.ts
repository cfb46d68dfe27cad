import { z } from "zod";
import { parisTime } from "@/lib/format/dates";

/**
 * The journée form (create and edit), shared by the browser and the server action. Dates are typed
 * as Paris wall-clock times ("YYYY-MM-DDTHH:mm", a datetime-local input) and become instants here,
 * whatever the server's time zone. Parts arrive as `parts.0.title`, `parts.0.kind`… (see below).
 */
export const PART_KINDS = ["HALF_DAY", "WORKSHOP"] as const;
export const PART_KIND_LABELS: Record<(typeof PART_KINDS)[number], string> = {
  HALF_DAY: "Demi-journée",
  WORKSHOP: "Atelier",
};
export const MAX_PARTS = 12;

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const localTime = (what: string) =>
  z
    .string({ error: `Indiquez ${what}.` })
    .trim()
    .regex(LOCAL, `Indiquez ${what} (jour et heure).`)
    .transform((v) => parisTime(v.slice(0, 10), v.slice(11, 16)));

const text = (max: number, what: string) =>
  z
    .string({ error: `Indiquez ${what}.` })
    .trim()
    .min(1, `Indiquez ${what}.`)
    .max(max, `${max} caractères au maximum.`);
const optionalText = (max: number) =>
  z.preprocess((v) => v ?? "", z.string().trim().max(max, `${max} caractères au maximum.`));
const count = (what: string) =>
  z.coerce
    .number({ error: `Indiquez ${what}.` })
    .int("Un nombre entier.")
    .min(1, "Au moins 1 place.")
    .max(5000, "5 000 places au maximum.");

export const partSchema = z
  .object({
    id: z.preprocess((v) => v || undefined, z.string().max(40).optional()),
    kind: z.enum(PART_KINDS, { error: "Choisissez demi-journée ou atelier." }),
    title: text(200, "l'intitulé"),
    startsAt: localTime("le début"),
    endsAt: localTime("la fin"),
    capacity: z.preprocess((v) => (v === "" || v == null ? null : v), count("la capacité").nullable()),
  })
  .refine((p) => p.endsAt > p.startsAt, { path: ["endsAt"], message: "La fin doit suivre le début." });

export const journeeSchema = z
  .object({
    partnerId: z.string({ error: "Choisissez le partenaire." }).trim().min(1, "Choisissez le partenaire.").max(40),
    title: text(200, "le titre"),
    city: text(80, "la ville"),
    venue: text(150, "le lieu"),
    address: text(250, "l'adresse"),
    accessInfo: optionalText(1000),
    programme: optionalText(5000),
    startsAt: localTime("le début de la journée"),
    endsAt: localTime("la fin de la journée"),
    capacity: count("la capacité"),
    registrationOpensAt: localTime("l'ouverture des inscriptions"),
    registrationClosesAt: localTime("la clôture des inscriptions"),
    isPlenary: z.preprocess((v) => v === true || v === "on", z.boolean()),
    parts: z.array(partSchema).max(MAX_PARTS, `${MAX_PARTS} parties au maximum.`),
  })
  .superRefine((j, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (j.endsAt <= j.startsAt) issue(["endsAt"], "La fin de la journée doit suivre son début.");
    if (j.registrationClosesAt <= j.registrationOpensAt)
      issue(["registrationClosesAt"], "La clôture des inscriptions doit suivre leur ouverture.");
    if (j.registrationClosesAt > j.startsAt)
      issue(["registrationClosesAt"], "Les inscriptions doivent se clore au plus tard au début de la journée.");
    j.parts.forEach((p, i) => {
      if (p.startsAt < j.startsAt || p.endsAt > j.endsAt)
        issue(["parts", i, "startsAt"], "Ce créneau doit se tenir pendant la journée.");
      if (p.capacity !== null && p.capacity > j.capacity)
        issue(["parts", i, "capacity"], "Pas plus de places que la journée elle-même.");
    });
  });

export type JourneeFormValues = z.input<typeof journeeSchema>;
export type JourneeInput = z.output<typeof journeeSchema>;
export type PartInput = JourneeInput["parts"][number];

/** Splits `parts.N.field` entries into one object per part (index order) and the other fields. */
export function splitPartEntries(entries: Iterable<[string, unknown]>) {
  const rest: Record<string, string> = {};
  const parts: Record<string, string>[] = [];
  for (const [key, value] of entries) {
    if (key.startsWith("$") || typeof value !== "string") continue;
    const m = /^parts\.(\d{1,2})\.(\w+)$/.exec(key);
    if (!m) {
      rest[key] = value;
      continue;
    }
    const part = parts[Number(m[1])] ?? {};
    part[m[2]] = value;
    parts[Number(m[1])] = part;
  }
  return { rest, parts: parts.filter(Boolean) };
}

/** A posted form as the object the schema expects. */
export function formDataToJourneeValues(form: FormData): Record<string, unknown> {
  const { rest, parts } = splitPartEntries(form);
  return { ...rest, parts };
}

/** Field path → first French message ("parts.0.title" for a part's field). */
export function journeeFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}

/** Kept under its old name for the journée form. */
export { formatParisLocalInput as toParisLocalInput } from "@/lib/format/dates";

export const idSchema = z.string().trim().min(1).max(40);
export const cancelJourneeSchema = z.object({
  journeeId: idSchema,
  confirm: z.literal("on", { error: "Cochez la case pour confirmer l'annulation." }),
});

export const JOURNEE_REFUSALS = {
  unauthenticated: "Votre session a expiré : reconnectez-vous.",
  forbidden: "Vous n'avez pas les droits nécessaires pour cette journée.",
  invalid: "Certains champs sont à corriger.",
  not_found: "Cette journée n'existe pas ou plus.",
  wrong_status: "Cette action n'est pas possible dans l'état actuel de la journée.",
  capacity_below_confirmed: "La capacité ne peut pas descendre sous le nombre d'inscrits confirmés.",
  part_in_use: "Ce créneau a déjà des inscrits : il ne peut pas être supprimé.",
  error: "Une erreur inattendue est survenue.",
} as const;
export type JourneeRefusal = keyof typeof JOURNEE_REFUSALS;
