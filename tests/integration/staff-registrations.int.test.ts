import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { sendMessage } from "@/lib/messages/mutations";
import { register } from "@/lib/registration/mutations";
import { registrationSchema, updateSchema } from "@/lib/registration/schema";
import { recordTicketResend, staffCancel, staffPromote, staffUpdate } from "@/lib/staff-registrations/mutations";
import { searchRegistrations } from "@/lib/staff-registrations/queries";
import { searchSchema } from "@/lib/staff-registrations/schema";
import { insertRegistration, makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

const actor = { id: "staff-2", email: "orga@unafo.example.org", ip: null };
const ALL = {};
const search = (q: Record<string, unknown>) => searchSchema.parse(q);

function person(journeeId: string, n: number, extra: Record<string, unknown> = {}) {
  return registrationSchema.parse({
    journeeId,
    firstName: `Prénom${n}`,
    lastName: "Nom",
    email: `staff${n}@example.org`,
    structure: "Résidence sociale",
    structureType: "LOGEMENT_ACCOMPAGNE",
    jobTitle: "Gestionnaire",
    commune: "Aubagne",
    privacyAck: true,
    ...extra,
  });
}

async function actions(entityId: string) {
  const db = await getDb();
  return (await db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } })).map((e) => e.action);
}

describe(`staff registrations (${testDbKind()})`, () => {
  it("searches accent- and case-insensitively on name, structure and e-mail, by status, 25 a page, within scope", async () => {
    const j = await makeJournee({ capacity: 100 });
    await register(person(j.id, 1, { firstName: "Élodie", lastName: "Lefèvre", structure: "CCAS d'Aubagne" }));
    for (let n = 2; n <= 30; n++) await register(person(j.id, n));
    const hit = await searchRegistrations(ALL, j.id, search({ q: "ELODIE lefevre" }));
    expect(hit.rows.map((r) => r.firstName)).toEqual(["Élodie"]);
    expect((await searchRegistrations(ALL, j.id, search({ q: "ccas aubagne" }))).total).toBe(1);
    expect((await searchRegistrations(ALL, j.id, search({ q: "staff7@" }))).rows[0].firstName).toBe("Prénom7");
    const all = await searchRegistrations(ALL, j.id, search({ page: "2" }));
    expect(all).toMatchObject({ total: 30, page: 2, pageCount: 2 });
    expect(all.rows).toHaveLength(5);
    expect((await searchRegistrations(ALL, j.id, search({ statut: "WAITLISTED" }))).total).toBe(0);
    const elsewhere = { partnerId: { in: ["another"] } };
    expect((await searchRegistrations(elsewhere, j.id, search({}))).total).toBe(0);
  });

  it("shows each waitlisted person's place in line, and lists the waiting list in line order", async () => {
    const j = await makeJournee({ capacity: 1 });
    const regs = [];
    for (let n = 1; n <= 5; n++) regs.push(await register(person(j.id, n)));
    const ids = regs.map((r) => (r.ok ? r.registrationId : ""));
    const db = await getDb();
    // Line order is waitlistPosition, not arrival: n°5 moved to the front, n°2 left the line (gaps stay).
    await db.registration.update({ where: { id: ids[4] }, data: { waitlistPosition: 0 } });
    await db.registration.update({ where: { id: ids[1] }, data: { status: "CANCELLED", liveEmailKey: null } });
    const line = await searchRegistrations(ALL, j.id, search({ statut: "WAITLISTED" }));
    expect(line.rows.map((r) => [r.firstName, r.waitlistRank])).toEqual([
      ["Prénom5", 1],
      ["Prénom3", 2],
      ["Prénom4", 3],
    ]);
    // Unfiltered: the confirmed, then the line in its order, then the cancelled (as the exports).
    const all = await searchRegistrations(ALL, j.id, search({}));
    expect(all.rows.map((r) => [r.firstName, r.waitlistRank])).toEqual([
      ["Prénom1", null],
      ["Prénom5", 1],
      ["Prénom3", 2],
      ["Prénom4", 3],
      ["Prénom2", null],
    ]);
    expect((await searchRegistrations(ALL, j.id, search({ q: "staff4@" }))).rows[0].waitlistRank).toBe(3);
  });

  it("staff cancel promotes the next in line (audited, both e-mailed by the action); promote needs a free place", async () => {
    const j = await makeJournee({ capacity: 1 });
    const a = await register(person(j.id, 1));
    const b = await register(person(j.id, 2));
    const c = await register(person(j.id, 3));
    if (!a.ok || !b.ok || !c.ok) throw new Error("setup");
    const ids = (r: { registrationId: string }) => ({ journeeId: j.id, registrationId: r.registrationId });
    expect(await staffPromote(actor, ALL, ids(c))).toMatchObject({ ok: false, reason: "full" });
    expect(await staffCancel(actor, { partnerId: { in: ["x"] } }, ids(a))).toMatchObject({ reason: "not_found" });
    const done = await staffCancel(actor, ALL, ids(a));
    expect(done).toMatchObject({ ok: true, promoted: [{ registrationId: b.registrationId }] });
    expect(await staffCancel(actor, ALL, ids(a))).toMatchObject({ reason: "already_cancelled" });
    expect(await actions(a.registrationId)).toEqual(["registration.staff_cancel"]);
    const db = await getDb();
    await db.journee.update({ where: { id: j.id }, data: { capacity: 2 } });
    expect(await staffPromote(actor, ALL, ids(c))).toMatchObject({ ok: true, droppedParts: [] });
    expect(await staffPromote(actor, ALL, ids(c))).toMatchObject({ reason: "not_waitlisted" });
    expect((await db.journee.findUniqueOrThrow({ where: { id: j.id } })).confirmedCount).toBe(2);
    expect(await actions(c.registrationId)).toEqual(["registration.staff_promote"]);
  });

  it("staff edit goes through the public rules; ticket re-send only for a confirmed person; both audited", async () => {
    const j = await makeJournee({ capacity: 1 });
    const a = await register(person(j.id, 1));
    const b = await register(person(j.id, 2));
    if (!a.ok || !b.ok) throw new Error("setup");
    const ids = { journeeId: j.id, registrationId: a.registrationId };
    const input = updateSchema.parse({ ...person(j.id, 1), firstName: "Eloïse", halfDayIds: [], workshopId: "" });
    expect(await staffUpdate(actor, ALL, ids, input)).toMatchObject({ ok: true });
    const db = await getDb();
    const row = await db.registration.findUniqueOrThrow({ where: { id: a.registrationId } });
    expect(row).toMatchObject({ firstName: "Eloïse", searchText: "eloise nom residence sociale" });
    expect(await recordTicketResend(actor, ALL, ids)).toMatchObject({ ok: true });
    const waiting = { journeeId: j.id, registrationId: b.registrationId };
    expect(await recordTicketResend(actor, ALL, waiting)).toMatchObject({ reason: "not_confirmed" });
    expect(await actions(a.registrationId)).toEqual(["registration.staff_update", "registration.resend_ticket"]);
  });

  it("a reminder reaches every confirmed person with their QR ticket, values escaped, audited with the count", async () => {
    const j = await makeJournee({ capacity: 2 });
    await register(person(j.id, 1, { firstName: "<b>Zoé</b>" }));
    await register(person(j.id, 2));
    await register(person(j.id, 3)); // waitlisted: not a recipient
    await insertRegistration(j.id, "sans-suite@example.org", { status: "CANCELLED" });
    const outbox = process.env.MAIL_OUTBOX_DIR as string;
    const before = fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0;
    const input = {
      journeeId: j.id,
      kind: "REMINDER" as const,
      subject: "Rappel {journee}",
      body: "Bonjour {prenom} !",
      intent: "send" as const,
    };
    expect(await sendMessage(actor, ALL, input)).toEqual({ ok: true, sent: 2, failed: 0 });
    const mails = fs
      .readdirSync(outbox)
      .sort()
      .slice(before)
      .map((f) => fs.readFileSync(`${outbox}/${f}`, "utf8"));
    expect(mails).toHaveLength(2);
    const zoe = mails.find((m) => m.includes("staff1@example.org")) ?? "";
    expect(zoe).toContain("&lt;b&gt;Zo");
    expect(zoe).toContain("billet-qr.png");
    const db = await getDb();
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: j.id, action: "message.reminder" } });
    expect(entry.details).toMatchObject({ recipients: 2 });
    expect(await sendMessage(actor, { id: { in: [] } }, input)).toMatchObject({ reason: "no_recipients" });
  });
});
