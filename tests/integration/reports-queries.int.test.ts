import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  countExportRows,
  exportWhere,
  getReportJournee,
  iterateExportRows,
  listSheetRows,
} from "@/lib/reports/queries";
import { getJourneeDashboard, getProgrammeDashboard } from "@/lib/reports/queries/dashboards";
import { exportFiltersSchema, STATUS_FILTERS } from "@/lib/reports/schema";
import { insertRegistration } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";
import { seedReportFixture } from "./reports-fixture";

let f: Awaited<ReturnType<typeof seedReportFixture>>;
const all = {};

beforeAll(async () => {
  f = await seedReportFixture();
});

describe(`report aggregations (${testDbKind()})`, () => {
  it("counts a journée: registered, waitlisted, cancelled, present, no-shows, walk-ins, fill rate", async () => {
    const d = await getJourneeDashboard(all, f.plenary.id);
    expect(d?.counts).toEqual({ confirmed: 4, waitlisted: 1, cancelled: 1, walkIns: 1, present: 3, noShows: 1 });
    expect(d?.fillRate).toBeCloseTo(0.4);
    expect(d?.parts).toEqual([
      { id: f.morning.id, title: "Matinée", registered: 3, present: 2 },
      { id: f.afternoon.id, title: "Après-midi", registered: 2, present: 2 },
    ]);
  });

  it("groups by type de structure and commune in SQL (cancelled excluded)", async () => {
    const d = await getJourneeDashboard(all, f.plenary.id);
    const byType = Object.fromEntries(d?.byType.map((b) => [b.key, [b.registered, b.present]]) ?? []);
    expect(byType).toEqual({
      COMMUNE_CCAS: [1, 1],
      BAILLEUR_SOCIAL: [1, 1],
      ASSOCIATION: [1, 0],
      LOGEMENT_ACCOMPAGNE: [1, 1],
    });
    const marseille = d?.byCommune.find((b) => b.key === "Marseille");
    expect(marseille).toEqual({ key: "Marseille", registered: 2, present: 2 });
  });

  it("buckets arrivals per 10 minutes, on Paris wall-clock boundaries", async () => {
    const d = await getJourneeDashboard(all, f.plenary.id);
    const paris = (iso: string) =>
      new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(
        new Date(iso),
      );
    expect(d?.arrivals.map((a) => [paris(a.at), a.count])).toEqual([
      ["09:00", 1],
      ["09:10", 1],
      ["14:00", 1],
      ["14:10", 1],
    ]);
  });

  it("totals the programme: groups per year and plenary, people and structures reached, repeat attendees", async () => {
    const p = await getProgrammeDashboard({ partnerId: { in: [f.partner.id] } });
    expect(p.journees.map((j) => j.title)).toEqual(["Journée d'Aix-en-Provence", "Journée plénière Logement d'abord"]);
    expect(p.groups.map((g) => [g.label, g.journees, g.present])).toEqual([
      ["Journées 2023", 1, 1],
      ["Plénière 2024", 1, 3],
    ]);
    expect(p.total.present).toBe(4);
    expect(p.reach).toEqual({ people: 3, structures: 3, repeat: 1 });
  });

  it("never reads outside the caller's scope", async () => {
    const none = { partnerId: { in: ["someone-else"] } };
    expect(await getReportJournee(none, f.plenary.id)).toBeNull();
    expect(await getJourneeDashboard(none, f.plenary.id)).toBeNull();
    expect((await getProgrammeDashboard(none)).journees).toEqual([]);
    const filters = exportFiltersSchema.parse({ journeeId: f.plenary.id });
    expect(await countExportRows(none, filters)).toBe(0);
    for await (const batch of iterateExportRows(none, filters)) expect(batch).toEqual([]);
  });

  it("filters export rows by journée, half-day and status, paging with a cursor", async () => {
    const parse = (o: object) => exportFiltersSchema.parse({ journeeId: f.plenary.id, ...o });
    expect(await countExportRows(all, parse({}))).toBe(6);
    expect(await countExportRows(all, parse({ status: "present" }))).toBe(3);
    expect(await countExportRows(all, parse({ status: "absent" }))).toBe(1);
    expect(await countExportRows(all, parse({ partId: f.afternoon.id, status: "present" }))).toBe(2);
    const seen: string[] = [];
    for await (const batch of iterateExportRows(all, parse({}), 2)) seen.push(...batch.map((r) => r.lastName));
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it("selects the same registrations in the CSV/XLSX rows (SQL) as in the sheets' where, for every filter", async () => {
    const db = await getDb();
    for (const journeeId of [f.plenary.id, undefined])
      for (const partId of [undefined, f.morning.id, f.afternoon.id])
        for (const status of STATUS_FILTERS) {
          const filters = exportFiltersSchema.parse({ journeeId, partId, status });
          const where = exportWhere(all, filters);
          const expected = await db.registration.findMany({ where, orderBy: { seq: "asc" }, select: { seq: true } });
          const seen: number[] = [];
          for await (const batch of iterateExportRows(all, filters, 2)) seen.push(...batch.map((r) => r.seq));
          const label = JSON.stringify({ journee: Boolean(journeeId), partId, status });
          // The same rows (their order, the staff list's, is tested in reports-waitlist-rank).
          expect(
            [...seen].sort((a, b) => a - b),
            label,
          ).toEqual(expected.map((r) => r.seq));
          expect(await countExportRows(all, filters), label).toBe(expected.length);
        }
  });

  it("lists the émargement sheet alphabetically in French order (Ç with C, Œ with O)", async () => {
    const rows = await listSheetRows(all, { journeeId: f.plenary.id, status: "all" });
    expect(rows.map((r) => r.lastName)).toEqual(["Çelik", "Dubœuf", "Lefèvre", "Sœur"]);
    const db = await getDb();
    expect(await db.registration.count()).toBeGreaterThan(0);
  });

  // Last: it adds registrations to the plenary.
  it("counts half-day choices of confirmed people only", async () => {
    const db = await getDb();
    const waitlisted = await insertRegistration(f.plenary.id, "attente@example.org", { status: "WAITLISTED" });
    const cancelled = await insertRegistration(f.plenary.id, "annulee@example.org", { status: "CANCELLED" });
    await db.registrationPart.createMany({
      data: [
        { registrationId: waitlisted.id, partId: f.morning.id },
        { registrationId: cancelled.id, partId: f.morning.id },
        { registrationId: cancelled.id, partId: f.afternoon.id },
      ],
    });
    const d = await getJourneeDashboard(all, f.plenary.id);
    expect(d?.parts.map((p) => [p.title, p.registered])).toEqual([
      ["Matinée", 3],
      ["Après-midi", 2],
    ]);
  });
});
