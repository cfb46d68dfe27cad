export { STRUCTURE_TYPE_LABELS } from "@/lib/registration/labels";

import type { ScanMethod, ScanResult } from "./schema";

/** Tone drives the colour; the icon and the text always say the same (never colour alone). */
export type ScanTone = "success" | "warning" | "danger";

export const SCAN_RESULT_LABELS: Record<ScanResult, { title: string; icon: string; tone: ScanTone; hint: string }> = {
  ok: { title: "Présence enregistrée", icon: "✓", tone: "success", hint: "La personne peut entrer." },
  already_checked_in: {
    title: "Déjà enregistré·e",
    icon: "!",
    tone: "warning",
    hint: "Ce billet a déjà été scanné : vérifiez l'identité.",
  },
  wrong_journee: {
    title: "Mauvaise journée",
    icon: "✕",
    tone: "danger",
    hint: "Ce billet est valable pour une autre journée.",
  },
  not_open_yet: {
    title: "Accueil pas encore ouvert",
    icon: "⏱",
    tone: "warning",
    hint: "L'émargement ouvre deux heures avant le début.",
  },
  closed: { title: "Accueil fermé", icon: "⏱", tone: "danger", hint: "La journée est terminée ou annulée." },
  cancelled: { title: "Inscription annulée", icon: "✕", tone: "danger", hint: "Proposez une inscription sur place." },
  waitlisted: {
    title: "Sur liste d'attente",
    icon: "…",
    tone: "warning",
    hint: "Inscription non confirmée : voyez avec l'organisateur.",
  },
  unknown: {
    title: "Billet inconnu",
    icon: "?",
    tone: "danger",
    hint: "Code illisible, inexistant ou falsifié. Cherchez la personne par son nom.",
  },
  offline_conflict: {
    title: "Conflit hors ligne",
    icon: "!",
    tone: "warning",
    hint: "Déjà émargé·e sur un autre appareil pendant la coupure : compté·e une seule fois.",
  },
  sheet_closed: {
    title: "Feuille close",
    icon: "✕",
    tone: "danger",
    hint: "La feuille de cette demi-journée est contresignée : présence non enregistrée. Un organisateur peut la rouvrir.",
  },
};

export const SCAN_METHOD_LABELS: Record<ScanMethod, string> = {
  QR: "QR code",
  SEARCH: "Recherche",
  WALK_IN: "Sur place",
  MANUAL: "Code saisi",
};

export const UNDO_REASON_LABELS: Record<string, string> = {
  not_found: "Cet émargement n'existe plus.",
  sheet_closed: "La feuille de cette demi-journée est contresignée : la présence ne peut plus être annulée.",
  signed: "Cette personne a déjà signé : annuler la présence laisserait une signature sans présence.",
  too_late: "Trop tard : l'annulation n'est possible que pendant 5 minutes.",
  forbidden: "Vous n'avez pas les droits sur cette journée.",
};

export const WALK_IN_REASON_LABELS: Record<string, string> = {
  full: "La journée est complète. Seul un organisateur peut inscrire au-delà de la capacité.",
  part_full: "Cette demi-journée est complète. Seul un organisateur peut inscrire au-delà de la capacité.",
  forbidden: "Vous n'avez pas les droits sur cette journée.",
  invalid: "Vérifiez les champs signalés.",
  closed: "L'accueil de cette journée n'est pas ouvert.",
  duplicate_email: "Une inscription existe déjà avec cette adresse e-mail : cherchez-la par son nom.",
  sheet_closed: "La feuille de cette demi-journée est contresignée : un organisateur doit la rouvrir.",
  too_late:
    "Inscription faite hors ligne et reçue trop tard (plus de 12 h après la fermeture de l'accueil) : voyez un organisateur.",
  error: "Une erreur est survenue.",
};

/** « Camille D. » — the agent is shown by name or e-mail local part, nothing more. */
export function agentDisplayName(user: { name: string | null; email: string } | null): string {
  if (!user) return "";
  return user.name?.trim() || user.email.split("@")[0];
}
