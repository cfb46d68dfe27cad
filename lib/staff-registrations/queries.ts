import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma, RegistrationStatus } from "@/lib/db/generated/client";
import { STORED_ANSWERS_SELECT } from "@/lib/questions/answer-text";
import { PERSON_FIELDS_SELECT } from "@/lib/registration/form-values";
import { foldForSearch } from "@/lib/text/normalize";
import { PAGE_SIZE, type SearchInput } from "./schema";

/**
 * The list's order, the registrations exports' too (lib/reports/queries/export-rows.ts): confirmed
 * people in arrival order, then the waiting list in line order, then cancellations.
 */
const LIST_ORDER: { status: RegistrationStatus; orderBy: Prisma.RegistrationOrderByWithRelationInput[] }[] = [
  { status: "CONFIRMED", orderBy: [{ seq: "asc" }] },
  { status: "WAITLISTED", orderBy: [{ waitlistPosition: "asc" }, { seq: "asc" }] },
  { status: "CANCELLED", orderBy: [{ seq: "asc" }] },
];

const select = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  structure: true,
  status: true,
  waitlistPosition: true,
  walkIn: true,
  createdAt: true,
} as const satisfies Prisma.RegistrationSelect;

/**
 * A journée's registrations for its organisers: each word must appear in "prénom nom structure"
 * (accents and case folded, as stored in searchText) or in the e-mail; 25 a page in LIST_ORDER,
 * read status by status (one count per status tells where the page starts). Waitlisted rows carry
 * their place in line (1 = next). The journée scope is part of the `where`.
 */
export async function searchRegistrations(scope: JourneeScope, journeeId: string, s: SearchInput) {
  const db = await getDb();
  const words = foldForSearch(s.q).split(" ").filter(Boolean).slice(0, 6);
  const where: Prisma.RegistrationWhereInput = {
    journeeId,
    journee: { AND: [{ id: journeeId }, scope] },
    ...(s.statut ? { status: s.statut } : {}),
    AND: words.map((w) => ({ OR: [{ searchText: { contains: w } }, { emailNormalized: { contains: w } }] })),
  };
  const counts = await db.registration.groupBy({ by: ["status"], where, _count: { _all: true } });
  const countOf = (status: RegistrationStatus) => counts.find((c) => c.status === status)?._count._all ?? 0;
  const total = counts.reduce((n, c) => n + c._count._all, 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(s.page, pageCount);
  const rows: Prisma.RegistrationGetPayload<{ select: typeof select }>[] = [];
  let skip = (page - 1) * PAGE_SIZE;
  for (const { status, orderBy } of LIST_ORDER) {
    const take = PAGE_SIZE - rows.length;
    if (take === 0) break;
    if (skip >= countOf(status)) {
      skip -= countOf(status);
      continue;
    }
    rows.push(
      ...(await db.registration.findMany({ where: { AND: [where, { status }] }, orderBy, skip, take, select })),
    );
    skip = 0;
  }
  return { rows: await withWaitlistRanks(journeeId, rows), total, page, pageCount };
}

/** Place in line of the page's waitlisted rows (as told to the person): one query for the page. */
async function withWaitlistRanks<T extends { status: string; waitlistPosition: number | null }>(
  journeeId: string,
  rows: T[],
): Promise<(T & { waitlistRank: number | null })[]> {
  const positions = rows.flatMap((r) =>
    r.status === "WAITLISTED" && r.waitlistPosition !== null ? [r.waitlistPosition] : [],
  );
  if (!positions.length) return rows.map((r) => ({ ...r, waitlistRank: null }));
  const db = await getDb();
  const line = await db.registration.findMany({
    where: { journeeId, status: "WAITLISTED", waitlistPosition: { lte: Math.max(...positions) } },
    select: { waitlistPosition: true },
  });
  const rank = (p: number) => 1 + line.filter((l) => l.waitlistPosition !== null && l.waitlistPosition < p).length;
  return rows.map((r) => ({
    ...r,
    waitlistRank: r.status === "WAITLISTED" && r.waitlistPosition !== null ? rank(r.waitlistPosition) : null,
  }));
}
export type StaffRegistrationRow = Awaited<ReturnType<typeof searchRegistrations>>["rows"][number];

/** One registration with its journée's parts, for the staff edit page; null outside the scope. */
export async function getStaffRegistration(scope: JourneeScope, journeeId: string, registrationId: string) {
  const db = await getDb();
  return db.registration.findFirst({
    where: { id: registrationId, journeeId, journee: { AND: [{ id: journeeId }, scope] } },
    select: {
      id: true,
      ...PERSON_FIELDS_SELECT,
      status: true,
      waitlistPosition: true,
      parts: { select: { partId: true } },
      answers: STORED_ANSWERS_SELECT,
      journee: {
        select: {
          id: true,
          title: true,
          parts: {
            orderBy: [{ position: "asc" }, { startsAt: "asc" }],
            select: {
              id: true,
              kind: true,
              title: true,
              startsAt: true,
              endsAt: true,
              capacity: true,
              confirmedCount: true,
            },
          },
        },
      },
    },
  });
}
