import { z } from "zod";

/** The person to erase, named by the e-mail they registered with (any case, spaces around). */
export const erasureInputSchema = z.object({
  email: z
    .string({ error: "Indiquez l'adresse e-mail de la personne." })
    .trim()
    .min(1, "Indiquez l'adresse e-mail de la personne.")
    .max(254, "Adresse e-mail trop longue.")
    .pipe(z.email("Adresse e-mail invalide.")),
});
export type ErasureInput = z.infer<typeof erasureInputSchema>;

export type ErasureRefusal = "unauthenticated" | "forbidden" | "invalid" | "error";

export const ERASURE_REFUSALS: Record<ErasureRefusal, string> = {
  unauthenticated: "Votre session a expiré : reconnectez-vous.",
  forbidden: "Seul un administrateur peut effacer les données d'une personne.",
  invalid: "Vérifiez l'adresse e-mail saisie.",
  error: "Une erreur inattendue est survenue.",
};
