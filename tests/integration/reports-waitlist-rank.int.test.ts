import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildExport } from "@/lib/reports/exports";
import { iterateExportRows } from "@/lib/reports/queries";
import { exportFiltersSchema } from "@/lib/reports/schema";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { searchRegistrations } from "@/lib/staff-registrations/queries";
import { searchSchema } from "@/lib/staff-registrations/schema";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * Issue 15 point 11: the registrations export carries each waitlisted person's place in line —
 * the place people are told (waitlisted ahead of them + 1), whatever gaps the counter has — and
 * lists people in the staff list's order: confirmed in arrival order, then the waiting list in
 * line order, then cancellations.
 */
const filters = (journeeId: string, o: object = {}) => exportFiltersSchema.parse({ journeeId, ...o });

async function fileBody(kind: "inscriptions-csv" | "inscriptions-donnees-csv" | "inscriptions-xlsx", id: string) {
  const file = await buildExport({}, kind, filters(id));
  if (!file.ok) throw new Error(file.reason);
  return Buffer.isBuffer(file.body) ? file.body : await streamToBuffer(file.body);
}

/** [header, …rows] of a CSV export, split on its separator. */
async function csvRows(kind: "inscriptions-csv" | "inscriptions-donnees-csv", id: string): Promise<string[][]> {
  const text = (await fileBody(kind, id)).toString("utf8").replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => l.split(kind === "inscriptions-csv" ? ";" : ","));
}

describe(`waiting-list position in the registrations export (${testDbKind()})`, () => {
  it("gives 1, 2, 3 in line order to positions 4, 9, 12 and nothing to the others", async () => {
    const j = await makeJournee({ capacity: 1 });
    await insertRegistration(j.id, "conf@example.org", { lastName: "Confirmée" });
    for (const [lastName, waitlistPosition] of [
      ["Troisième", 12],
      ["Première", 4],
      ["Deuxième", 9],
    ] as const) {
      await insertRegistration(j.id, `w${waitlistPosition}@example.org`, {
        lastName,
        status: "WAITLISTED",
        waitlistPosition,
      });
    }

    const rows = [];
    for await (const page of iterateExportRows({}, filters(j.id))) rows.push(...page);
    const rank = Object.fromEntries(rows.map((r) => [r.lastName, r.waitlistRank]));
    expect(rank).toEqual({ Confirmée: null, Première: 1, Deuxième: 2, Troisième: 3 });

    for (const kind of ["inscriptions-csv", "inscriptions-donnees-csv"] as const) {
      const [header, ...lines] = await csvRows(kind, j.id);
      const col = header.findIndex((h) => /attente|waitlist_position/i.test(h));
      expect(col, `${kind}: ${header}`).toBeGreaterThan(-1);
      expect(lines.find((l) => l.includes("Deuxième"))?.[col]).toBe("2");
    }
  });

  it("lists confirmed people, then the waiting list in line order, then cancellations, like the staff list", async () => {
    const j = await makeJournee({ capacity: 12 });
    const add = (lastName: string, extra: object = {}) =>
      insertRegistration(j.id, `${lastName.toLowerCase()}@example.org`, { lastName, ...extra });
    // Arrival order interleaves the statuses; line order is not arrival order.
    const lineOf = [7, 3, 10, 1, 8, 2, 9, 4, 6, 5];
    for (let i = 0; i < 10; i++) {
      await add(`Conf${i}`);
      await add(`Att${lineOf[i]}`, { status: "WAITLISTED", waitlistPosition: lineOf[i] * 10 });
      if (i % 2) await add(`Ann${i}`, { status: "CANCELLED" });
    }
    // Promoted from the line: confirmed, keeps an old position, sorts by arrival with the confirmed.
    await add("Promue", { waitlistPosition: 5 });
    await add("Conf10");
    const expected = [
      ...[...Array(10).keys()].map((i) => `Conf${i}`),
      "Promue",
      "Conf10",
      ...[...Array(10).keys()].map((i) => `Att${i + 1}`),
      ...[1, 3, 5, 7, 9].map((i) => `Ann${i}`),
    ];

    // Every page size, so the cursor crosses each group boundary.
    for (const batch of [1, 2, 3, 7, 5000]) {
      const seen: string[] = [];
      for await (const page of iterateExportRows({}, filters(j.id), batch)) seen.push(...page.map((r) => r.lastName));
      expect(seen, `batch ${batch}`).toEqual(expected);
    }
    const waitlisted: string[] = [];
    for await (const page of iterateExportRows({}, filters(j.id, { status: "waitlisted" }), 3))
      waitlisted.push(...page.map((r) => `${r.lastName}:${r.waitlistRank}`));
    expect(waitlisted).toEqual([...Array(10).keys()].map((i) => `Att${i + 1}:${i + 1}`));

    for (const kind of ["inscriptions-csv", "inscriptions-donnees-csv"] as const) {
      const [header, ...lines] = await csvRows(kind, j.id);
      const col = header.findIndex((h) => h === "Nom" || h === "last_name");
      expect(
        lines.map((l) => l[col]),
        kind,
      ).toEqual(expected);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fileBody("inscriptions-xlsx", j.id)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const nameCol = (sheet.getRow(1).values as unknown[]).indexOf("Nom");
    const names = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2).getCell(nameCol).value);
    expect(names).toEqual(expected);

    // The staff list, page after page, in the same order (25 a page: the second page starts in the line).
    const listed: string[] = [];
    for (const page of ["1", "2"]) {
      const { rows } = await searchRegistrations({}, j.id, searchSchema.parse({ page }));
      listed.push(...rows.map((r) => r.lastName));
    }
    expect(listed).toEqual(expected);
  });
});
