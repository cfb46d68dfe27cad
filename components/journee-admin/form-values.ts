import { toParisLocalInput } from "@/lib/journees/schema";
import type { PartValues } from "./part-rows";

type JourneeLike = {
  partnerId: string;
  title: string;
  city: string;
  venue: string;
  address: string;
  accessInfo: string;
  programme: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  isPlenary: boolean;
  parts: { id: string; kind: string; title: string; startsAt: Date; endsAt: Date; capacity: number | null }[];
};

/** A journée as the edit form's initial values (Paris wall-clock times). */
export function journeeFormValues(j: JourneeLike): { initial: Record<string, string>; parts: PartValues[] } {
  const at = toParisLocalInput;
  return {
    initial: {
      partnerId: j.partnerId,
      title: j.title,
      city: j.city,
      venue: j.venue,
      address: j.address,
      accessInfo: j.accessInfo,
      programme: j.programme,
      startsAt: at(j.startsAt),
      endsAt: at(j.endsAt),
      capacity: String(j.capacity),
      registrationOpensAt: at(j.registrationOpensAt),
      registrationClosesAt: at(j.registrationClosesAt),
      ...(j.isPlenary ? { isPlenary: "on" } : {}),
    },
    parts: j.parts.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      startsAt: at(p.startsAt),
      endsAt: at(p.endsAt),
      capacity: p.capacity === null ? "" : String(p.capacity),
    })),
  };
}
