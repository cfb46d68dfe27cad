import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { formQuestionsSelect } from "@/lib/questions/queries";

/** Only these statuses are ever shown to the public (never DRAFT). */
const PUBLIC_STATUSES = ["PUBLISHED", "CLOSED", "CANCELLED"] as const;

export type PublicJourneePart = {
  id: string;
  kind: "HALF_DAY" | "WORKSHOP";
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  confirmedCount: number;
};

export type PublicJournee = {
  id: string;
  slug: string;
  title: string;
  city: string;
  venue: string;
  address: string;
  accessInfo: string;
  programme: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  status: (typeof PUBLIC_STATUSES)[number];
  isPlenary: boolean;
  partner: { name: string; shortName: string; website: string | null };
  parts: PublicJourneePart[];
  questions: Prisma.RegistrationQuestionGetPayload<typeof formQuestionsSelect>[];
};

const select = {
  id: true,
  slug: true,
  title: true,
  city: true,
  venue: true,
  address: true,
  accessInfo: true,
  programme: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  confirmedCount: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  status: true,
  isPlenary: true,
  partner: { select: { name: true, shortName: true, website: true } },
  parts: {
    orderBy: [{ position: "asc" as const }, { startsAt: "asc" as const }],
    select: { id: true, kind: true, title: true, startsAt: true, endsAt: true, capacity: true, confirmedCount: true },
  },
  questions: formQuestionsSelect,
};

function toPublic(row: Omit<PublicJournee, "status"> & { status: string }): PublicJournee {
  return {
    ...row,
    status: row.status as PublicJournee["status"],
    partner: { ...row.partner },
    parts: row.parts.map((p) => ({ ...p })),
  };
}

/** Every public journée, in chronological order. */
export async function listPublicJournees(): Promise<PublicJournee[]> {
  const db = await getDb();
  const rows = await db.journee.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] } },
    orderBy: { startsAt: "asc" },
    select,
  });
  return rows.map(toPublic);
}

/** One public journée by its slug; null when unknown or still a draft. */
export async function getPublicJourneeBySlug(slug: string): Promise<PublicJournee | null> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
  const db = await getDb();
  const row = await db.journee.findFirst({
    where: { slug, status: { in: [...PUBLIC_STATUSES] } },
    select,
  });
  return row ? toPublic(row) : null;
}
