"use server";

import { revalidatePath } from "next/cache";
import { authorizeManage, guarded } from "@/lib/journee-admin/authorize";
import { notifyRegistration } from "@/lib/registration/notify";
import { fieldErrorsOf, formDataToValues, keptValues, updateSchema } from "@/lib/registration/schema";
import { ok, type Result, refused } from "@/lib/result";
import { recordTicketResend, staffCancel, staffPromote, staffUpdate } from "./mutations";
import { registrationIdSchema, STAFF_REFUSALS, type StaffRefusal } from "./schema";

/** Staff actions on one registration: authorise (manage the journée) → validate → mutate → a value. */
export type StaffOutcome = Result<{ message?: string }, StaffRefusal>;

async function withRegistration(
  where: string,
  form: FormData,
  run: (
    m: Extract<Awaited<ReturnType<typeof authorizeManage>>, { ok: true }>,
    ids: { journeeId: string; registrationId: string },
  ) => Promise<StaffOutcome>,
): Promise<StaffOutcome> {
  return guarded(where, async () => {
    const m = await authorizeManage(form.get("journeeId"));
    if (!m.ok) return m;
    const ids = registrationIdSchema.safeParse(Object.fromEntries(form));
    if (!ids.success) return refused("invalid");
    const outcome = await run(m, ids.data);
    if (outcome.ok) revalidatePath(`/organisateur/journees/${ids.data.journeeId}/inscriptions`);
    return outcome;
  });
}

/** Cancels a registration; the freed place goes to the waiting list, and everyone concerned is e-mailed. */
export async function staffCancelAction(_prev: unknown, form: FormData): Promise<StaffOutcome> {
  return withRegistration("staffCancelAction", form, async (m, ids) => {
    const done = await staffCancel(m.actor, m.scope, ids);
    if (!done.ok) return refused(done.reason as StaffRefusal);
    await notifyRegistration(done.registrationId, "cancellation");
    for (const p of done.promoted) await notifyRegistration(p.registrationId, "promotion", p.droppedParts);
    const promoted = done.promoted.length ? " La première personne en liste d'attente a reçu la place." : "";
    return ok({ message: `Inscription annulée.${promoted}` });
  });
}

export async function staffPromoteAction(_prev: unknown, form: FormData): Promise<StaffOutcome> {
  return withRegistration("staffPromoteAction", form, async (m, ids) => {
    const done = await staffPromote(m.actor, m.scope, ids);
    if (!done.ok) return done;
    await notifyRegistration(ids.registrationId, "promotion", done.droppedParts);
    return ok({ message: "Inscription confirmée : la personne a été prévenue par e-mail." });
  });
}

export async function resendTicketAction(_prev: unknown, form: FormData): Promise<StaffOutcome> {
  return withRegistration("resendTicketAction", form, async (m, ids) => {
    const done = await recordTicketResend(m.actor, m.scope, ids);
    if (!done.ok) return done;
    const sent = await notifyRegistration(done.registrationId, "resend");
    return sent ? ok({ message: "Billet renvoyé." }) : refused("error");
  });
}

/** The staff edit form (same fields and rules as the person's own management page). */
export type StaffEditState = {
  ok: boolean;
  reason?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[] | boolean>;
  ref?: string;
} | null;

export async function staffUpdateAction(_prev: StaffEditState, form: FormData): Promise<StaffEditState> {
  const values = formDataToValues(form);
  const outcome = await withRegistration("staffUpdateAction", form, async (m, ids) => {
    const parsed = updateSchema.safeParse(values);
    if (!parsed.success) return refused("invalid", { fieldErrors: fieldErrorsOf(parsed.error) });
    const done = await staffUpdate(m.actor, m.scope, ids, parsed.data);
    const dropped =
      done.ok && done.droppedAnswers.length ? ` Complet, non retenu : « ${done.droppedAnswers.join(" », « ")} ».` : "";
    return done.ok
      ? ok({ message: `Inscription modifiée.${dropped}` })
      : refused(done.reason as StaffRefusal, { fieldErrors: done.fieldErrors });
  });
  if (outcome.ok) return outcome;
  return { ...outcome, message: STAFF_REFUSALS[outcome.reason], values: keptValues(values) };
}
