import { describe, expect, it } from "vitest";
import { buildExport } from "@/lib/reports/exports";
import { iterateExportRows } from "@/lib/reports/queries";
import { exportFiltersSchema } from "@/lib/reports/schema";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/**
 * Issue 15 point 11: the registrations export carries each waitlisted person's place in line —
 * the place people are told (waitlisted ahead of them + 1), whatever gaps the counter has.
 */
describe(`waiting-list position in the registrations export (${testDbKind()})`, () => {
  it("gives 1, 2, 3 in line order to positions 4, 9, 12 and nothing to the others", async () => {
    const j = await makeJournee({ capacity: 1 });
    await insertRegistration(j.id, "conf@example.org", { lastName: "Confirmée" });
    await insertRegistration(j.id, "w12@example.org", {
      lastName: "Troisième",
      status: "WAITLISTED",
      waitlistPosition: 12,
    });
    await insertRegistration(j.id, "w4@example.org", {
      lastName: "Première",
      status: "WAITLISTED",
      waitlistPosition: 4,
    });
    await insertRegistration(j.id, "w9@example.org", {
      lastName: "Deuxième",
      status: "WAITLISTED",
      waitlistPosition: 9,
    });

    const rows = [];
    for await (const page of iterateExportRows({}, exportFiltersSchema.parse({ journeeId: j.id }))) rows.push(...page);
    const rank = Object.fromEntries(rows.map((r) => [r.lastName, r.waitlistRank]));
    expect(rank).toEqual({ Confirmée: null, Première: 1, Deuxième: 2, Troisième: 3 });

    for (const kind of ["inscriptions-csv", "inscriptions-donnees-csv"] as const) {
      const file = await buildExport({}, kind, exportFiltersSchema.parse({ journeeId: j.id }));
      if (!file.ok) throw new Error(file.reason);
      const body = Buffer.isBuffer(file.body) ? file.body : await streamToBuffer(file.body);
      const lines = body
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .filter(Boolean);
      const header = lines[0].split(/[;,]/);
      const col = header.findIndex((h) => /attente|waitlist_position/i.test(h));
      expect(col, `${kind}: ${lines[0]}`).toBeGreaterThan(-1);
      const line = lines.find((l) => l.includes("Deuxième")) ?? "";
      expect(line.split(/[;,]/)[col]).toBe("2");
    }
  });
});
