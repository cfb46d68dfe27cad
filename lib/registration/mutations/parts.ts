import type { Prisma } from "@/lib/db/generated/client";
import { RegistrationRefused } from "./refused";

type Tx = Prisma.TransactionClient;
type PartRow = { id: string; kind: "HALF_DAY" | "WORKSHOP"; title: string };

/**
 * The part ids a person chose, checked against the journée's own parts (a tampered id is refused).
 * A journée with half-days needs at least one; the atelier is optional (one at most).
 */
export function chosenPartIds(parts: PartRow[], halfDayIds: string[], workshopId: string): string[] {
  const byId = new Map(parts.map((p) => [p.id, p]));
  for (const id of halfDayIds) {
    if (byId.get(id)?.kind !== "HALF_DAY")
      throw new RegistrationRefused("invalid_part", { halfDayIds: "Choix invalide." });
  }
  if (workshopId && byId.get(workshopId)?.kind !== "WORKSHOP") {
    throw new RegistrationRefused("invalid_part", { workshopId: "Choix invalide." });
  }
  if (parts.some((p) => p.kind === "HALF_DAY") && halfDayIds.length === 0) {
    throw new RegistrationRefused("invalid", { halfDayIds: "Choisissez au moins une demi-journée." });
  }
  return [...new Set([...halfDayIds, ...(workshopId ? [workshopId] : [])])].sort();
}

/** Takes one place in a part if it has room (parts without capacity always have room). */
export async function takePartPlace(tx: Tx, partId: string): Promise<boolean> {
  const rows = await tx.$executeRaw`
    UPDATE "JourneePart" SET "confirmedCount" = "confirmedCount" + 1
    WHERE id = ${partId} AND (capacity IS NULL OR "confirmedCount" < capacity)`;
  return rows === 1;
}

export async function releasePartPlace(tx: Tx, partId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "JourneePart" SET "confirmedCount" = GREATEST("confirmedCount" - 1, 0) WHERE id = ${partId}`;
}

/** Takes a place in every part (sorted ids: a fixed lock order) or refuses naming the full one. */
export async function takePartPlaces(tx: Tx, partIds: string[], parts: PartRow[]): Promise<void> {
  for (const id of [...partIds].sort()) {
    if (!(await takePartPlace(tx, id))) {
      const title = parts.find((p) => p.id === id)?.title ?? "choisi";
      const field = parts.find((p) => p.id === id)?.kind === "HALF_DAY" ? "halfDayIds" : "workshopId";
      throw new RegistrationRefused("part_full", {
        [field]: `« ${title} » est complet : choisissez un autre créneau.`,
      });
    }
  }
}
