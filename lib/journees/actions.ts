"use server";

import { revalidatePath } from "next/cache";
import { requireCapability } from "@/lib/auth/current-user";
import { canCreateJourneeFor } from "@/lib/auth/permissions";
import { plural } from "@/lib/format/plural";
import { actorOf, authorizeManage, guarded } from "@/lib/journee-admin/authorize";
import { notifyJourneeCancelled } from "@/lib/messages/mutations";
import { notifyRegistration } from "@/lib/registration/notify";
import { ok, type Result, refused } from "@/lib/result";
import { changeJourneeStatus, createJournee, updateJournee } from "./mutations";
import {
  cancelJourneeSchema,
  formDataToJourneeValues,
  type JourneeRefusal,
  journeeFieldErrors,
  journeeSchema,
} from "./schema";

/** Journée management: authorise → validate → mutate (audited) → a value, never a thrown error. */
export type JourneeOutcome = Result<{ id?: string; message?: string }, JourneeRefusal>;

function parse(form: FormData) {
  const parsed = journeeSchema.safeParse(formDataToJourneeValues(form));
  return parsed.success
    ? parsed
    : { success: false as const, refusal: refused("invalid", { fieldErrors: journeeFieldErrors(parsed.error) }) };
}

function refresh(id: string) {
  revalidatePath("/organisateur");
  revalidatePath(`/organisateur/journees/${id}`);
}

export async function createJourneeAction(_prev: unknown, form: FormData): Promise<JourneeOutcome> {
  return guarded("createJourneeAction", async () => {
    const partnerId = String(form.get("partnerId") ?? "");
    const auth = await requireCapability((u) => canCreateJourneeFor(u, partnerId));
    if (!auth.ok) return auth;
    const parsed = parse(form);
    if (!parsed.success) return parsed.refusal;
    const created = await createJournee(await actorOf(auth.user), parsed.data);
    refresh(created.id);
    return ok({ id: created.id, message: "Journée créée (brouillon)." });
  });
}

export async function updateJourneeAction(_prev: unknown, form: FormData): Promise<JourneeOutcome> {
  return guarded("updateJourneeAction", async () => {
    const m = await authorizeManage(form.get("journeeId"));
    if (!m.ok) return m;
    const parsed = parse(form);
    if (!parsed.success) return parsed.refusal;
    const id = String(form.get("journeeId"));
    const done = await updateJournee(m.actor, m.scope, id, parsed.data);
    if (!done.ok) return done;
    for (const p of done.promoted) await notifyRegistration(p.registrationId, "promotion", p.droppedParts);
    refresh(id);
    const promoted = done.promoted.length
      ? ` ${plural(done.promoted.length, "personne quitte", "personnes quittent")} la liste d'attente.`
      : "";
    return ok({ id, message: `Modifications enregistrées.${promoted}` });
  });
}

async function transition(where: string, form: FormData, kind: "publish" | "close"): Promise<JourneeOutcome> {
  return guarded(where, async () => {
    const m = await authorizeManage(form.get("journeeId"));
    if (!m.ok) return m;
    const id = String(form.get("journeeId"));
    const done = await changeJourneeStatus(m.actor, m.scope, id, kind);
    if (!done.ok) return done;
    refresh(id);
    return ok({ id, message: kind === "publish" ? "Journée publiée." : "Inscriptions closes." });
  });
}

export async function publishJourneeAction(_prev: unknown, form: FormData): Promise<JourneeOutcome> {
  return transition("publishJourneeAction", form, "publish");
}

export async function closeJourneeAction(_prev: unknown, form: FormData): Promise<JourneeOutcome> {
  return transition("closeJourneeAction", form, "close");
}

/** Cancels the journée (after an explicit confirmation), then e-mails every live registrant. */
export async function cancelJourneeAction(_prev: unknown, form: FormData): Promise<JourneeOutcome> {
  return guarded("cancelJourneeAction", async () => {
    const m = await authorizeManage(form.get("journeeId"));
    if (!m.ok) return m;
    const parsed = cancelJourneeSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return refused("invalid", { fieldErrors: journeeFieldErrors(parsed.error) });
    const done = await changeJourneeStatus(m.actor, m.scope, parsed.data.journeeId, "cancel");
    if (!done.ok) return done;
    const { sent } = await notifyJourneeCancelled(m.scope, parsed.data.journeeId);
    refresh(parsed.data.journeeId);
    return ok({
      id: parsed.data.journeeId,
      message: `Journée annulée : ${plural(sent, "personne prévenue", "personnes prévenues")} par e-mail.`,
    });
  });
}
