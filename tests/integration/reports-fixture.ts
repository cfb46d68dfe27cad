import { getDb } from "@/lib/db/client";
import { parisTime } from "@/lib/format/dates";
import { foldForSearch } from "@/lib/text/normalize";
import { insertRegistration, makeJournee, makePartner } from "@/tests/fixtures/factories";

/**
 * A small programme with every case the reports must get right: accents (é è ç œ ï ë),
 * formula-looking text, waitlist, cancellation, a no-show, a walk-in, half-days, and one person
 * present at two journées. Times are Paris wall-clock (the tests run under TZ=Pacific/Chatham).
 */
export async function seedReportFixture() {
  const db = await getDb();
  const partner = await makePartner();
  const day = "2024-04-16";
  const plenary = await makeJournee({
    partnerId: partner.id,
    title: "Journée plénière Logement d'abord",
    city: "Marseille",
    venue: "Palais du Pharo",
    address: "58 boulevard Charles-Livon, 13007 Marseille",
    isPlenary: true,
    status: "CLOSED",
    capacity: 10,
    startsAt: parisTime(day, "09:00"),
    endsAt: parisTime(day, "17:00"),
    registrationOpensAt: parisTime("2024-03-01", "09:00"),
    registrationClosesAt: parisTime("2024-04-15", "18:00"),
  });
  const morning = await db.journeePart.create({
    data: {
      journeeId: plenary.id,
      kind: "HALF_DAY",
      title: "Matinée",
      startsAt: parisTime(day, "09:00"),
      endsAt: parisTime(day, "12:30"),
      position: 0,
    },
  });
  const afternoon = await db.journeePart.create({
    data: {
      journeeId: plenary.id,
      kind: "HALF_DAY",
      title: "Après-midi",
      startsAt: parisTime(day, "14:00"),
      endsAt: parisTime(day, "17:00"),
      position: 1,
    },
  });
  const person = async (
    email: string,
    p: {
      firstName: string;
      lastName: string;
      structure: string;
      structureType: "COMMUNE_CCAS" | "BAILLEUR_SOCIAL" | "ASSOCIATION" | "LOGEMENT_ACCOMPAGNE" | "ETAT";
      commune: string;
      jobTitle: string;
    },
    extra: {
      status?: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
      walkIn?: boolean;
      parts?: string[];
      journeeId?: string;
    } = {},
  ) => {
    const r = await insertRegistration(extra.journeeId ?? plenary.id, email, {
      ...p,
      searchText: foldForSearch(`${p.firstName} ${p.lastName} ${p.structure}`),
      status: extra.status ?? "CONFIRMED",
      walkIn: extra.walkIn ?? false,
    });
    for (const partId of extra.parts ?? [])
      await db.registrationPart.create({ data: { registrationId: r.id, partId } });
    return r;
  };
  const checkIn = (registrationId: string, journeeId: string, partId: string | null, hhmm: string, d = day) =>
    db.checkIn.create({
      data: {
        registrationId,
        journeeId,
        partId,
        partKey: partId ?? "journee",
        checkedInAt: parisTime(d, hhmm),
        method: "QR",
      },
    });

  const zoe = await person(
    "zoe.lefevre@example.org",
    {
      firstName: "Zoé",
      lastName: "Lefèvre",
      structure: "CCAS d'Aix-en-Provence",
      structureType: "COMMUNE_CCAS",
      commune: "Aix-en-Provence",
      jobTitle: "Chargée de mission",
    },
    { parts: [morning.id, afternoon.id] },
  );
  const jerome = await person(
    "jerome.celik@example.org",
    {
      firstName: "Jérôme",
      lastName: "Çelik",
      structure: "Habitat Méditerranée",
      structureType: "BAILLEUR_SOCIAL",
      commune: "Marseille",
      jobTitle: "Responsable d'agence",
    },
    { parts: [morning.id] },
  );
  const anais = await person(
    "anais.duboeuf@example.org",
    {
      firstName: "Anaïs",
      lastName: "Dubœuf",
      structure: '=HYPERLINK("http://evil.example","x")',
      structureType: "ASSOCIATION",
      commune: "Istres",
      jobTitle: "@SUM(A1)",
    },
    { parts: [morning.id, afternoon.id] },
  );
  const noel = await person(
    "noel.garcon@example.org",
    {
      firstName: "Noël",
      lastName: "Garçon",
      structure: "-2+3",
      structureType: "LOGEMENT_ACCOMPAGNE",
      commune: "Aubagne",
      jobTitle: "+33 6 12 34 56 78",
    },
    { status: "WAITLISTED" },
  );
  const helene = await person(
    "helene.brule@example.org",
    {
      firstName: "Hélène",
      lastName: "Brûlé",
      structure: "DDETS des Bouches-du-Rhône",
      structureType: "ETAT",
      commune: "Marseille",
      jobTitle: "Inspectrice",
    },
    { status: "CANCELLED" },
  );
  const loic = await person(
    "loic.soeur@example.org",
    {
      firstName: "Loïc",
      lastName: "Sœur",
      structure: "Résidence sociale Les Œillets",
      structureType: "LOGEMENT_ACCOMPAGNE",
      commune: "Marseille",
      jobTitle: "Intervenant social",
    },
    { walkIn: true },
  );
  await checkIn(zoe.id, plenary.id, morning.id, "09:05");
  await checkIn(zoe.id, plenary.id, afternoon.id, "14:02");
  await checkIn(jerome.id, plenary.id, morning.id, "09:12");
  await checkIn(loic.id, plenary.id, afternoon.id, "14:15");

  const aix = await makeJournee({
    partnerId: partner.id,
    title: "Journée d'Aix-en-Provence",
    city: "Aix-en-Provence",
    status: "CLOSED",
    startsAt: parisTime("2023-07-06", "09:00"),
    endsAt: parisTime("2023-07-06", "17:00"),
    registrationOpensAt: parisTime("2023-06-01", "09:00"),
    registrationClosesAt: parisTime("2023-07-05", "18:00"),
  });
  const zoe2 = await person(
    "zoe.lefevre@example.org",
    {
      firstName: "Zoé",
      lastName: "Lefèvre",
      structure: "CCAS d'Aix-en-Provence",
      structureType: "COMMUNE_CCAS",
      commune: "Aix-en-Provence",
      jobTitle: "Chargée de mission",
    },
    { journeeId: aix.id },
  );
  await checkIn(zoe2.id, aix.id, null, "09:30", "2023-07-06");
  return { partner, plenary, aix, morning, afternoon, people: { zoe, jerome, anais, noel, helene, loic, zoe2 } };
}
