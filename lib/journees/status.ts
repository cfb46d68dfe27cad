/**
 * The public status of a journée, as shown on the programme and the journée page.
 * Pure: it depends only on the journée and the given instant.
 */
export type PublicStatus = "ouvertes" | "complet" | "terminee" | "annulee" | "bientot" | "closes";

export type StatusInput = {
  status: "DRAFT" | "PUBLISHED" | "CLOSED" | "CANCELLED";
  endsAt: Date;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  capacity: number;
  confirmedCount: number;
};

export const PUBLIC_STATUS_LABELS: Record<PublicStatus, string> = {
  ouvertes: "Inscriptions ouvertes",
  complet: "Complet",
  terminee: "Terminée",
  annulee: "Annulée",
  bientot: "Inscriptions bientôt ouvertes",
  closes: "Inscriptions closes",
};

export function journeePublicStatus(journee: StatusInput, now: Date): PublicStatus {
  if (journee.status === "CANCELLED") return "annulee";
  if (journee.status === "CLOSED" || journee.endsAt.getTime() <= now.getTime()) return "terminee";
  if (now.getTime() < journee.registrationOpensAt.getTime()) return "bientot";
  if (journee.status === "DRAFT" || now.getTime() >= journee.registrationClosesAt.getTime()) return "closes";
  if (journee.confirmedCount >= journee.capacity) return "complet";
  return "ouvertes";
}

/** A person may register (or join the waiting list) only in these states. */
export function acceptsRegistrations(status: PublicStatus): boolean {
  return status === "ouvertes" || status === "complet";
}

/** Places left, never negative. */
export function placesLeft(journee: Pick<StatusInput, "capacity" | "confirmedCount">): number {
  return Math.max(0, journee.capacity - journee.confirmedCount);
}
