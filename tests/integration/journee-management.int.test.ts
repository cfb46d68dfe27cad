import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { changeJourneeStatus, createJournee, updateJournee } from "@/lib/journees/mutations";
import { listPublicJournees } from "@/lib/journees/queries";
import { journeeSchema } from "@/lib/journees/schema";
import { notifyJourneeCancelled } from "@/lib/messages/mutations";
import { register } from "@/lib/registration/mutations";
import { registrationSchema } from "@/lib/registration/schema";
import { insertRegistration, makePartner } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

const actor = { id: "staff-1", email: "orga@unafo.example.org", ip: "203.0.113.9" };
const ALL = {};

function form(partnerId: string, extra: Record<string, unknown> = {}) {
  return {
    partnerId,
    title: "Habiter d'abord à Arles",
    city: "Arles",
    venue: "Salle des fêtes",
    address: "1 place de la République, 13200 Arles",
    startsAt: "2031-03-27T09:00",
    endsAt: "2031-03-27T17:00",
    capacity: "2",
    registrationOpensAt: "2020-01-01T09:00",
    registrationClosesAt: "2031-03-26T18:00",
    parts: [
      { kind: "HALF_DAY", title: "Matin", startsAt: "2031-03-27T09:00", endsAt: "2031-03-27T12:30", capacity: "" },
      { kind: "HALF_DAY", title: "Après-midi", startsAt: "2031-03-27T14:00", endsAt: "2031-03-27T17:00" },
    ],
    ...extra,
  };
}

async function audit(entityId: string) {
  const db = await getDb();
  return db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });
}

const person = (journeeId: string, n: number, halfDayIds: string[]) =>
  registrationSchema.parse({
    journeeId,
    firstName: `Prénom${n}`,
    lastName: "Nom",
    email: `p${n}@example.org`,
    structure: "CCAS",
    structureType: "COMMUNE_CCAS",
    jobTitle: "CESF",
    commune: "Arles",
    privacyAck: true,
    halfDayIds,
  });

describe(`journée management (${testDbKind()})`, () => {
  it("the form's Paris wall-clock times become instants, and cross-field rules are French field errors", () => {
    const ok = journeeSchema.parse(form("p"));
    expect(ok.startsAt.toISOString()).toBe("2031-03-27T08:00:00.000Z"); // still winter time (UTC+1), whatever TZ
    expect(ok.parts[1].capacity).toBeNull();
    const bad = journeeSchema.safeParse(
      form("p", {
        endsAt: "2031-03-27T08:00",
        registrationClosesAt: "2031-03-28T10:00",
        parts: [
          { kind: "WORKSHOP", title: "", startsAt: "2031-03-27T10:00", endsAt: "2031-03-27T09:00", capacity: "9" },
        ],
      }),
    );
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["endsAt", "registrationClosesAt", "parts.0.title", "parts.0.endsAt"]),
    );
    expect(bad.error?.issues.find((i) => i.path[0] === "registrationClosesAt")?.message).toMatch(/au plus tard/);
  });

  it("creates a draft with two half-days (audited), publishes it onto the public programme, closes it", async () => {
    const partner = await makePartner();
    const created = await createJournee(actor, journeeSchema.parse(form(partner.id)));
    expect(created.slug).toBe("arles-2031-03-27");
    expect((await listPublicJournees()).some((j) => j.id === created.id)).toBe(false);
    expect(await changeJourneeStatus(actor, ALL, created.id, "close")).toMatchObject({
      ok: false,
      reason: "wrong_status",
    });
    expect(await changeJourneeStatus(actor, ALL, created.id, "publish")).toMatchObject({ ok: true });
    const shown = (await listPublicJournees()).find((j) => j.id === created.id);
    expect(shown?.parts.map((p) => p.title)).toEqual(["Matin", "Après-midi"]);
    expect(await changeJourneeStatus(actor, ALL, created.id, "close")).toMatchObject({ ok: true });
    const again = await createJournee(actor, journeeSchema.parse(form(partner.id)));
    expect(again.slug).toBe("arles-2031-03-27-2");
    const entries = await audit(created.id);
    expect(entries.map((e) => e.action)).toEqual(["journee.create", "journee.publish", "journee.close"]);
    expect(entries[0]).toMatchObject({
      actorId: actor.id,
      actorLabel: actor.email,
      ip: actor.ip,
      entityType: "Journee",
    });
  });

  it("is scoped: another partner's organiser can neither edit nor publish", async () => {
    const partner = await makePartner();
    const { id } = await createJournee(actor, journeeSchema.parse(form(partner.id)));
    const elsewhere = { partnerId: { in: ["another-partner"] } };
    expect(await changeJourneeStatus(actor, elsewhere, id, "publish")).toMatchObject({ reason: "not_found" });
    const input = journeeSchema.parse(form(partner.id, { title: "Piraté" }));
    expect(await updateJournee(actor, elsewhere, id, input)).toMatchObject({ reason: "not_found" });
    expect(await audit(id)).toHaveLength(1);
  });

  it("edits: capacity never below the confirmed count, a chosen part is kept, a raised capacity promotes the line", async () => {
    const partner = await makePartner();
    const { id } = await createJournee(actor, journeeSchema.parse(form(partner.id)));
    await changeJourneeStatus(actor, ALL, id, "publish");
    const db = await getDb();
    const parts = await db.journeePart.findMany({ where: { journeeId: id }, orderBy: { position: "asc" } });
    for (const n of [1, 2, 3]) expect(await register(person(id, n, [parts[0].id]))).toMatchObject({ ok: true });
    const edit = (extra: Record<string, unknown>) => journeeSchema.parse(form(partner.id, extra));
    const keep = (capacity = "") => parts.map((p) => ({ ...form("x").parts[p.position], id: p.id, capacity }));

    expect(await updateJournee(actor, ALL, id, edit({ capacity: "1", parts: keep() }))).toMatchObject({
      ok: false,
      reason: "capacity_below_confirmed",
      fieldErrors: { capacity: "2 personnes sont déjà confirmées." },
    });
    expect(await updateJournee(actor, ALL, id, edit({ parts: keep().slice(1) }))).toMatchObject({
      reason: "part_in_use",
    });
    expect(await updateJournee(actor, ALL, id, edit({ parts: keep("1") }))).toMatchObject({
      reason: "capacity_below_confirmed",
      fieldErrors: { "parts.0.capacity": "2 personnes y sont déjà inscrites." },
    });
    const atelier = { kind: "WORKSHOP", title: "Atelier", startsAt: "2031-03-27T14:00", endsAt: "2031-03-27T16:00" };
    const done = await updateJournee(
      actor,
      ALL,
      id,
      edit({ capacity: "3", title: "Nouveau titre", parts: [...keep(), atelier] }),
    );
    expect(done).toMatchObject({ ok: true, promoted: [{ droppedParts: [] }] });
    const row = await db.journee.findUniqueOrThrow({ where: { id }, include: { parts: true } });
    expect(row).toMatchObject({ title: "Nouveau titre", capacity: 3, confirmedCount: 3 });
    expect(row.parts).toHaveLength(3);
    const update = (await audit(id)).find((e) => e.action === "journee.update");
    expect(update?.details).toMatchObject({ changed: ["title", "capacity"], partsAdded: 1, promoted: 1 });
  });

  it("cancelling tells every live registrant by e-mail, after the audited status change", async () => {
    const partner = await makePartner();
    const { id } = await createJournee(actor, journeeSchema.parse(form(partner.id, { parts: [] })));
    await changeJourneeStatus(actor, ALL, id, "publish");
    await insertRegistration(id, "confirmee@example.org");
    await insertRegistration(id, "attente@example.org", { status: "WAITLISTED" });
    await insertRegistration(id, "annulee@example.org", { status: "CANCELLED" });
    const outbox = process.env.MAIL_OUTBOX_DIR as string;
    const before = fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0;
    const done = await changeJourneeStatus(actor, ALL, id, "cancel");
    expect(done).toMatchObject({ ok: true });
    expect(done.ok && done.notify).toHaveLength(2);
    expect(await notifyJourneeCancelled(ALL, id)).toEqual({ sent: 2, failed: 0 });
    const mails = fs
      .readdirSync(outbox)
      .sort()
      .slice(before)
      .map((f) => fs.readFileSync(`${outbox}/${f}`, "utf8"));
    expect(mails.join("\n")).toMatch(/est annul=C3=A9e/);
    expect(mails.some((m) => m.includes("annulee@example.org"))).toBe(false);
    expect((await audit(id)).at(-1)).toMatchObject({ action: "journee.cancel", details: { recipients: 2 } });
    expect(await changeJourneeStatus(actor, ALL, id, "publish")).toMatchObject({ reason: "wrong_status" });
    const input = journeeSchema.parse(form(partner.id, { parts: [] }));
    expect(await updateJournee(actor, ALL, id, input)).toMatchObject({ reason: "wrong_status" });
  });
});
