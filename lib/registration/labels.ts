import type { NetworkValue, StructureTypeValue } from "./schema";

export const STRUCTURE_TYPE_LABELS: Record<StructureTypeValue, string> = {
  COMMUNE_CCAS: "Commune / CCAS-CIAS",
  EPCI_METROPOLE: "EPCI / Métropole",
  ETAT: "État / service déconcentré",
  BAILLEUR_SOCIAL: "Bailleur social",
  ASSOCIATION: "Association",
  LOGEMENT_ACCOMPAGNE: "Gestionnaire de logement accompagné (résidence sociale, pension de famille, FJT…)",
  SANITAIRE_MEDICO_SOCIAL: "Sanitaire / médico-social",
  AUTRE: "Autre",
};

export const NETWORK_LABELS: Record<NetworkValue, string> = {
  UNAFO: "Unafo (Union professionnelle du logement accompagné)",
  FAS: "Fédération des acteurs de la solidarité (FAS)",
  USH: "AR Hlm PACA & Corse / Union sociale pour l'habitat (USH)",
  UNCCAS: "UNCCAS (Union nationale des centres communaux d'action sociale)",
  FONDATION_LOGEMENT: "Fondation pour le logement des défavorisés (ex-Fondation Abbé Pierre)",
  SOLIHA: "Soliha",
  URIOPSS: "URIOPSS PACA et Corse",
  UNHAJ: "UNHAJ (Union nationale pour l'habitat des jeunes)",
  AUCUN: "Aucun réseau",
  AUTRE: "Autre réseau",
};

export type RegistrationRefusal =
  | "invalid"
  | "unknown_journee"
  | "not_open_yet"
  | "closed"
  | "past"
  | "cancelled"
  | "already_registered"
  | "part_full"
  | "option_full"
  | "invalid_part"
  | "rate_limited"
  | "honeypot"
  | "unknown_link"
  | "expired_link"
  | "already_cancelled"
  | "unexpected";

/** The French message shown for each refusal (at the top of the form, in the error summary). */
export const REFUSAL_MESSAGES: Record<RegistrationRefusal, string> = {
  invalid: "Certains champs sont à corriger.",
  unknown_journee: "Cette journée n'existe pas ou n'est pas ouverte aux inscriptions.",
  not_open_yet: "Les inscriptions à cette journée ne sont pas encore ouvertes.",
  closed: "Les inscriptions à cette journée sont closes.",
  past: "Cette journée est terminée : il n'est plus possible de s'y inscrire.",
  cancelled: "Cette journée est annulée : il n'est pas possible de s'y inscrire.",
  already_registered: "Vous êtes déjà inscrit·e à cette journée avec cette adresse e-mail.",
  part_full: "L'atelier choisi est complet : choisissez-en un autre.",
  option_full: "Une réponse choisie n'a plus de place : choisissez-en une autre.",
  invalid_part: "Ce choix de demi-journée ou d'atelier n'existe pas pour cette journée.",
  rate_limited: "Trop de tentatives depuis votre connexion. Réessayez dans quelques minutes.",
  honeypot: "Votre inscription n'a pas pu être enregistrée.",
  unknown_link: "Ce lien de gestion n'est pas valide. Vérifiez qu'il est complet, tel que reçu par e-mail.",
  expired_link: "Ce lien a expiré : la journée est terminée.",
  already_cancelled: "Cette inscription est déjà annulée.",
  unexpected: "Une erreur inattendue est survenue. Réessayez dans un instant.",
};

/** Over RESEND_LIMITS.perRegistration: true whether or not the address is registered. */
export const RESEND_TOO_OFTEN =
  "Ce renvoi a déjà été demandé plusieurs fois pour cette adresse. Vérifiez votre boîte de réception et vos " +
  "courriers indésirables, ou réessayez dans une heure.";

export const STATUS_LABELS = {
  CONFIRMED: "Inscription confirmée",
  WAITLISTED: "Sur liste d'attente",
  CANCELLED: "Inscription annulée",
} as const;

/** Place in line for the organisers: « 1re position », « 3e position ». */
export function waitlistRankLabel(rank: number): string {
  return `${rank}${rank === 1 ? "re" : "e"} position`;
}

export function waitlistPositionText(position: number): string {
  return position === 1
    ? "Vous êtes en 1re position sur la liste d'attente."
    : `Vous êtes en ${position}e position sur la liste d'attente.`;
}
