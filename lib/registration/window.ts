/**
 * Whether a journée accepts a registration at a given instant, and why not.
 * Pure, so the mutation can apply it to the row it read inside its own transaction.
 */
export type WindowInput = {
  status: "DRAFT" | "PUBLISHED" | "CLOSED" | "CANCELLED";
  endsAt: Date;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
};

export type WindowRefusal = "unknown_journee" | "cancelled" | "past" | "closed" | "not_open_yet";

export function registrationWindowRefusal(journee: WindowInput, now: Date): WindowRefusal | null {
  // A draft is not public: answer as if it did not exist.
  if (journee.status === "DRAFT") return "unknown_journee";
  if (journee.status === "CANCELLED") return "cancelled";
  if (journee.endsAt.getTime() <= now.getTime()) return "past";
  if (journee.status === "CLOSED") return "closed";
  if (now.getTime() < journee.registrationOpensAt.getTime()) return "not_open_yet";
  if (now.getTime() >= journee.registrationClosesAt.getTime()) return "closed";
  return null;
}

/** The management link stops working once the journée is over (nothing left to manage). */
export function manageLinkExpired(journee: { endsAt: Date }, now: Date): boolean {
  return journee.endsAt.getTime() <= now.getTime();
}
