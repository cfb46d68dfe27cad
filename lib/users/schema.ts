import { z } from "zod";

export const ROLE_VALUES = ["ADMIN", "ORGANISATEUR", "AGENT", "LECTEUR"] as const;

const optionalId = z
  .string()
  .trim()
  .max(64)
  .transform((v) => v || null)
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/**
 * Inviting someone = giving a role to an e-mail address (the user is created when new).
 * Scope: admin is global; organisateur needs a partner (or one journée); agent d'accueil needs a
 * journée (or a partner); lecteur is programme-wide unless a partner is given.
 */
export const grantSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "Saisissez une adresse e-mail valide." })),
    name: z
      .string()
      .trim()
      .max(120, { message: "120 caractères au plus." })
      .optional()
      .transform((v) => v || null),
    role: z.enum(ROLE_VALUES, { message: "Choisissez un rôle." }),
    partnerId: optionalId,
    journeeId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.role === "ADMIN" && (v.partnerId || v.journeeId)) {
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Un administrateur n'a pas de périmètre." });
    }
    if (v.role === "ORGANISATEUR" && !v.partnerId && !v.journeeId) {
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choisissez le partenaire de l'organisateur." });
    }
    if (v.role === "AGENT" && !v.journeeId && !v.partnerId) {
      ctx.addIssue({ code: "custom", path: ["journeeId"], message: "Choisissez la journée de l'agent d'accueil." });
    }
    if (v.partnerId && v.journeeId) {
      ctx.addIssue({
        code: "custom",
        path: ["journeeId"],
        message: "Choisissez un partenaire ou une journée, pas les deux.",
      });
    }
  });

export type GrantInput = z.infer<typeof grantSchema>;

export const idSchema = z.string().trim().min(1).max(64);

export const USER_REFUSALS = {
  unauthenticated: "Votre session a expiré : reconnectez-vous.",
  forbidden: "Seuls les administrateurs gèrent les utilisateurs.",
  invalid: "Vérifiez les champs signalés.",
  not_found: "Cet utilisateur ou ce rôle n'existe plus.",
  self_lockout: "Vous ne pouvez pas retirer votre propre accès administrateur ni désactiver votre compte.",
  unknown_scope: "Ce partenaire ou cette journée n'existe pas.",
} as const;
export type UserRefusal = keyof typeof USER_REFUSALS;
