import { type Capability, type CurrentUser, journeeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type OrganiserJournee = {
  id: string;
  slug: string;
  title: string;
  city: string;
  startsAt: Date;
  status: string;
  capacity: number;
  confirmedCount: number;
  partnerId: string;
  partner: { shortName: string };
};

/** The journées this user may see for a capability, newest first — scoped in the `where`. */
export async function listJourneesFor(user: CurrentUser, capability: Capability = "view"): Promise<OrganiserJournee[]> {
  const db = await getDb();
  return db.journee.findMany({
    where: journeeScope(user, capability),
    orderBy: { startsAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      city: true,
      startsAt: true,
      status: true,
      capacity: true,
      confirmedCount: true,
      partnerId: true,
      partner: { select: { shortName: true } },
    },
  });
}

/** Partners, for the admin's forms (and the scoping of roles). */
export async function listPartners(): Promise<{ id: string; slug: string; name: string; shortName: string }[]> {
  const db = await getDb();
  return db.partner.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, shortName: true },
  });
}
