import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/journee-admin/authorize";
import { type Refused, refused } from "@/lib/result";
import { type QuestionInput, READY_MADE, type ReadyMadeKey, withYesNoOptions } from "./editor-schema";
import { QUESTION_MAX } from "./schema";

type Tx = Prisma.TransactionClient;
export type QuestionRefusal = "not_found" | "too_many" | "kind_locked";

const audit = (tx: Tx, actor: Actor, action: string, questionId: string, details: Prisma.InputJsonValue) =>
  writeAudit(
    {
      action,
      actorId: actor.id,
      actorLabel: actor.email,
      entityType: "RegistrationQuestion",
      entityId: questionId,
      details,
      ip: actor.ip,
    },
    tx,
  );

function questionData(q: QuestionInput) {
  const { options: _, ...rest } = q;
  return rest;
}

async function create(tx: Tx, journeeId: string, input: QuestionInput, actor: Actor) {
  const q = withYesNoOptions(input);
  const live = await tx.registrationQuestion.findMany({
    where: { journeeId, removedAt: null },
    select: { position: true },
  });
  if (live.length >= QUESTION_MAX.questions) return null;
  const position = Math.max(0, ...live.map((l) => l.position + 1));
  const created = await tx.registrationQuestion.create({
    data: {
      journeeId,
      ...questionData(q),
      position,
      options: { create: q.options.map((o, i) => ({ label: o.label, capacity: o.capacity, position: i })) },
    },
    select: { id: true },
  });
  await audit(tx, actor, "question.add", created.id, { journeeId, label: q.label, kind: q.kind });
  return created.id;
}

/** Adds a question at the end of the journée's list (audited). */
export async function addQuestion(journeeId: string, input: QuestionInput, actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Journee" WHERE id = ${journeeId} FOR UPDATE`;
    const id = await create(tx, journeeId, input, actor);
    return id ? { ok: true as const, ids: [id] } : refused("too_many");
  });
}

/** Inserts a ready-made question (or pair: diet and its « précisez ») in one click. */
export async function addReadyMade(journeeId: string, key: ReadyMadeKey, actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Journee" WHERE id = ${journeeId} FOR UPDATE`;
    // All or nothing: a refusal returned from the transaction would still commit the first of a pair.
    const live = await tx.registrationQuestion.count({ where: { journeeId, removedAt: null } });
    if (live + READY_MADE[key].length > QUESTION_MAX.questions) return refused("too_many");
    const ids: string[] = [];
    for (const q of READY_MADE[key] as QuestionInput[]) {
      const id = await create(tx, journeeId, q, actor);
      if (!id) return refused("too_many");
      ids.push(id);
    }
    return { ok: true as const, ids };
  });
}

/**
 * Changes a question while registrations may be open. Options keep their id (answers stay
 * attached); an option left out is soft-removed, never deleted. The kind cannot change once
 * answered (remove the question and add another). Audited with the values before and after.
 */
export async function updateQuestion(
  journeeId: string,
  questionId: string,
  input: QuestionInput,
  actor: Actor,
): Promise<{ ok: true } | Refused<QuestionRefusal>> {
  const q = withYesNoOptions(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.registrationQuestion.findFirst({
      where: { id: questionId, journeeId, removedAt: null },
      include: { options: { where: { removedAt: null } }, _count: { select: { answers: true } } },
    });
    if (!before) return refused("not_found");
    if (before.kind !== q.kind && before._count.answers > 0) return refused("kind_locked");
    await tx.registrationQuestion.update({ where: { id: questionId }, data: questionData(q) });
    const kept = new Set<string>();
    for (const [position, o] of q.options.entries()) {
      const existing = before.options.find((b) => b.id === o.id);
      if (existing) {
        kept.add(existing.id);
        await tx.questionOption.update({
          where: { id: existing.id },
          data: { label: o.label, capacity: o.capacity, position },
        });
      } else {
        await tx.questionOption.create({ data: { questionId, label: o.label, capacity: o.capacity, position } });
      }
    }
    const removed = before.options.filter((o) => !kept.has(o.id)).map((o) => o.id);
    if (removed.length)
      await tx.questionOption.updateMany({ where: { id: { in: removed } }, data: { removedAt: new Date() } });
    await audit(tx, actor, "question.update", questionId, {
      journeeId,
      before: {
        label: before.label,
        kind: before.kind,
        required: before.required,
        options: before.options.map((o) => o.label),
      },
      after: { label: q.label, kind: q.kind, required: q.required, options: q.options.map((o) => o.label) },
    });
    return { ok: true as const };
  });
}

/** Soft removal: the question leaves the form, the answers already given stay (audited). */
export async function removeQuestion(journeeId: string, questionId: string, actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { count } = await tx.registrationQuestion.updateMany({
      where: { id: questionId, journeeId, removedAt: null },
      data: { removedAt: new Date() },
    });
    if (count === 0) return refused("not_found");
    await audit(tx, actor, "question.remove", questionId, { journeeId });
    return { ok: true as const };
  });
}

/** Moves a question one step up or down (swaps positions with its neighbour; audited). */
export async function moveQuestion(journeeId: string, questionId: string, direction: "up" | "down", actor: Actor) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Journee" WHERE id = ${journeeId} FOR UPDATE`;
    const list = await tx.registrationQuestion.findMany({
      where: { journeeId, removedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const i = list.findIndex((q) => q.id === questionId);
    if (i < 0) return refused("not_found");
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= list.length) return { ok: true as const };
    [list[i], list[j]] = [list[j], list[i]];
    for (const [position, q] of list.entries())
      await tx.registrationQuestion.update({ where: { id: q.id }, data: { position } });
    await audit(tx, actor, "question.move", questionId, { journeeId, direction });
    return { ok: true as const };
  });
}
