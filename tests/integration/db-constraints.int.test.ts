import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { insertRegistration, makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

describe(`database constraints (${testDbKind()})`, () => {
  it("refuses a second live registration for the same normalised e-mail and journée", async () => {
    const journee = await makeJournee();
    await insertRegistration(journee.id, "Anne.Martin@Example.org");
    await expect(insertRegistration(journee.id, "anne.martin@example.org")).rejects.toMatchObject({ code: "P2002" });
  });

  it("allows a new registration once the previous one is cancelled, and on another journée", async () => {
    const a = await makeJournee();
    const b = await makeJournee();
    const first = await insertRegistration(a.id, "paul@example.org");
    const db = await getDb();
    await db.registration.update({ where: { id: first.id }, data: { status: "CANCELLED", liveEmailKey: null } });
    await expect(insertRegistration(a.id, "paul@example.org")).resolves.toBeTruthy();
    await expect(insertRegistration(b.id, "paul@example.org")).resolves.toBeTruthy();
  });

  it("refuses a second check-in of the same registration for the same half-day", async () => {
    const journee = await makeJournee();
    const reg = await insertRegistration(journee.id, "lea@example.org");
    const db = await getDb();
    const checkIn = {
      registrationId: reg.id,
      journeeId: journee.id,
      partKey: "journee",
      checkedInAt: new Date(),
      method: "QR" as const,
    };
    await db.checkIn.create({ data: checkIn });
    await expect(db.checkIn.create({ data: checkIn })).rejects.toMatchObject({ code: "P2002" });
  });

  it("gives exactly one winner when two devices check in the same ticket at once", async () => {
    const journee = await makeJournee();
    const reg = await insertRegistration(journee.id, "noe@example.org");
    const db = await getDb();
    const attempt = () =>
      db.checkIn.create({
        data: {
          registrationId: reg.id,
          journeeId: journee.id,
          partKey: "journee",
          checkedInAt: new Date(),
          method: "QR",
        },
      });
    const results = await Promise.allSettled(Array.from({ length: 8 }, attempt));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.checkIn.count({ where: { registrationId: reg.id } })).toBe(1);
  });

  it("keeps the audit log append-only", async () => {
    const db = await getDb();
    const entry = await db.auditLog.create({ data: { action: "test.entry" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "changed" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect((await db.auditLog.findUnique({ where: { id: entry.id } }))?.action).toBe("test.entry");
  });
});
