import { describe, expect, it } from "vitest";
import { seedAttendanceSheet } from "@/e2e/support/attendance-sheet";
import { sheetPageData } from "@/lib/attendance/queries/sheet-page";
import { rowStatusLabels } from "@/lib/attendance/sheet-labels";
import { getDb } from "@/lib/db/client";
import { makeStaff } from "@/tests/fixtures/attendance";
import { makePartner } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/** Issue 13 points 5–6: the organiser's sheet page, scoped by the reader's rights. */
describe(`sheet page data (${testDbKind()})`, () => {
  it("statuses, times, hours, signatures, requests and counts; organisers act, lecteurs and admins read", async () => {
    const db = await getDb();
    if ((await db.partner.count()) === 0) await makePartner();
    const seed = await seedAttendanceSheet();
    const organiser = await makeStaff("ORGANISATEUR", seed.journeeId);
    const data = await sheetPageData(organiser, seed.journeeId, seed.partKey);
    if (!data) throw new Error("no data");
    expect(data.canAct).toBe(true);
    expect(data.rows.map((r) => r.name)).toEqual([
      "AUBERT Anne",
      "BERNARD Bruno",
      "CARON Chloé",
      "DURAND David",
      "ESNAULT Emma",
      "FABRE Félix",
    ]);
    const by = Object.fromEntries(data.rows.map((r) => [r.name.split(" ")[0], r]));
    expect(by.AUBERT).toMatchObject({ presence: "absent", justificationStatus: "REQUESTED" });
    expect(by.AUBERT.pendingRequestId).toBeTruthy();
    expect(by.CARON).toMatchObject({ presence: "absent", pendingRequestId: null });
    expect(by.DURAND).toMatchObject({ presence: "present", late: false, leftEarly: false, hoursAttended: 7.92 });
    expect(by.DURAND.signature.kind).toBe("image");
    expect(by.DURAND.signature.kind === "image" && by.DURAND.signature.src).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(by.ESNAULT).toMatchObject({ late: true, leftEarly: true, hoursAttended: 5.33 });
    expect(rowStatusLabels(by.ESNAULT, true)).toEqual([
      "En retard",
      "Parti avant la fin",
      "Présence attestée par l'agent : Main dans le plâtre",
    ]);
    expect(rowStatusLabels(by.FABRE, true)).toEqual(["Présent", "Signature manquante"]);
    expect(rowStatusLabels(by.FABRE, false)).toEqual(["Présent"]);
    expect(rowStatusLabels(by.AUBERT, true)).toEqual(["Absent", "Justification demandée : Rendez-vous médical"]);
    expect(data.counts).toMatchObject({
      total: 6,
      present: 3,
      late: 1,
      leftEarly: 1,
      absent: 3,
      justified: 0,
      signed: 2,
      missingSignature: 1,
      pendingRequests: 2,
    });
    expect(data.closed).toBeNull();

    // Lecteurs and admins read; an agent or an organiser of another journée sees nothing.
    expect((await sheetPageData(await makeStaff("LECTEUR"), seed.journeeId))?.canAct).toBe(false);
    expect((await sheetPageData(await makeStaff("ADMIN"), seed.journeeId))?.canAct).toBe(false);
    expect(await sheetPageData(await makeStaff("AGENT", seed.journeeId), seed.journeeId)).toBeNull();
    const other = await seedAttendanceSheet();
    expect(await sheetPageData(await makeStaff("ORGANISATEUR", other.journeeId), seed.journeeId)).toBeNull();
  });
});
