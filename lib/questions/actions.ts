"use server";

import { revalidatePath } from "next/cache";
import { type Actor, authorizeManage, guarded } from "@/lib/journee-admin/authorize";
import { ok, type Result, refused } from "@/lib/result";
import { compactOptions, keptEditorValues, questionFieldErrors, questionValuesFromForm } from "./editor-form";
import { questionInputSchema, READY_MADE, READY_MADE_LABELS, type ReadyMadeKey } from "./editor-schema";
import type { QuestionActionRefusal } from "./labels";
import { addQuestion, addReadyMade, moveQuestion, removeQuestion, updateQuestion } from "./mutations";
import { isJourneeCancelled } from "./queries";

/**
 * The organiser's question editor (issue 14, decision 022): authorise (manage this journée) →
 * validate with the editor's shared schema → a mutation (audited, in a transaction) → a value,
 * never a thrown error. Every action takes the posted FormData, so the editor works without
 * JavaScript; a refused question form gets its entries back (`values`) with French field errors.
 */
export type QuestionOutcome = Result<{ message?: string; id?: string }, QuestionActionRefusal> & {
  values?: Record<string, string>;
};

const idOf = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.length > 0 && v.length <= 40 ? v : null;
};

/** Allowed to manage this journée, and the journée is not cancelled. */
async function gate(form: FormData) {
  const m = await authorizeManage(form.get("journeeId"));
  if (!m.ok) return m;
  const journeeId = String(form.get("journeeId"));
  if (await isJourneeCancelled(journeeId)) return refused("cancelled");
  return { ...m, journeeId };
}

function refresh(journeeId: string) {
  revalidatePath(`/organisateur/journees/${journeeId}/questions`);
  revalidatePath(`/organisateur/journees/${journeeId}`);
}

function parse(form: FormData) {
  const { values, rowOf } = compactOptions(questionValuesFromForm(form));
  const parsed = questionInputSchema.safeParse(values);
  return parsed.success ? parsed : { success: false as const, fieldErrors: questionFieldErrors(parsed.error, rowOf) };
}

/** Runs the body of a question form; a refusal carries the entries back. */
async function questionForm(
  where: string,
  form: FormData,
  run: (journeeId: string, actor: Actor) => Promise<QuestionOutcome>,
): Promise<QuestionOutcome> {
  const outcome = await guarded(where, async () => {
    const m = await gate(form);
    if (!m.ok) return m;
    return run(m.journeeId, m.actor);
  });
  return outcome.ok ? outcome : { ...outcome, values: keptEditorValues(form) };
}

export async function addQuestionAction(_prev: unknown, form: FormData): Promise<QuestionOutcome> {
  return questionForm("addQuestionAction", form, async (journeeId, actor) => {
    const parsed = parse(form);
    if (!parsed.success) return refused("invalid", { fieldErrors: parsed.fieldErrors });
    const done = await addQuestion(journeeId, parsed.data, actor);
    if (!done.ok) return done;
    refresh(journeeId);
    return ok({ id: done.ids[0], message: `Question ajoutée : « ${parsed.data.label} ».` });
  });
}

export async function updateQuestionAction(_prev: unknown, form: FormData): Promise<QuestionOutcome> {
  return questionForm("updateQuestionAction", form, async (journeeId, actor) => {
    const questionId = idOf(form, "questionId");
    if (!questionId) return refused("not_found");
    const parsed = parse(form);
    if (!parsed.success) return refused("invalid", { fieldErrors: parsed.fieldErrors });
    const done = await updateQuestion(journeeId, questionId, parsed.data, actor);
    if (!done.ok) return done;
    refresh(journeeId);
    return ok({ id: questionId, message: `Question enregistrée : « ${parsed.data.label} ».` });
  });
}

export async function addReadyMadeAction(_prev: unknown, form: FormData): Promise<QuestionOutcome> {
  return guarded("addReadyMadeAction", async () => {
    const m = await gate(form);
    if (!m.ok) return m;
    const key = String(form.get("key") ?? "");
    if (!Object.hasOwn(READY_MADE, key)) return refused("invalid");
    const { journeeId } = m;
    const done = await addReadyMade(journeeId, key as ReadyMadeKey, m.actor);
    if (!done.ok) return done;
    refresh(journeeId);
    return ok({ id: done.ids[0], message: `Question ajoutée : ${READY_MADE_LABELS[key as ReadyMadeKey]}.` });
  });
}

export async function removeQuestionAction(_prev: unknown, form: FormData): Promise<QuestionOutcome> {
  return guarded("removeQuestionAction", async () => {
    const m = await gate(form);
    if (!m.ok) return m;
    const questionId = idOf(form, "questionId");
    if (!questionId) return refused("not_found");
    const { journeeId } = m;
    const done = await removeQuestion(journeeId, questionId, m.actor);
    if (!done.ok) return done;
    refresh(journeeId);
    return ok({
      id: questionId,
      message: "Question retirée du formulaire ; les réponses déjà données sont conservées.",
    });
  });
}

export async function moveQuestionAction(_prev: unknown, form: FormData): Promise<QuestionOutcome> {
  return guarded("moveQuestionAction", async () => {
    const m = await gate(form);
    if (!m.ok) return m;
    const questionId = idOf(form, "questionId");
    const direction = form.get("direction");
    if (!questionId) return refused("not_found");
    if (direction !== "up" && direction !== "down") return refused("invalid");
    const { journeeId } = m;
    const done = await moveQuestion(journeeId, questionId, direction, m.actor);
    if (!done.ok) return done;
    refresh(journeeId);
    return ok({ id: questionId, message: direction === "up" ? "Question montée." : "Question descendue." });
  });
}
