import { writeAudit } from "@/lib/audit/mutations";
import type { JourneeScope } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { parisDateKey } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import type { Actor } from "@/lib/journee-admin/authorize";
import { lockJournee, type Promotion, promoteWaitlist } from "@/lib/registration/mutations/waitlist";
import { type Refused, refused } from "@/lib/result";
import { foldForSearch } from "@/lib/text/normalize";
import { partChanges } from "./part-changes";
import type { JourneeInput, JourneeRefusal } from "./schema";

/** Journée management: every change is audited in the transaction that makes it. */
type Tx = Prisma.TransactionClient;
const by = (a: Actor) => ({ actorId: a.id, actorLabel: a.email, ip: a.ip, entityType: "Journee" });

function fieldsOf(input: JourneeInput) {
  const { parts: _parts, partnerId: _partner, ...fields } = input;
  return fields;
}

async function freeSlug(tx: Tx, input: JourneeInput): Promise<string> {
  const base = `${foldForSearch(input.city).replace(/[^a-z0-9]+/g, "-")}-${parisDateKey(input.startsAt)}`.slice(0, 90);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.journee.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** Creates a draft journée with its parts (the caller checked canCreateJourneeFor the partner). */
export async function createJournee(
  actor: Actor,
  input: JourneeInput,
): Promise<{ ok: true; id: string; slug: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const slug = await freeSlug(tx, input);
    const created = await tx.journee.create({
      data: {
        ...fieldsOf(input),
        slug,
        partnerId: input.partnerId,
        status: "DRAFT",
        parts: { create: input.parts.map(({ id: _id, ...p }, position) => ({ ...p, position })) },
      },
      select: { id: true },
    });
    await writeAudit(
      { action: "journee.create", ...by(actor), entityId: created.id, details: { slug, title: input.title } },
      tx,
    );
    return { ok: true as const, id: created.id, slug };
  });
}

/**
 * Edits a journée and its parts under the journée's row lock: the capacity (of the day or of a
 * part) never goes below its confirmed count, a part somebody chose is never deleted, and a raised
 * capacity goes first to the waiting list (in line order) — the promoted are returned, to e-mail.
 */
export async function updateJournee(
  actor: Actor,
  scope: JourneeScope,
  id: string,
  input: JourneeInput,
  now = new Date(),
): Promise<{ ok: true; promoted: Promotion[] } | Refused<JourneeRefusal>> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (!(await tx.journee.findFirst({ where: { AND: [{ id }, scope] }, select: { id: true } })))
      return refused("not_found");
    await lockJournee(tx, id);
    const current = await tx.journee.findUniqueOrThrow({
      where: { id },
      include: { parts: { include: { _count: { select: { choices: true, checkIns: true } } } } },
    });
    if (current.status === "CANCELLED") return refused("wrong_status");
    if (input.capacity < current.confirmedCount)
      return refused("capacity_below_confirmed", {
        fieldErrors: {
          capacity: `${plural(current.confirmedCount, "personne est déjà confirmée", "personnes sont déjà confirmées")}.`,
        },
      });
    const plan = partChanges(current.parts, input.parts);
    if (!plan.ok) return plan;
    await tx.journee.update({ where: { id }, data: fieldsOf(input) });
    await tx.journeePart.deleteMany({ where: { id: { in: plan.removed } } });
    for (const { id: partId, data } of plan.updated) await tx.journeePart.update({ where: { id: partId }, data });
    if (plan.created.length)
      await tx.journeePart.createMany({ data: plan.created.map((p) => ({ ...p, journeeId: id })) });
    const promoted = input.capacity > current.capacity ? await promoteWaitlist(tx, id, now) : [];
    const changed = Object.entries(fieldsOf(input))
      .filter(([k, v]) => String(v) !== String(current[k as keyof typeof current]))
      .map(([k]) => k);
    await writeAudit(
      {
        action: "journee.update",
        ...by(actor),
        entityId: id,
        details: {
          changed,
          partsRemoved: plan.removed.length,
          partsAdded: plan.created.length,
          promoted: promoted.length,
        },
      },
      tx,
    );
    return { ok: true as const, promoted };
  });
}

type Transition = "publish" | "close" | "cancel";
const TRANSITIONS: Record<
  Transition,
  { from: ("DRAFT" | "PUBLISHED" | "CLOSED")[]; to: "PUBLISHED" | "CLOSED" | "CANCELLED" }
> = {
  publish: { from: ["DRAFT", "CLOSED"], to: "PUBLISHED" },
  close: { from: ["PUBLISHED"], to: "CLOSED" },
  cancel: { from: ["DRAFT", "PUBLISHED", "CLOSED"], to: "CANCELLED" },
};

/**
 * Publishes (or reopens), closes registrations, or cancels — one conditional update on the status.
 * Cancelling returns every live registrant (confirmed or waitlisted), to e-mail after the commit.
 */
export async function changeJourneeStatus(
  actor: Actor,
  scope: JourneeScope,
  id: string,
  transition: Transition,
): Promise<{ ok: true; notify: string[] } | Refused<JourneeRefusal>> {
  const { from, to } = TRANSITIONS[transition];
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const done = await tx.journee.updateMany({
      where: { AND: [{ id, status: { in: from } }, scope] },
      data: { status: to },
    });
    if (done.count === 0) {
      const exists = await tx.journee.findFirst({ where: { AND: [{ id }, scope] }, select: { id: true } });
      return refused(exists ? "wrong_status" : "not_found");
    }
    const notify =
      transition === "cancel"
        ? (
            await tx.registration.findMany({
              where: { journeeId: id, status: { in: ["CONFIRMED", "WAITLISTED"] }, email: { not: null } },
              select: { id: true },
              orderBy: { seq: "asc" },
            })
          ).map((r) => r.id)
        : [];
    await writeAudit(
      {
        action: `journee.${transition}`,
        ...by(actor),
        entityId: id,
        details: { status: to, recipients: notify.length },
      },
      tx,
    );
    return { ok: true as const, notify };
  });
}
