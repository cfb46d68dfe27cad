import { describe, expect, it } from "vitest";
import { attestPresence, submitDoorSignature } from "@/lib/attendance/mutations/door";
import { proofRecords } from "@/lib/attendance/queries/proof";
import { getDb } from "@/lib/db/client";
import { attendanceFixture, checkIn, makeStaff, signatureRequest } from "@/tests/fixtures/attendance";
import { testDbKind } from "@/tests/setup/test-db";

/** Issue 13, signatures at the door: one per person and half-day, by constraint (both databases). */
describe(`door signatures (${testDbKind()})`, () => {
  it("10 devices submitting the same person's signature at once: one stored, nine already_signed", async () => {
    const f = await attendanceFixture({ count: 1 });
    const [person] = f.tickets;
    const scan = await checkIn(f.staff, f.journeeId, "journee", person.registrationId);
    // The scanner learns from the ok answer that a signature is asked for, and for which half-day.
    expect(scan).toMatchObject({ result: "ok", details: { signatureRequired: true, partKey: "journee" } });
    const door = { user: f.staff, clientIp: "10.0.0.1" };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submitDoorSignature(signatureRequest(f.journeeId, "journee", person.registrationId, i), door),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.reason === "already_signed")).toHaveLength(9);
    const db = await getDb();
    const stored = await db.attendanceSignature.findMany({ where: { registrationId: person.registrationId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ method: "DOOR_DEVICE", chainSeq: 1, agentId: f.staff.id, clientIp: "10.0.0.1" });
    // Stored as re-encoded 8-bit grayscale (PNG colour type 0 at byte 25), hashed.
    expect(stored[0].png?.[25]).toBe(0);
    expect(await db.signatureEvent.count({ where: { registrationId: person.registrationId } })).toBe(10);
    const sheet = await db.halfDaySheet.findUniqueOrThrow({
      where: { journeeId_partKey: { journeeId: f.journeeId, partKey: "journee" } },
    });
    expect(sheet).toMatchObject({ headSeq: 1, headHash: stored[0].recordHash });
  });

  it("refuses a signature without check-in, a bad image, another journée's staff; a retried nonce replays", async () => {
    const f = await attendanceFixture({ count: 2 });
    const [a, b] = f.tickets;
    const door = { user: f.staff, clientIp: null };
    const unsigned = await submitDoorSignature(signatureRequest(f.journeeId, "journee", a.registrationId), door);
    expect(unsigned).toEqual({ ok: false, reason: "not_checked_in" });
    await checkIn(f.staff, f.journeeId, "journee", a.registrationId);
    const bad = {
      ...signatureRequest(f.journeeId, "journee", a.registrationId),
      png: Buffer.from("GIF89a").toString("base64"),
    };
    expect(await submitDoorSignature(bad, door)).toEqual({ ok: false, reason: "invalid_image" });
    const otherAgent = await makeStaff("AGENT", "some-other-journee");
    const foreign = await submitDoorSignature(signatureRequest(f.journeeId, "journee", a.registrationId), {
      user: otherAgent,
      clientIp: null,
    });
    expect(foreign).toEqual({ ok: false, reason: "forbidden" });
    const req = signatureRequest(f.journeeId, "journee", a.registrationId);
    expect(await submitDoorSignature(req, door)).toEqual({ ok: true, status: "signed" });
    expect(await submitDoorSignature(req, door)).toEqual({ ok: true, status: "replayed" });
    // Agent attestation for someone who cannot sign: recorded in the same chain, audited without the reason.
    await checkIn(f.staff, f.journeeId, "journee", b.registrationId);
    const attest = {
      journeeId: f.journeeId,
      partKey: "journee",
      registrationId: b.registrationId,
      reason: "Ne peut pas signer",
      nonce: "attest-nonce-1",
      deviceId: "",
      door: "",
    };
    expect(await attestPresence(attest, door)).toEqual({ ok: true, status: "signed" });
    const db = await getDb();
    const rows = await db.attendanceSignature.findMany({
      where: { journeeId: f.journeeId },
      orderBy: { chainSeq: "asc" },
    });
    expect(rows.map((r) => [r.chainSeq, r.method])).toEqual([
      [1, "DOOR_DEVICE"],
      [2, "AGENT_ATTESTED"],
    ]);
    expect(rows[1].prevHash).toBe(rows[0].recordHash);
    expect(await db.auditLog.count({ where: { action: "attendance.attested", entityId: b.registrationId } })).toBe(1);
  });

  it("10 doors signing 10 different people at once: one unforked chain, seq 1 to 10", async () => {
    const f = await attendanceFixture({ count: 10 });
    for (const t of f.tickets) await checkIn(f.staff, f.journeeId, "journee", t.registrationId);
    const door = { user: f.staff, clientIp: null };
    const outcomes = await Promise.all(
      f.tickets.map((t, i) => submitDoorSignature(signatureRequest(f.journeeId, "journee", t.registrationId, i), door)),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const proof = await proofRecords(f.staff, f.journeeId, "journee");
    expect(proof?.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(proof?.chainValid).toBe(true);
  });

  it("on an existing sheet (the one-statement path): 20 people and their duplicates at once, one chain", async () => {
    const f = await attendanceFixture({ count: 21 });
    for (const t of f.tickets) await checkIn(f.staff, f.journeeId, "journee", t.registrationId);
    const door = { user: f.staff, clientIp: null };
    const [first, ...rest] = f.tickets;
    await submitDoorSignature(signatureRequest(f.journeeId, "journee", first.registrationId), door);
    // Each of the 20 sent by two devices at the same moment (two nonces): 20 signed, 20 already_signed.
    const twice = rest.flatMap((t, i) => [i, i + 100].map((seed) => ({ t, seed })));
    const outcomes = await Promise.all(
      twice.map(({ t, seed }) =>
        submitDoorSignature(signatureRequest(f.journeeId, "journee", t.registrationId, seed), door),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(20);
    expect(outcomes.filter((o) => !o.ok && o.reason === "already_signed")).toHaveLength(20);
    const proof = await proofRecords(f.staff, f.journeeId, "journee");
    expect(proof?.records.map((r) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(proof?.chainValid).toBe(true);
    const db = await getDb();
    expect(await db.signatureEvent.count({ where: { journeeId: f.journeeId } })).toBe(41);
  });
});
