import { z } from "zod";

/** A message (or a reminder with the ticket) from the organisers to a journée's confirmed registrants. */
export const MESSAGE_KINDS = ["MESSAGE", "REMINDER"] as const;
export const MESSAGE_KIND_LABELS: Record<(typeof MESSAGE_KINDS)[number], string> = {
  MESSAGE: "Message d'information",
  REMINDER: "Rappel avec le billet (QR code)",
};

export const messageSchema = z.object({
  journeeId: z.string().trim().min(1).max(40),
  kind: z.enum(MESSAGE_KINDS, { error: "Choisissez le type d'envoi." }),
  subject: z
    .string({ error: "Indiquez l'objet." })
    .trim()
    .min(1, "Indiquez l'objet.")
    .max(200, "200 caractères au maximum."),
  body: z
    .string({ error: "Écrivez le message." })
    .trim()
    .min(1, "Écrivez le message.")
    .max(5000, "5 000 caractères au maximum."),
  intent: z.enum(["preview", "send"]).default("preview"),
});
export type MessageInput = z.output<typeof messageSchema>;

export const REMINDER_TEMPLATE = {
  subject: "Rappel : {journee}, {date}",
  body: "Bonjour {prenom},\n\nNous vous attendons à la journée « {journee} » le {date}, à l'adresse ci-dessous.\n\nPrésentez votre billet (QR code ci-dessous, à l'écran ou imprimé) à l'accueil.\n\nÀ très bientôt !",
};

export const MESSAGE_REFUSALS = {
  unauthenticated: "Votre session a expiré : reconnectez-vous.",
  forbidden: "Vous n'avez pas les droits nécessaires pour cette journée.",
  not_found: "Cette journée n'existe pas ou plus.",
  invalid: "Certains champs sont à corriger.",
  no_recipients: "Aucune personne confirmée avec une adresse e-mail : rien à envoyer.",
  error: "Une erreur inattendue est survenue.",
} as const;
export type MessageRefusal = keyof typeof MESSAGE_REFUSALS;
