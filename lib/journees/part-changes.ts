import { plural } from "@/lib/format/plural";
import { type Refused, refused } from "@/lib/result";
import type { JourneeRefusal, PartInput } from "./schema";

type CurrentPart = {
  id: string;
  kind: string;
  confirmedCount: number;
  _count: { choices: number; checkIns: number };
};
type PartData = Omit<PartInput, "id"> & { position: number };

/**
 * Pure: what an edit does to a journée's parts (kept ones by id, new ones, removed ones), or why
 * it is refused — a part somebody chose is neither removed nor turned into another kind, and its
 * capacity never goes below its confirmed count.
 */
export function partChanges(
  current: CurrentPart[],
  wanted: PartInput[],
):
  | { ok: true; updated: { id: string; data: PartData }[]; created: PartData[]; removed: string[] }
  | Refused<JourneeRefusal> {
  const byId = new Map(current.map((p) => [p.id, p]));
  const updated: { id: string; data: PartData }[] = [];
  const created: PartData[] = [];
  for (const [position, { id, ...part }] of wanted.entries()) {
    const data = { ...part, position };
    const existing = id ? byId.get(id) : undefined;
    if (!existing) {
      created.push(data);
      continue;
    }
    if (part.capacity !== null && part.capacity < existing.confirmedCount)
      return refused("capacity_below_confirmed", {
        fieldErrors: {
          [`parts.${position}.capacity`]: `${plural(existing.confirmedCount, "personne y est déjà inscrite", "personnes y sont déjà inscrites")}.`,
        },
      });
    if (part.kind !== existing.kind && existing._count.choices > 0)
      return refused("part_in_use", {
        fieldErrors: { [`parts.${position}.kind`]: "Des personnes l'ont choisi : son type ne peut plus changer." },
      });
    updated.push({ id: existing.id, data });
  }
  const kept = new Set(updated.map((u) => u.id));
  const removed = current.filter((p) => !kept.has(p.id));
  if (removed.some((p) => p._count.choices > 0 || p._count.checkIns > 0)) return refused("part_in_use");
  return { ok: true, updated, created, removed: removed.map((p) => p.id) };
}
