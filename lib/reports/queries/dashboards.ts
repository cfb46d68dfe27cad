import {
  aggregate,
  type Breakdown,
  type Counts,
  checkInStats,
  getReportJournee,
  listReportJournees,
  reach,
  type Scope,
} from "../queries";

/** Dashboards (JSON-ready: instants as ISO strings), from the aggregate reads of ../queries. */

const NO_COUNTS: Counts = { confirmed: 0, waitlisted: 0, cancelled: 0, walkIns: 0, present: 0, noShows: 0 };

export type JourneeDashboard = {
  journee: {
    id: string;
    title: string;
    city: string;
    startsAt: string;
    endsAt: string;
    capacity: number;
    isPlenary: boolean;
  };
  counts: Counts;
  fillRate: number;
  parts: { id: string; title: string; registered: number; present: number }[];
  byType: Breakdown;
  byCommune: Breakdown;
  byNetwork: Breakdown;
  arrivals: { at: string; count: number }[];
  updatedAt: string;
};

export async function getJourneeDashboard(scope: Scope, id: string): Promise<JourneeDashboard | null> {
  const j = await getReportJournee(scope, id);
  if (!j) return null;
  // The journée is in scope: both scans run at once (two connections on PostgreSQL).
  const [{ counts, byType, byCommune, byNetwork }, stats] = await Promise.all([aggregate([id]), checkInStats(id)]);
  const c = counts.get(id) ?? NO_COUNTS;
  const partRows = j.parts
    .filter((p) => p.kind === "HALF_DAY")
    .map((p) => ({
      id: p.id,
      title: p.title,
      registered: stats.registered.get(p.id) ?? 0,
      present: stats.present.get(p.id) ?? 0,
    }));
  return {
    journee: {
      id: j.id,
      title: j.title,
      city: j.city,
      startsAt: j.startsAt.toISOString(),
      endsAt: j.endsAt.toISOString(),
      capacity: j.capacity,
      isPlenary: j.isPlenary,
    },
    counts: c,
    fillRate: j.capacity ? c.confirmed / j.capacity : 0,
    parts: partRows,
    byType,
    byCommune,
    byNetwork,
    arrivals: stats.arrivals.map((a) => ({ at: a.at.toISOString(), count: a.count })),
    updatedAt: new Date().toISOString(),
  };
}

export type ProgrammeGroup = { label: string; journees: number } & Counts;
export type ProgrammeDashboard = {
  journees: {
    id: string;
    title: string;
    city: string;
    startsAt: string;
    isPlenary: boolean;
    capacity: number;
    counts: Counts;
  }[];
  groups: ProgrammeGroup[];
  total: ProgrammeGroup;
  reach: { people: number; structures: number; repeat: number };
  byType: Breakdown;
  byCommune: Breakdown;
  byNetwork: Breakdown;
  /** By the journée's organising partner (the network of each person is in byNetwork). */
  byPartner: Breakdown;
};

function add(into: ProgrammeGroup, c: Counts): void {
  into.journees += 1;
  for (const k of Object.keys(NO_COUNTS) as (keyof Counts)[]) into[k] += c[k];
}

export async function getProgrammeDashboard(scope: Scope): Promise<ProgrammeDashboard> {
  const journees = (await listReportJournees(scope)).filter((j) => j.status !== "CANCELLED");
  const ids = journees.map((j) => j.id);
  const { counts, byType, byCommune, byNetwork } = await aggregate(ids);
  const r = await reach(ids);
  const groups = new Map<string, ProgrammeGroup>();
  const partners = new Map<string, { key: string; registered: number; present: number }>();
  const total: ProgrammeGroup = { label: "Ensemble du programme", journees: 0, ...NO_COUNTS };
  const rows = journees.map((j) => {
    const c = counts.get(j.id) ?? NO_COUNTS;
    const year = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric" }).format(j.startsAt);
    const label = j.isPlenary ? `Plénière ${year}` : `Journées ${year}`;
    const g = groups.get(label) ?? { label, journees: 0, ...NO_COUNTS };
    add(g, c);
    add(total, c);
    groups.set(label, g);
    const p = partners.get(j.partner.shortName) ?? { key: j.partner.shortName, registered: 0, present: 0 };
    p.registered += c.confirmed;
    p.present += c.present;
    partners.set(p.key, p);
    return {
      id: j.id,
      title: j.title,
      city: j.city,
      startsAt: j.startsAt.toISOString(),
      isPlenary: j.isPlenary,
      capacity: j.capacity,
      counts: c,
    };
  });
  return {
    journees: rows,
    groups: [...groups.values()],
    total,
    reach: r,
    byType,
    byCommune,
    byNetwork,
    byPartner: [...partners.values()],
  };
}
