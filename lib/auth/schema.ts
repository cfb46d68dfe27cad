import { z } from "zod";

export const emailLinkSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Saisissez une adresse e-mail valide." })),
  callbackUrl: z.string().optional(),
});

/** Sign-in attempts: per address and per client address, fixed 15-minute windows. */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perEmail: 5,
  perIp: 30,
} as const;

/** `/connexion?erreur=…` codes and their French messages (never saying whether an address is invited). */
export const SIGN_IN_ERRORS: Record<string, string> = {
  refuse:
    "Connexion impossible. Seules les personnes invitées par un administrateur peuvent accéder à l'espace organisateur. Si vous pensez que c'est une erreur, contactez l'équipe organisatrice.",
  "trop-de-tentatives": "Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer.",
  email: "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.",
  lien: "Ce lien de connexion n'est plus valable (il sert une seule fois, pendant 15 minutes). Demandez-en un nouveau.",
  fournisseur: "La connexion avec ProConnect a échoué. Réessayez, ou demandez un lien de connexion par e-mail.",
};

/** Maps next-auth's `?error=` codes to ours. */
export function signInErrorCode(params: { erreur?: string; error?: string }): string | null {
  if (params.erreur && params.erreur in SIGN_IN_ERRORS) return params.erreur;
  if (!params.error) return null;
  if (params.error === "Verification") return "lien";
  if (params.error === "AccessDenied") return "refuse";
  return "fournisseur";
}
