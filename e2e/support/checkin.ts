import { getDb } from "@/lib/db/client";
import { newTokenSalt, ticketPayload, tokensForSalt } from "@/lib/security/tokens";
import { foldForSearch, normalizeEmail } from "@/lib/text/normalize";

/**
 * Test hooks and benchmark only: a journée whose door is open now (or not yet / already closed),
 * with registrations whose ticket payloads are returned — tickets are HMACs under the server
 * secret, so only the server can produce them.
 */
export type FixturePerson = {
  firstName?: string;
  lastName?: string;
  structure?: string;
  email?: string;
  status?: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
};

const H = 3600_000;

export async function createCheckInFixture(opts: {
  /** "closed": ended 2 hours ago, within the offline sync grace (late syncs, decision 017). */
  window?: "open" | "future" | "past" | "closed";
  halfDays?: boolean;
  capacity?: number;
  people?: FixturePerson[];
  count?: number;
  title?: string;
  /** Issue 13: false = a scan-only journée (the e2e scanner tests' default); else the schema's default. */
  signatures?: boolean;
}) {
  const db = await getDb();
  const partner = await db.partner
    .findFirstOrThrow({ where: { slug: "unafo" } })
    .catch(() => db.partner.findFirstOrThrow());
  const now = Date.now();
  const start = { future: now + 30 * 24 * H, past: now - 30 * H, closed: now - 10 * H, open: now - H }[
    opts.window ?? "open"
  ];
  const startsAt = new Date(start);
  const endsAt = new Date(start + 8 * H);
  const people: FixturePerson[] =
    opts.people ?? Array.from({ length: opts.count ?? 0 }, (_, i) => ({ lastName: `Personne${i}` }));
  const journee = await db.journee.create({
    data: {
      slug: `e2e-accueil-${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
      title: opts.title ?? "Journée d'accueil de test",
      city: "Salon-de-Provence",
      venue: "Salle de test",
      address: "1 rue du Test, 13300 Salon-de-Provence",
      startsAt,
      endsAt,
      capacity: opts.capacity ?? Math.max(50, people.length + 10),
      registrationOpensAt: new Date(now - 40 * 24 * H),
      registrationClosesAt: new Date(start - H),
      status: "PUBLISHED",
      partnerId: partner.id,
      attendanceProof: opts.signatures === false ? "SCAN_ONLY" : "SCAN_AND_SIGNATURE",
      parts: opts.halfDays
        ? {
            create: [
              { kind: "HALF_DAY", title: "Matinée", startsAt, endsAt: new Date(start + 3 * H), position: 0 },
              { kind: "HALF_DAY", title: "Après-midi", startsAt: new Date(start + 4 * H), endsAt, position: 1 },
            ],
          }
        : undefined,
    },
    select: { id: true, slug: true, parts: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  const partIds = journee.parts.map((p) => p.id);
  const rows = people.map((p, i) => {
    const tokenSalt = newTokenSalt();
    const { ticketHash, manageHash } = tokensForSalt(tokenSalt);
    const firstName = p.firstName ?? "Camille";
    const lastName = p.lastName ?? `Test${i}`;
    const structure = p.structure ?? "CCAS de Test";
    const email = p.email ?? `accueil-${journee.slug}-${i}@example.org`;
    const status = p.status ?? "CONFIRMED";
    return {
      journeeId: journee.id,
      firstName,
      lastName,
      structure,
      structureType: "COMMUNE_CCAS" as const,
      searchText: foldForSearch(`${firstName} ${lastName} ${structure}`),
      email,
      emailNormalized: normalizeEmail(email),
      liveEmailKey: status === "CANCELLED" ? null : normalizeEmail(email),
      status,
      waitlistPosition: status === "WAITLISTED" ? i + 1 : null,
      tokenSalt,
      ticketHash,
      manageHash,
    };
  });
  const created = await db.registration.createManyAndReturn({
    data: rows,
    select: { id: true, tokenSalt: true, status: true, lastName: true },
  });
  if (partIds.length) {
    await db.registrationPart.createMany({
      data: created.flatMap((r) => partIds.map((partId) => ({ registrationId: r.id, partId }))),
    });
  }
  const confirmed = created.filter((r) => r.status === "CONFIRMED").length;
  await db.journee.update({ where: { id: journee.id }, data: { confirmedCount: confirmed } });
  return {
    journeeId: journee.id,
    slug: journee.slug,
    partKeys: partIds.length ? partIds : ["journee"],
    tickets: created.map((r) => ({
      registrationId: r.id,
      lastName: r.lastName,
      status: r.status,
      payload: ticketPayload(r.tokenSalt),
    })),
  };
}

/** Ticket payloads of an existing (demo) journée's registrations. */
export async function ticketsOf(
  slug: string,
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED" = "CONFIRMED",
  take = 5,
) {
  const db = await getDb();
  const rows = await db.registration.findMany({
    where: { journee: { slug }, status },
    orderBy: { seq: "asc" },
    take,
    select: { id: true, journeeId: true, firstName: true, lastName: true, tokenSalt: true },
  });
  return rows.map(({ tokenSalt, ...r }) => ({ ...r, payload: ticketPayload(tokenSalt) }));
}

/** Offline tests: cancels a registration on the server (as the person would, while a door is offline). */
export async function cancelForTest(registrationId: string) {
  const db = await getDb();
  const reg = await db.registration.update({
    where: { id: registrationId },
    data: { status: "CANCELLED", liveEmailKey: null, cancelledAt: new Date() },
    select: { journeeId: true },
  });
  await db.journee.update({ where: { id: reg.journeeId }, data: { confirmedCount: { decrement: 1 } } });
  return { ok: true };
}

/** Offline tests: the server's truth for a journée — presences per registration and the scan history. */
export async function presenceOf(journeeId: string) {
  const db = await getDb();
  const [checkIns, scans] = await Promise.all([
    db.checkIn.findMany({
      where: { journeeId },
      select: {
        registrationId: true,
        partKey: true,
        checkedInAt: true,
        offline: true,
        method: true,
        deviceId: true,
        registration: { select: { overCapacity: true } },
      },
    }),
    db.scanEvent.findMany({
      where: { journeeId },
      orderBy: { scannedAt: "asc" },
      select: { nonce: true, registrationId: true, result: true, offline: true, deviceId: true, scannedAt: true },
    }),
  ]);
  return { checkIns, scans };
}
