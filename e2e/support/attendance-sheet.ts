import { randomUUID } from "node:crypto";
import { attestPresence, submitDoorSignature } from "@/lib/attendance/mutations/door";
import type { CurrentUser } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { signaturePng } from "@/tests/fixtures/attendance";
import { createCheckInFixture } from "./checkin";

// Sheet page test hooks (/api/test-hooks/attendance-sheet, e2e build only; also the integration tests' seed).

const MIN = 60_000;

/**
 * A whole-day journée that ended yesterday (so it can be countersigned), scan + signature, with:
 * two absent people who asked for a justification (Aubert, Bernard), one absent without (Caron),
 * one on time and signed (Durand), one late, gone early and attested by the agent (Esnault), one
 * present without a signature (Fabre).
 */
export async function seedAttendanceSheet() {
  const fx = await createCheckInFixture({
    window: "past",
    signatures: true,
    title: "Journée émargement de test",
    people: [
      { firstName: "Anne", lastName: "Aubert", structure: "CCAS d'Aix" },
      { firstName: "Bruno", lastName: "Bernard", structure: "Mairie d'Arles" },
      { firstName: "Chloé", lastName: "Caron", structure: "UNAFO" },
      { firstName: "David", lastName: "Durand", structure: "Habitat Alpin" },
      { firstName: "Emma", lastName: "Esnault", structure: "CCAS de Salon" },
      { firstName: "Félix", lastName: "Fabre", structure: "Mairie de Pertuis" },
    ],
  });
  const db = await getDb();
  const journee = await db.journee.findUniqueOrThrow({ where: { id: fx.journeeId } });
  const start = journee.startsAt.getTime();
  const end = journee.endsAt.getTime();
  const key = fx.partKeys[0];
  const [a, b, , d, e, f] = fx.tickets;
  const email = `agent-sheet-${randomUUID().slice(0, 8)}@example.org`;
  const agent = await db.user.create({ data: { email, name: "Agent Émargement" } });
  const user: CurrentUser = {
    id: agent.id,
    email,
    name: agent.name,
    grants: [{ role: "ADMIN", partnerId: null, journeeId: null }],
  };
  const checkIn = (registrationId: string, at: number, departedAt?: number) =>
    db.checkIn.create({
      data: {
        registrationId,
        journeeId: fx.journeeId,
        partKey: key,
        checkedInAt: new Date(at),
        departedAt: departedAt ? new Date(departedAt) : null,
        method: "QR",
        agentId: agent.id,
      },
    });
  await checkIn(d.registrationId, start + 5 * MIN);
  await checkIn(e.registrationId, start + 40 * MIN, end - 120 * MIN);
  await checkIn(f.registrationId, start - 10 * MIN);
  const door = { user, clientIp: "203.0.113.7" };
  const common = { journeeId: fx.journeeId, partKey: key, deviceId: "dev-test", door: "Porte A" };
  await submitDoorSignature(
    { ...common, registrationId: d.registrationId, png: signaturePng(3), nonce: randomUUID(), offline: false },
    door,
  );
  await attestPresence(
    { ...common, registrationId: e.registrationId, reason: "Main dans le plâtre", nonce: randomUUID() },
    door,
  );
  for (const [r, reason] of [
    [a, "Rendez-vous médical"],
    [b, "Oubli"],
  ] as const) {
    await db.absenceJustification.create({
      data: {
        journeeId: fx.journeeId,
        registrationId: r.registrationId,
        partKey: key,
        reason,
        status: "REQUESTED",
        source: "PERSON",
      },
    });
  }
  return { journeeId: fx.journeeId, slug: fx.slug, partKey: key };
}
