/**
 * Demo data: the three partners, the 2023 programme (Aix-en-Provence, Marseille, Istres,
 * Aubagne), the plenary of 16 April 2024, one upcoming journée open for registration and one held
 * on the day the seed runs (so that the scanner can be tried at once).
 *
 * Deterministic (seeded PRNG, no Math.random) and idempotent: partners are upserted by slug and
 * a journée that already exists (by slug) is left untouched with its registrations.
 * People, structures and venues are fictional; e-mails use example.org.
 */

import { OPENS_BEFORE_MS } from "@/lib/checkin/evaluate";
import { METROPOLE_COMMUNES } from "@/lib/communes/communes";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { parisDateKey, parisTime } from "@/lib/format/dates";
import type { NetworkValue } from "@/lib/registration/schema";
import { newTokenSalt, tokensForSalt } from "@/lib/security/tokens";
import { foldForSearch, normalizeEmail } from "@/lib/text/normalize";
import { demoNetwork } from "./networks";

export const DEMO_PARTNER_SLUGS = ["metropole-amp", "ddets-13", "unafo"] as const;
export const DEMO_PROGRAMME_SLUGS = [
  "aix-en-provence-2023",
  "marseille-2023",
  "istres-2023",
  "aubagne-2023",
  "pleniere-2024",
] as const;
export const DEMO_PLENARY_SLUG = "pleniere-2024";
export const DEMO_OPEN_SLUG = "journee-ouverte";
/** Dated on the day of seeding (Paris): its door is open, its tickets scan "ok" right away. */
export const DEMO_TODAY_SLUG = "journee-du-jour";

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random generator (mulberry32)

export type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  shuffle: <T>(items: readonly T[]) => T[];
  id: () => string;
};

/** 32-bit FNV-1a hash, to derive a seed from a text. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  let state = (typeof seed === "string" ? hashSeed(seed) : seed) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    // cuid-like identifier: "c" + 24 base-36 characters.
    id: () => {
      let out = "c";
      for (let i = 0; i < 24; i++) out += Math.floor(next() * 36).toString(36);
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// People and structures

type StructureType =
  | "COMMUNE_CCAS"
  | "EPCI_METROPOLE"
  | "ETAT"
  | "BAILLEUR_SOCIAL"
  | "ASSOCIATION"
  | "LOGEMENT_ACCOMPAGNE"
  | "SANITAIRE_MEDICO_SOCIAL"
  | "AUTRE";

type Structure = { name: string; type: StructureType; commune: string | null; weight: number };

const FEMALE_FIRST_NAMES = [
  "Léa",
  "Camille",
  "Manon",
  "Chloé",
  "Sarah",
  "Julie",
  "Inès",
  "Emma",
  "Laura",
  "Pauline",
  "Marion",
  "Claire",
  "Sophie",
  "Nathalie",
  "Isabelle",
  "Sandrine",
  "Céline",
  "Aurélie",
  "Élodie",
  "Karima",
  "Nadia",
  "Fatima",
  "Samia",
  "Leïla",
  "Yasmina",
  "Hélène",
  "Agnès",
  "Mathilde",
  "Anaïs",
  "Océane",
  "Marie",
  "Anne",
  "Valérie",
  "Christine",
  "Virginie",
  "Émilie",
  "Mélanie",
  "Charlotte",
  "Lucie",
  "Noémie",
];
const MALE_FIRST_NAMES = [
  "Thomas",
  "Nicolas",
  "Julien",
  "Mehdi",
  "Karim",
  "Sofiane",
  "Alexandre",
  "Maxime",
  "Antoine",
  "Pierre",
  "Jean-Marc",
  "Philippe",
  "Laurent",
  "Stéphane",
  "Olivier",
  "Sébastien",
  "Frédéric",
  "Christophe",
  "David",
  "Yannick",
  "Rachid",
  "Nordine",
  "Bilal",
  "Hugo",
  "Lucas",
  "Théo",
  "Mathieu",
  "Romain",
  "Guillaume",
  "Jérôme",
  "François",
  "Benoît",
  "Cédric",
  "Fabien",
  "Grégory",
  "Hervé",
  "Jean-Luc",
  "Loïc",
  "Rémi",
  "Vincent",
];

const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefèvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Girard",
  "André",
  "Mercier",
  "Dupont",
  "Lambert",
  "Bonnet",
  "François",
  "Martinez",
  "Legrand",
  "Garnier",
  "Faure",
  "Rousseau",
  "Blanc",
  "Guérin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Mathieu",
  "Clément",
  "Gauthier",
  "Dumont",
  "Lopez",
  "Fontaine",
  "Chevalier",
  "Robin",
  "Masson",
  "Sanchez",
  "Benali",
  "Haddad",
  "Mansouri",
  "Belkacem",
  "Cherif",
  "Amrani",
  "Bensaïd",
  "Boukhari",
  "Diallo",
  "Traoré",
  "Nguyen",
  "Tran",
  "Rossi",
  "Russo",
  "Esposito",
  "Ferrari",
  "Pellegrino",
  "Santini",
  "Giordano",
  "Orsini",
  "Castellano",
  "Arnaud",
  "Bonnefoy",
  "Brémond",
  "Camoin",
  "Estienne",
  "Fabre",
  "Gasquet",
  "Imbert",
  "Jourdan",
  "Meffre",
  "Olive",
  "Reynaud",
  "Sauvaire",
  "Taxil",
  "Vidal",
  "Audibert",
  "Barthélemy",
  "Chabert",
  "Delmas",
  "Da Silva",
  "Pereira",
  "Ferreira",
  "Rodrigues",
  "Fernandes",
  "Gomes",
  "Le Gall",
  "Le Goff",
  "Baptiste",
  "Pons",
];

/** Job titles as [feminine, masculine]. */
const JOBS: Record<StructureType, readonly (readonly [string, string])[]> = {
  COMMUNE_CCAS: [
    ["Directrice du CCAS", "Directeur du CCAS"],
    ["Travailleuse sociale", "Travailleur social"],
    ["Chargée de mission habitat", "Chargé de mission habitat"],
    ["Conseillère en économie sociale et familiale", "Conseiller en économie sociale et familiale"],
    ["Élue déléguée au logement", "Élu délégué au logement"],
  ],
  EPCI_METROPOLE: [
    ["Chargée de mission Logement d'abord", "Chargé de mission Logement d'abord"],
    ["Responsable du service habitat", "Responsable du service habitat"],
    ["Cheffe de projet politique de la ville", "Chef de projet politique de la ville"],
  ],
  ETAT: [
    ["Chargée de mission hébergement-logement", "Chargé de mission hébergement-logement"],
    ["Inspectrice de l'action sanitaire et sociale", "Inspecteur de l'action sanitaire et sociale"],
    ["Responsable du pôle hébergement", "Responsable du pôle hébergement"],
  ],
  BAILLEUR_SOCIAL: [
    ["Chargée de gestion locative", "Chargé de gestion locative"],
    ["Chargée d'attribution", "Chargé d'attribution"],
    ["Conseillère sociale", "Conseiller social"],
    ["Gardienne d'immeuble", "Gardien d'immeuble"],
  ],
  ASSOCIATION: [
    ["Éducatrice spécialisée", "Éducateur spécialisé"],
    ["Intervenante sociale", "Intervenant social"],
    ["Cheffe de service", "Chef de service"],
    ["Directrice", "Directeur"],
    ["Travailleuse paire", "Travailleur pair"],
  ],
  LOGEMENT_ACCOMPAGNE: [
    ["Responsable de résidence", "Responsable de résidence"],
    ["Hôtesse de pension de famille", "Hôte de pension de famille"],
    ["Intervenante sociale", "Intervenant social"],
    ["Directrice territoriale", "Directeur territorial"],
  ],
  SANITAIRE_MEDICO_SOCIAL: [
    ["Infirmière", "Infirmier"],
    ["Psychologue", "Psychologue"],
    ["Médecin psychiatre", "Médecin psychiatre"],
    ["Assistante de service social", "Assistant de service social"],
  ],
  AUTRE: [
    ["Chargée d'études", "Chargé d'études"],
    ["Bénévole", "Bénévole"],
    ["Consultante", "Consultant"],
  ],
};

function ofCommune(prefix: string, commune: string): string {
  if (commune.startsWith("Les ")) return `${prefix} des ${commune.slice(4)}`;
  if (commune.startsWith("Le ")) return `${prefix} du ${commune.slice(3)}`;
  if (/^[AEIOUÉÈÊ]/.test(commune)) return `${prefix} d'${commune}`;
  return `${prefix} de ${commune}`;
}

const CCAS_COMMUNES = [
  "Marseille",
  "Aix-en-Provence",
  "Istres",
  "Aubagne",
  "Martigues",
  "Salon-de-Provence",
  "Vitrolles",
  "Marignane",
  "Miramas",
  "La Ciotat",
  "Gardanne",
  "Port-de-Bouc",
  "Les Pennes-Mirabeau",
  "Allauch",
  "Berre-l'Étang",
  "Fos-sur-Mer",
  "Pertuis",
  "Septèmes-les-Vallons",
];

const STRUCTURES: Structure[] = [
  ...CCAS_COMMUNES.map((c, i) => ({
    name: ofCommune("CCAS", c),
    type: "COMMUNE_CCAS" as const,
    commune: c,
    weight: i < 4 ? 4 : 2,
  })),
  ...["Marseille", "Aix-en-Provence", "Istres", "Aubagne", "Martigues"].map((c) => ({
    name: ofCommune("Ville", c),
    type: "COMMUNE_CCAS" as const,
    commune: c,
    weight: 1,
  })),
  { name: "Métropole Aix-Marseille-Provence", type: "EPCI_METROPOLE", commune: "Marseille", weight: 5 },
  { name: "DDETS des Bouches-du-Rhône", type: "ETAT", commune: "Marseille", weight: 4 },
  { name: "Sous-préfecture d'Istres", type: "ETAT", commune: "Istres", weight: 1 },
  { name: "Sous-préfecture d'Aix-en-Provence", type: "ETAT", commune: "Aix-en-Provence", weight: 1 },
  { name: "Habitat Provence Méditerranée", type: "BAILLEUR_SOCIAL", commune: null, weight: 4 },
  { name: "Les Toits de l'Étang", type: "BAILLEUR_SOCIAL", commune: "Martigues", weight: 3 },
  { name: "Provence Logis Social", type: "BAILLEUR_SOCIAL", commune: "Aix-en-Provence", weight: 3 },
  { name: "Calanques Habitat", type: "BAILLEUR_SOCIAL", commune: "Marseille", weight: 3 },
  { name: "Association Accueil et Logement 13", type: "ASSOCIATION", commune: "Marseille", weight: 5 },
  { name: "Association Passerelle Logement", type: "ASSOCIATION", commune: "Aix-en-Provence", weight: 4 },
  { name: "Association Le Relais de l'Huveaune", type: "ASSOCIATION", commune: "Aubagne", weight: 3 },
  { name: "Collectif Un Toit d'Abord", type: "ASSOCIATION", commune: "Marseille", weight: 3 },
  { name: "Association Ouest Étang Solidarités", type: "ASSOCIATION", commune: "Istres", weight: 3 },
  { name: "SIAO des Bouches-du-Rhône", type: "ASSOCIATION", commune: "Marseille", weight: 3 },
  { name: "Résidence sociale Les Calanques", type: "LOGEMENT_ACCOMPAGNE", commune: "Marseille", weight: 3 },
  { name: "Pension de famille Le Phare", type: "LOGEMENT_ACCOMPAGNE", commune: "Port-de-Bouc", weight: 2 },
  {
    name: "Foyer de jeunes travailleurs Les Tilleuls",
    type: "LOGEMENT_ACCOMPAGNE",
    commune: "Salon-de-Provence",
    weight: 2,
  },
  { name: "Résidence sociale Sainte-Victoire", type: "LOGEMENT_ACCOMPAGNE", commune: "Aix-en-Provence", weight: 2 },
  { name: "Pension de famille Le Mistral", type: "LOGEMENT_ACCOMPAGNE", commune: "Istres", weight: 2 },
  { name: "Unafo", type: "LOGEMENT_ACCOMPAGNE", commune: null, weight: 2 },
  {
    name: "Équipe mobile psychiatrie précarité Nord",
    type: "SANITAIRE_MEDICO_SOCIAL",
    commune: "Marseille",
    weight: 2,
  },
  { name: "Lits halte soins santé de l'Étang", type: "SANITAIRE_MEDICO_SOCIAL", commune: "Martigues", weight: 1 },
  { name: "CSAPA Provence Ouest", type: "SANITAIRE_MEDICO_SOCIAL", commune: "Miramas", weight: 1 },
  {
    name: "Centre médico-psychologique du Pays d'Aubagne",
    type: "SANITAIRE_MEDICO_SOCIAL",
    commune: "Aubagne",
    weight: 1,
  },
  { name: "Bureau d'études Habitat et Territoires", type: "AUTRE", commune: "Aix-en-Provence", weight: 1 },
  { name: "Université — laboratoire de sociologie urbaine", type: "AUTRE", commune: "Aix-en-Provence", weight: 1 },
];

const ACCESSIBILITY_NEEDS = [
  "Accès en fauteuil roulant",
  "Boucle magnétique (malentendant)",
  "Place réservée près de l'écran (malvoyante)",
];

/** Ascii slug: « Résidence sociale Les Calanques » → « residence-sociale-les-calanques ». */
export function slugify(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

type Person = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  structure: string;
  structureType: StructureType;
  network: NetworkValue | null;
  jobTitle: string;
  commune: string;
  accessibilityNeeds: string | null;
  inviteConsent: boolean;
};

function weightedPick<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((sum, x) => sum + x.weight, 0);
  let r = rng.next() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1];
}

/** A pool of fictional professionals, the same people coming back to several journées. */
function buildPeople(count: number): Person[] {
  const rng = createRng("emarge-demo-people");
  // A stream of its own, so that adding networks left every other demo value as it was.
  const networkRng = createRng("emarge-demo-networks");
  const emails = new Set<string>();
  const people: Person[] = [];
  while (people.length < count) {
    const female = rng.chance(0.62);
    const firstName = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const s = weightedPick(rng, STRUCTURES);
    const email = `${slugify(firstName)}.${slugify(lastName)}@${slugify(s.name)}.example.org`;
    if (emails.has(email)) continue;
    emails.add(email);
    const commune =
      s.commune && rng.chance(0.85) ? s.commune : rng.chance(0.4) ? "Marseille" : rng.pick(METROPOLE_COMMUNES);
    people.push({
      firstName,
      lastName,
      email,
      phone: rng.chance(0.4) ? `06 ${[0, 0, 0, 0].map(() => String(rng.int(0, 99)).padStart(2, "0")).join(" ")}` : null,
      structure: s.name,
      structureType: s.type,
      network: demoNetwork(s, networkRng.next()),
      jobTitle: rng.pick(JOBS[s.type])[female ? 0 : 1],
      commune,
      accessibilityNeeds: rng.chance(0.03) ? rng.pick(ACCESSIBILITY_NEEDS) : null,
      inviteConsent: rng.chance(0.6),
    });
  }
  return people;
}

// ---------------------------------------------------------------------------------------------
// Journées

type PartSpec = {
  key: string;
  kind: "HALF_DAY" | "WORKSHOP";
  title: string;
  start: string;
  end: string;
  capacity: number | null;
};

type JourneeSpec = {
  slug: string;
  title: string;
  city: string;
  venue: string;
  address: string;
  accessInfo: string;
  programme: string;
  day: string;
  start: string;
  end: string;
  capacity: number;
  status: "PUBLISHED" | "CLOSED";
  isPlenary: boolean;
  partnerSlug: (typeof DEMO_PARTNER_SLUGS)[number];
  /** Confirmed registrations made before the day (walk-ins come on top). */
  confirmed: number;
  cancelled: number;
  /** Only when the journée is full. */
  waitlisted: number;
  walkIns: number;
  /** Share of confirmed pre-registered people who came (past journées only). */
  presentRate: number;
  parts: PartSpec[];
  past: boolean;
  /** Share of confirmed people already checked in, for the journée held on the day of seeding. */
  checkedInToday?: number;
};

const ACCESS_TC =
  "Accès en transports en commun : lignes de bus urbaines, arrêt le plus proche à quelques minutes à pied. " +
  "Salle de plain-pied, accessible en fauteuil roulant. Stationnement limité : privilégiez les transports en commun ou le covoiturage.";

function programmeText(theme: string, city: string): string {
  return [
    `9 h 00 — Accueil des participants et émargement.`,
    `9 h 30 — Ouverture par les partenaires du plan Logement d'abord : la Métropole Aix-Marseille-Provence, la DDETS des Bouches-du-Rhône et l'Unafo.`,
    `10 h 00 — Table ronde : ${theme}. Témoignages de professionnels et de personnes accompagnées du territoire de ${city}.`,
    `12 h 30 — Déjeuner libre.`,
    `14 h 00 — Ateliers d'échange de pratiques en petits groupes, puis restitution en plénière.`,
    `16 h 30 — Clôture de la journée.`,
  ].join("\n\n");
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first Tuesday at least 30 days after `now` (Paris calendar), as YYYY-MM-DD, skipping
 * August and the end-of-year holidays (no professional day then).
 */
export function openJourneeDay(now: Date): string {
  const start = parisDateKey(new Date(now.getTime() + 30 * 86_400_000));
  const dow = new Date(`${start}T12:00:00Z`).getUTCDay();
  let day = addDays(start, (2 - dow + 7) % 7);
  const isHoliday = (d: string) => d.slice(5, 7) === "08" || d.slice(5) >= "12-20" || d.slice(5) <= "01-05";
  while (isHoliday(day)) day = addDays(day, 7);
  return day;
}

function journeeSpecs(now: Date): JourneeSpec[] {
  const past = { status: "CLOSED" as const, past: true, parts: [] as PartSpec[], isPlenary: false };
  return [
    {
      ...past,
      slug: "aix-en-provence-2023",
      title: "Logement d'abord en pays d'Aix : repérer, orienter, accompagner",
      city: "Aix-en-Provence",
      venue: "Salle des fêtes municipale",
      address: "Place de l'Hôtel de Ville, 13100 Aix-en-Provence",
      accessInfo: ACCESS_TC,
      programme: programmeText(
        "repérer les personnes sans domicile et les orienter vers le logement",
        "Aix-en-Provence",
      ),
      day: "2023-07-06",
      start: "09:00",
      end: "17:00",
      capacity: 60,
      partnerSlug: "unafo",
      confirmed: 46,
      cancelled: 3,
      waitlisted: 0,
      walkIns: 3,
      presentRate: 0.85,
    },
    {
      ...past,
      slug: "marseille-2023",
      title: "Accès direct au logement : coopérations entre bailleurs et associations",
      city: "Marseille",
      venue: "Maison de la vie associative",
      address: "Boulevard de la Libération, 13001 Marseille",
      accessInfo: ACCESS_TC,
      programme: programmeText("l'accès direct au logement ordinaire, du bail à l'accompagnement", "Marseille"),
      day: "2023-09-28",
      start: "09:00",
      end: "17:00",
      capacity: 60,
      partnerSlug: "ddets-13",
      confirmed: 50,
      cancelled: 2,
      waitlisted: 0,
      walkIns: 2,
      presentRate: 0.84,
    },
    {
      ...past,
      slug: "istres-2023",
      title: "Logement accompagné et pensions de famille autour de l'étang de Berre",
      city: "Istres",
      venue: "Salle polyvalente",
      address: "Boulevard de la République, 13800 Istres",
      accessInfo: ACCESS_TC,
      programme: programmeText("la place du logement accompagné dans les parcours vers le logement", "Istres"),
      day: "2023-11-09",
      start: "09:00",
      end: "17:00",
      capacity: 48,
      partnerSlug: "unafo",
      confirmed: 48,
      cancelled: 2,
      waitlisted: 3,
      walkIns: 1,
      presentRate: 0.86,
    },
    {
      ...past,
      slug: "aubagne-2023",
      title: "Santé, précarité et maintien dans le logement",
      city: "Aubagne",
      venue: "Espace des associations",
      address: "Cours Foch, 13400 Aubagne",
      accessInfo: ACCESS_TC,
      programme: programmeText(
        "l'articulation entre soin, accompagnement social et maintien dans le logement",
        "Aubagne",
      ),
      day: "2023-12-07",
      start: "09:00",
      end: "17:00",
      capacity: 60,
      partnerSlug: "unafo",
      confirmed: 48,
      cancelled: 3,
      waitlisted: 0,
      walkIns: 2,
      presentRate: 0.85,
    },
    {
      ...past,
      slug: DEMO_PLENARY_SLUG,
      title: "Journée plénière du Logement d'abord dans les Bouches-du-Rhône",
      city: "Marseille",
      venue: "Centre de congrès",
      address: "Quai de la Joliette, 13002 Marseille",
      accessInfo: `${ACCESS_TC} Métro et tramway à proximité.`,
      programme: [
        "9 h 00 — Accueil et émargement de la matinée.",
        "9 h 30 — Ouverture par la Métropole Aix-Marseille-Provence, la DDETS des Bouches-du-Rhône et l'Unafo.",
        "10 h 00 — Bilan des journées professionnelles 2023 d'Aix-en-Provence, Marseille, Istres et Aubagne.",
        "11 h 00 — Table ronde : le Logement d'abord vu par les personnes accompagnées et les professionnels.",
        "12 h 30 — Déjeuner libre.",
        "14 h 00 — Émargement de l'après-midi, puis tables rondes thématiques : prévention des expulsions, santé mentale, logement des jeunes.",
        "16 h 30 — Perspectives et clôture.",
      ].join("\n\n"),
      day: "2024-04-16",
      start: "09:00",
      end: "16:30",
      capacity: 250,
      isPlenary: true,
      partnerSlug: "metropole-amp",
      confirmed: 228,
      cancelled: 9,
      waitlisted: 0,
      walkIns: 4,
      presentRate: 206 / 228,
      parts: [
        {
          key: "matin",
          kind: "HALF_DAY",
          title: "Matinée — séance plénière",
          start: "09:00",
          end: "12:30",
          capacity: null,
        },
        {
          key: "apres-midi",
          kind: "HALF_DAY",
          title: "Après-midi — tables rondes",
          start: "14:00",
          end: "16:30",
          capacity: null,
        },
      ],
    },
    {
      slug: DEMO_OPEN_SLUG,
      title: "Prévenir les expulsions et sécuriser les parcours résidentiels",
      city: "Salon-de-Provence",
      venue: "Salle des fêtes municipale",
      address: "Place de l'Hôtel de Ville, 13300 Salon-de-Provence",
      accessInfo: ACCESS_TC,
      programme: programmeText(
        "prévenir les expulsions locatives et sécuriser les parcours résidentiels",
        "Salon-de-Provence",
      ),
      day: openJourneeDay(now),
      start: "09:00",
      end: "16:30",
      capacity: 120,
      status: "PUBLISHED",
      isPlenary: false,
      partnerSlug: "unafo",
      confirmed: 25,
      cancelled: 2,
      waitlisted: 0,
      walkIns: 0,
      presentRate: 0,
      past: false,
      parts: [
        {
          key: "atelier-1",
          kind: "WORKSHOP",
          title: "Atelier 1 — Repérer tôt les impayés de loyer",
          start: "14:00",
          end: "16:00",
          capacity: 40,
        },
        {
          key: "atelier-2",
          kind: "WORKSHOP",
          title: "Atelier 2 — Coopérer avec la commission de coordination des actions de prévention des expulsions",
          start: "14:00",
          end: "16:00",
          capacity: 40,
        },
      ],
    },
    {
      slug: DEMO_TODAY_SLUG,
      title: "Journée test du jour — accueil",
      city: "Marseille",
      venue: "Maison de la vie associative",
      address: "Boulevard de la Libération, 13001 Marseille",
      accessInfo: ACCESS_TC,
      programme: programmeText("l'accueil et l'émargement des participants", "Marseille"),
      day: parisDateKey(now),
      // A wide day so that the door (open two hours before the start) is open whenever one tries.
      start: "08:00",
      end: "21:00",
      capacity: 80,
      status: "PUBLISHED",
      isPlenary: false,
      partnerSlug: "metropole-amp",
      confirmed: 36,
      cancelled: 2,
      waitlisted: 0,
      walkIns: 0,
      presentRate: 0,
      past: false,
      checkedInToday: 0.3,
      parts: [],
    },
  ];
}

const PARTNERS = [
  {
    slug: "metropole-amp",
    name: "Métropole Aix-Marseille-Provence",
    shortName: "Métropole AMP",
    kind: "COLLECTIVITE" as const,
    website: "https://ampmetropole.fr",
  },
  {
    slug: "ddets-13",
    name: "Direction départementale de l'emploi, du travail et des solidarités des Bouches-du-Rhône",
    shortName: "DDETS 13",
    kind: "ETAT" as const,
    website: null,
  },
  { slug: "unafo", name: "Unafo", shortName: "Unafo", kind: "RESEAU" as const, website: "https://www.unafo.org" },
];

// ---------------------------------------------------------------------------------------------
// Seeding

type Tx = Prisma.TransactionClient;

/** True when the database holds no partner at all (a fresh install). */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.partner.count()) === 0;
}

/**
 * The programme's three partners only, by slug (idempotent). Real reference data, not a demo: a
 * production database needs them before anyone can create a journée or invite an organiser
 * (`npm run db:seed -- --partners-only`, docs/deployment.md).
 */
export async function seedPartners(db: PrismaClient): Promise<{ ids: Map<string, string>; created: boolean }> {
  let created = false;
  const ids = new Map<string, string>();
  for (const p of PARTNERS) {
    const existing = await db.partner.findUnique({ where: { slug: p.slug }, select: { id: true } });
    if (existing) {
      ids.set(p.slug, existing.id);
      continue;
    }
    const row = await db.partner.create({ data: p, select: { id: true } });
    ids.set(p.slug, row.id);
    created = true;
  }
  return { ids, created };
}

export async function seedDemo(db: PrismaClient, opts: { now?: Date } = {}): Promise<{ created: boolean }> {
  const now = opts.now ?? new Date();
  const { ids: partnerIds, created: partnersCreated } = await seedPartners(db);
  let created = partnersCreated;

  const people = buildPeople(420);
  for (const spec of journeeSpecs(now)) {
    const exists = await db.journee.findUnique({ where: { slug: spec.slug }, select: { id: true } });
    if (exists) continue;
    await db.$transaction((tx) => createJournee(tx, spec, partnerIds.get(spec.partnerSlug) as string, people, now), {
      timeout: 60_000,
    });
    created = true;
  }
  return { created };
}

const DOORS = [
  { door: "Entrée principale", deviceId: "demo-device-1" },
  { door: "Entrée principale", deviceId: "demo-device-2" },
  { door: "Entrée B", deviceId: "demo-device-3" },
];

async function createJournee(tx: Tx, spec: JourneeSpec, partnerId: string, people: Person[], now: Date) {
  const rng = createRng(`emarge-demo-${spec.slug}`);
  const journeeId = rng.id();
  const startsAt = parisTime(spec.day, spec.start);
  const endsAt = parisTime(spec.day, spec.end);
  // Opens 60 days before; the open journée must already be open at `now`, even when its date was
  // pushed back past the holidays.
  const opensAt = parisTime(addDays(spec.day, -60), "09:00");
  const twoWeeksAgo = parisTime(addDays(parisDateKey(now), -14), "09:00");
  const registrationOpensAt = spec.past || opensAt < twoWeeksAgo ? opensAt : twoWeeksAgo;
  const registrationClosesAt = parisTime(addDays(spec.day, -2), "18:00");
  const parts = spec.parts.map((p, position) => ({
    id: rng.id(),
    journeeId,
    kind: p.kind,
    title: p.title,
    startsAt: parisTime(spec.day, p.start),
    endsAt: parisTime(spec.day, p.end),
    capacity: p.capacity,
    confirmedCount: 0,
    position,
    spec: p,
  }));

  // Who registers: a sample of the pool, in arrival order.
  const total = spec.confirmed + spec.cancelled + spec.waitlisted + spec.walkIns;
  const chosen = rng.shuffle(people).slice(0, total);
  const lastSignup = spec.past
    ? registrationClosesAt.getTime()
    : Math.min(registrationClosesAt.getTime(), now.getTime());
  const span = Math.max(1, lastSignup - 3_600_000 - registrationOpensAt.getTime());
  const preCount = spec.confirmed + spec.cancelled + spec.waitlisted;
  // Sorted sign-up instants: the waiting list is made of the last arrivals.
  const signups = Array.from(
    { length: preCount },
    () => registrationOpensAt.getTime() + Math.floor(rng.next() * span),
  ).sort((a, b) => a - b);
  const statuses: ("CONFIRMED" | "CANCELLED" | "WAITLISTED")[] = rng.shuffle([
    ...Array<"CONFIRMED">(spec.confirmed).fill("CONFIRMED"),
    ...Array<"CANCELLED">(spec.cancelled).fill("CANCELLED"),
  ]);
  for (let i = 0; i < spec.waitlisted; i++) statuses.push("WAITLISTED");

  const registrations: Prisma.RegistrationCreateManyInput[] = [];
  const choices: Prisma.RegistrationPartCreateManyInput[] = [];
  const checkIns: Prisma.CheckInCreateManyInput[] = [];
  let waitlistPosition = 0;

  const doorFor = () => (rng.chance(0.7) ? DOORS[rng.int(0, 1)] : DOORS[2]);
  const morningArrival = () => parisTime(spec.day, "08:45").getTime() + rng.int(0, 55 * 60) * 1000;
  const afternoonArrival = () => parisTime(spec.day, "13:45").getTime() + rng.int(0, 35 * 60) * 1000;

  const addRegistration = (
    person: Person,
    status: "CONFIRMED" | "CANCELLED" | "WAITLISTED",
    createdAt: Date,
    walkIn: boolean,
  ) => {
    const id = rng.id();
    const tokenSalt = newTokenSalt();
    const { ticketHash, manageHash } = tokensForSalt(tokenSalt);
    const emailNormalized = normalizeEmail(person.email);
    const cancelledAt =
      status === "CANCELLED"
        ? new Date(
            Math.min(createdAt.getTime() + rng.int(1, 20) * 86_400_000, registrationClosesAt.getTime(), now.getTime()),
          )
        : null;
    registrations.push({
      id,
      journeeId,
      firstName: person.firstName,
      lastName: person.lastName,
      searchText: foldForSearch(`${person.firstName} ${person.lastName} ${person.structure} ${person.email}`),
      email: person.email,
      emailNormalized,
      liveEmailKey: status === "CANCELLED" ? null : emailNormalized,
      phone: person.phone,
      structure: person.structure,
      structureType: person.structureType,
      network: person.network,
      jobTitle: person.jobTitle,
      commune: person.commune,
      accessibilityNeeds: person.accessibilityNeeds,
      inviteConsent: person.inviteConsent,
      privacyAckAt: createdAt,
      status,
      waitlistPosition: status === "WAITLISTED" ? ++waitlistPosition : null,
      tokenSalt,
      ticketHash,
      manageHash,
      walkIn,
      overCapacity: walkIn && spec.confirmed >= spec.capacity,
      cancelledAt,
      createdAt,
    });
    return id;
  };

  // Part choices: half-days mostly both, ateliers one of the two (some none).
  const choosePartKeys = (walkIn: boolean): string[] => {
    if (parts.length === 0) return [];
    if (parts[0].kind === "HALF_DAY") {
      if (walkIn) return parts.map((p) => p.id);
      const r = rng.next();
      if (r < 0.8) return parts.map((p) => p.id);
      return r < 0.92 ? [parts[0].id] : [parts[1].id];
    }
    if (rng.chance(0.1)) return [];
    // Keep within each atelier's capacity.
    const open = parts.filter((p) => p.capacity === null || p.confirmedCount < p.capacity);
    return open.length ? [rng.pick(open).id] : [];
  };

  const confirmedPre: { id: string; partIds: string[] }[] = [];
  chosen.slice(0, preCount).forEach((person, i) => {
    const status = statuses[i];
    const id = addRegistration(person, status, new Date(signups[i]), false);
    if (status === "CANCELLED") return;
    const partIds = choosePartKeys(false);
    for (const partId of partIds) {
      choices.push({ registrationId: id, partId });
      const part = parts.find((p) => p.id === partId);
      if (part && status === "CONFIRMED") part.confirmedCount++;
    }
    if (status === "CONFIRMED") confirmedPre.push({ id, partIds });
  });

  const checkIn = (registrationId: string, at: number, method: "QR" | "SEARCH" | "WALK_IN", partId: string | null) => {
    const { door, deviceId } = doorFor();
    checkIns.push({
      id: rng.id(),
      registrationId,
      journeeId,
      partId,
      partKey: partId ?? "journee",
      checkedInAt: new Date(at),
      method,
      door,
      deviceId,
    });
  };

  if (spec.past) {
    const presentCount = Math.round(spec.presentRate * confirmedPre.length);
    const present = rng.shuffle(confirmedPre).slice(0, presentCount);
    for (const r of present) {
      const method = rng.chance(0.85) ? "QR" : "SEARCH";
      if (parts.length === 0) {
        checkIn(r.id, morningArrival(), method, null);
        continue;
      }
      r.partIds.forEach((partId, index) => {
        // A few people who chose both half-days leave at lunch time.
        if (index > 0 && rng.chance(0.1)) return;
        const isMorning = partId === parts[0].id;
        checkIn(r.id, isMorning ? morningArrival() : afternoonArrival(), method, partId);
      });
    }
    // Walk-ins: registered at the door, checked in at once.
    for (const person of chosen.slice(preCount)) {
      const at = morningArrival();
      const id = addRegistration(person, "CONFIRMED", new Date(at), true);
      const partIds = choosePartKeys(true);
      if (partIds.length === 0) checkIn(id, at, "WALK_IN", null);
      for (const partId of partIds) {
        choices.push({ registrationId: id, partId });
        const part = parts.find((p) => p.id === partId);
        if (part) part.confirmedCount++;
        checkIn(id, partId === parts[0]?.id ? at : afternoonArrival(), "WALK_IN", partId);
      }
    }
  }

  if (spec.checkedInToday) {
    // Arrived during the last two hours, never before the door opened nor after `now`.
    const doorOpens = startsAt.getTime() - OPENS_BEFORE_MS;
    const count = Math.round(spec.checkedInToday * confirmedPre.length);
    for (const r of rng.shuffle(confirmedPre).slice(0, count)) {
      const at = now.getTime() - rng.int(1, 120) * 60_000;
      if (at >= doorOpens && at < endsAt.getTime()) checkIn(r.id, at, rng.chance(0.85) ? "QR" : "SEARCH", null);
    }
  }

  const confirmedCount = registrations.filter((r) => r.status === "CONFIRMED").length;
  await tx.journee.create({
    data: {
      id: journeeId,
      slug: spec.slug,
      title: spec.title,
      city: spec.city,
      venue: spec.venue,
      address: spec.address,
      accessInfo: spec.accessInfo,
      programme: spec.programme,
      startsAt,
      endsAt,
      capacity: spec.capacity,
      registrationOpensAt,
      registrationClosesAt,
      status: spec.status,
      isPlenary: spec.isPlenary,
      confirmedCount,
      waitlistSeq: waitlistPosition,
      partnerId,
    },
  });
  if (parts.length) await tx.journeePart.createMany({ data: parts.map(({ spec: _spec, ...p }) => p) });
  // Inserted in arrival order so that the database's seq follows createdAt.
  registrations.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  await tx.registration.createMany({ data: registrations });
  if (choices.length) await tx.registrationPart.createMany({ data: choices });
  if (checkIns.length) await tx.checkIn.createMany({ data: checkIns });
}
