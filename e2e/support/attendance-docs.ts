import { randomUUID } from "node:crypto";
import { PNG } from "pngjs";
import { countersignAs } from "@/lib/attendance/mutations/close";
import { attestPresence, submitDoorSignature } from "@/lib/attendance/mutations/door";
import { recordJustifiedAbsenceAs } from "@/lib/attendance/mutations/justification";
import { normaliseSignature } from "@/lib/attendance/signature-image";
import type { CurrentUser } from "@/lib/auth/permissions";
import { recordScanBatch } from "@/lib/checkin/mutations";
import { getDb } from "@/lib/db/client";
import { createCheckInFixture } from "./checkin";

/**
 * A journée with a signed, closed sheet (issue 13 points 7–8), for the signed-documents tests
 * (integration and e2e hook). Five people: two sign at the door, one is attested by the agent,
 * one is absent, one has a justified absence; the organiser countersigns, which closes the sheet.
 */
export const SIGNED_PEOPLE = {
  signedA: "Dupont",
  signedB: "Durand",
  attested: "Martin",
  absent: "Bernard",
  justified: "Petit",
} as const;

function pad(seed: number): string {
  const png = new PNG({ width: 300, height: 120 });
  png.data.fill(255);
  for (let x = 20; x < 280; x++) {
    const y = Math.round(60 + Math.sin((x + seed * 11) / 15) * 25);
    for (let dy = -2; dy <= 2; dy++) {
      const i = ((y + dy) * 300 + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
    }
  }
  return PNG.sync.write(png).toString("base64");
}

async function seedStaff(): Promise<CurrentUser> {
  const db = await getDb();
  const email = `docs-${randomUUID().slice(0, 8)}@example.org`;
  const user = await db.user.create({ data: { email, name: "Alex Organisatrice" } });
  return { id: user.id, email, name: user.name, grants: [{ role: "ADMIN", partnerId: null, journeeId: null }] };
}

export async function seedSignedSheet(opts: { title?: string } = {}) {
  const f = await createCheckInFixture({
    window: "open",
    title: opts.title ?? "Journée émargement signé",
    people: Object.values(SIGNED_PEOPLE).map((lastName) => ({ lastName, firstName: "Camille" })),
  });
  const staff = await seedStaff();
  const db = await getDb();
  const partKey = "journee";
  const regs = await db.registration.findMany({
    where: { journeeId: f.journeeId },
    select: { id: true, lastName: true },
  });
  const id = (name: string) => regs.find((r) => r.lastName === name)?.id ?? "";
  const door = { user: staff, clientIp: "203.0.113.7" };
  const base = { journeeId: f.journeeId, partKey, deviceId: "Téléphone accueil 1", door: "Porte A" };
  for (const name of [SIGNED_PEOPLE.signedA, SIGNED_PEOPLE.signedB, SIGNED_PEOPLE.attested]) {
    const scan = { ...base, nonce: randomUUID(), registrationId: id(name), scannedAt: new Date() };
    await recordScanBatch(staff, [{ ...scan, method: "SEARCH" as const, offline: false }]);
  }
  for (const [i, name] of [SIGNED_PEOPLE.signedA, SIGNED_PEOPLE.signedB].entries()) {
    const signed = await submitDoorSignature(
      { ...base, registrationId: id(name), png: pad(i), nonce: randomUUID(), offline: false },
      door,
    );
    if (!signed.ok) throw new Error(`signature ${name}: ${signed.reason}`);
  }
  const attest = { ...base, registrationId: id(SIGNED_PEOPLE.attested), reason: "main blessée", nonce: randomUUID() };
  const attested = await attestPresence(attest, door);
  if (!attested.ok) throw new Error(`attestation: ${attested.reason}`);
  const actor = { id: staff.id, email: staff.email, ip: null, name: "Alex Organisatrice" };
  const justified = {
    journeeId: f.journeeId,
    partKey,
    registrationId: id(SIGNED_PEOPLE.justified),
    reason: "arrêt maladie",
  };
  const j = await recordJustifiedAbsenceAs(actor, justified);
  if (!j.ok) throw new Error(`justification: ${j.reason}`);
  const image = normaliseSignature(pad(7));
  if (!image) throw new Error("countersignature image");
  // Countersigned once the day is over (the fixture's journée ends 7 h from now).
  const closed = await countersignAs(actor, f.journeeId, partKey, image, new Date(Date.now() + 8 * 3600_000));
  if (!closed.ok) throw new Error(`countersignature: ${closed.reason}`);
  return {
    journeeId: f.journeeId,
    slug: f.slug,
    partKey,
    staff,
    verificationCode: closed.verificationCode,
    fingerprint: closed.fingerprint,
  };
}
