import { z } from "zod";

/** Staff side of registrations: search, and the refusal messages of the staff actions. */
export const PAGE_SIZE = 25;
export const STATUS_FILTERS = ["", "CONFIRMED", "WAITLISTED", "CANCELLED"] as const;
export const STATUS_FILTER_LABELS: Record<(typeof STATUS_FILTERS)[number], string> = {
  "": "Tous les statuts",
  CONFIRMED: "Confirmées",
  WAITLISTED: "Liste d'attente",
  CANCELLED: "Annulées",
};

export const searchSchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().trim().max(100).catch("")),
  statut: z.enum(STATUS_FILTERS).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type SearchInput = z.output<typeof searchSchema>;

export const registrationIdSchema = z.object({
  journeeId: z.string().trim().min(1).max(40),
  registrationId: z.string().trim().min(1).max(40),
});

export const STAFF_REFUSALS = {
  unauthenticated: "Votre session a expiré : reconnectez-vous.",
  forbidden: "Vous n'avez pas les droits nécessaires pour cette journée.",
  not_found: "Cette inscription n'existe pas ou plus.",
  invalid: "Certains champs sont à corriger.",
  already_cancelled: "Cette inscription est déjà annulée.",
  not_waitlisted: "Cette personne n'est pas sur la liste d'attente.",
  full: "Aucune place libre : augmentez la capacité de la journée ou annulez une inscription d'abord.",
  not_confirmed: "Seule une inscription confirmée a un billet.",
  expired_link: "La journée est terminée : l'inscription ne peut plus changer.",
  option_full: "Une réponse choisie est complète : choisissez-en une autre (le détail est sous la question).",
  error: "Une erreur inattendue est survenue.",
} as const;
export type StaffRefusal = keyof typeof STAFF_REFUSALS;
