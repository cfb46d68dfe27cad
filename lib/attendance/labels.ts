/** French labels of the signed émargement's reason codes, methods and statuses. */
export const ATTENDANCE_REASON_LABELS: Record<string, string> = {
  not_checked_in: "Cette personne n'a pas encore été pointée pour cette demi-journée.",
  already_signed: "Cette personne a déjà signé pour cette demi-journée.",
  sheet_closed: "La feuille de cette demi-journée est close (contresignée). Un organisateur peut la rouvrir.",
  forbidden: "Vous n'avez pas les droits d'accueil sur cette journée.",
  invalid_image: "La signature n'a pas pu être lue. Effacez et signez à nouveau.",
  invalid: "La demande est incomplète ou mal formée.",
  offline_conflict: "Signature hors ligne en double : une autre signature de cette personne est déjà enregistrée.",
  invalid_code: "Ce code de salle n'est pas valable (il change toutes les 30 secondes). Recopiez le code affiché.",
  not_registered: "Ce lien d'inscription n'est pas valable pour cette journée.",
  not_found: "Introuvable.",
  unauthenticated: "Connectez-vous pour continuer.",
  bad_part: "Cette demi-journée n'existe pas pour cette journée.",
  not_present: "Cette personne n'a pas été pointée : pas de départ à enregistrer.",
  present: "Cette personne est présente : pas d'absence à justifier.",
  already_requested: "Une justification existe déjà pour cette demi-journée.",
  already_decided: "Cette demande a déjà été traitée.",
  not_closed: "Cette demi-journée n'est pas close.",
  not_over: "La contresignature n'est possible qu'une fois la demi-journée terminée.",
  signed: "Cette personne a déjà signé : sa présence ne peut plus être annulée.",
  scan_only: "Cette journée ne demande pas de signature (scan du billet seulement).",
  error: "Une erreur inattendue est survenue.",
  unexpected: "Une erreur inattendue est survenue.",
};

export function attendanceReasonLabel(reason: string): string {
  return ATTENDANCE_REASON_LABELS[reason] ?? ATTENDANCE_REASON_LABELS.error;
}

export const SIGNATURE_METHOD_LABELS = {
  DOOR_DEVICE: "Signature à l'accueil (appareil de l'agent)",
  OWN_PHONE: "Signature sur son téléphone (code de salle)",
  AGENT_ATTESTED: "Présence attestée par l'agent",
} as const;

export const ATTENDANCE_PROOF_LABELS = {
  SCAN_ONLY: "Scan du billet seulement",
  SCAN_AND_SIGNATURE: "Scan du billet et signature par demi-journée",
} as const;

export const PRESENCE_LABELS = {
  present: "Présent",
  absent: "Absent",
  justified: "Absence justifiée",
} as const;

export const JUSTIFICATION_STATUS_LABELS = {
  REQUESTED: "Demandée",
  ACCEPTED: "Acceptée",
  REFUSED: "Refusée",
} as const;
