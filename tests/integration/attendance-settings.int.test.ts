import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setAttendanceSettingsAs } from "@/lib/attendance/mutations/close";
import { getDb } from "@/lib/db/client";
import { createJournee } from "@/lib/journees/mutations";
import { journeeSchema } from "@/lib/journees/schema";
import { makePartner } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

const actor = { id: "staff-1", email: "orga@unafo.example.org", ip: "203.0.113.9" };

/** Issue 13 point 1: new journées ask for signatures; the organiser's choice is audited. */
describe(`attendance settings (${testDbKind()})`, () => {
  it("a journée created from the form asks for signatures with a 15-minute tolerance; a change is audited", async () => {
    const partner = await makePartner();
    const { id } = await createJournee(
      actor,
      journeeSchema.parse({
        partnerId: partner.id,
        title: "Habiter d'abord à Arles",
        city: "Arles",
        venue: "Salle des fêtes",
        address: "1 place de la République, 13200 Arles",
        startsAt: "2031-03-27T09:00",
        endsAt: "2031-03-27T17:00",
        capacity: "20",
        registrationOpensAt: "2020-01-01T09:00",
        registrationClosesAt: "2031-03-26T18:00",
        parts: [],
      }),
    );
    const db = await getDb();
    const read = () =>
      db.journee.findUniqueOrThrow({ where: { id }, select: { attendanceProof: true, lateToleranceMinutes: true } });
    expect(await read()).toEqual({ attendanceProof: "SCAN_AND_SIGNATURE", lateToleranceMinutes: 15 });
    await setAttendanceSettingsAs(actor, { journeeId: id, attendanceProof: "SCAN_ONLY", lateToleranceMinutes: 5 });
    expect(await read()).toEqual({ attendanceProof: "SCAN_ONLY", lateToleranceMinutes: 5 });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "journee.attendance_settings", entityId: id },
    });
    expect(entry.details).toEqual({
      before: { attendanceProof: "SCAN_AND_SIGNATURE", lateToleranceMinutes: 15 },
      after: { attendanceProof: "SCAN_ONLY", lateToleranceMinutes: 5 },
    });
  });

  it("the migration keeps journées that existed before signatures on scan only", () => {
    const dir = path.join(process.cwd(), "prisma", "migrations");
    const name = fs.readdirSync(dir).find((d) => d.endsWith("_signed_emargement"));
    const sql = fs.readFileSync(path.join(dir, String(name), "migration.sql"), "utf8");
    expect(sql).toMatch(/DEFAULT 'SCAN_AND_SIGNATURE'[\s\S]*UPDATE "Journee" SET "attendanceProof" = 'SCAN_ONLY';/);
  });
});
