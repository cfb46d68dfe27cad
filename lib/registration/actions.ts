"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { rateLimitAddress } from "@/lib/http/client-address";
import { logUnexpected } from "@/lib/log";
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import { RESEND_LIMITS } from "@/lib/rate-limit/rules";
import type { FormState } from "./form-state";
import { REFUSAL_MESSAGES, RESEND_TOO_OFTEN } from "./labels";
import { cancelRegistration, updateRegistration } from "./mutations";
import { notifyRegistration } from "./notify";
import { findLiveRegistrationId } from "./queries";
import { fieldErrorsOf, formDataToValues, keptValues, resendSchema, updateSchema } from "./schema";
import { submitRegistration } from "./submit";

const defer = (task: () => Promise<unknown>) => after(task);

/** The registration form (with or without JavaScript). Success → the management page. */
export async function registerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ip = rateLimitAddress(await headers());
  const outcome = await submitRegistration(formDataToValues(form), { ip, defer });
  if (!outcome.ok) return outcome;
  redirect(`/inscription/${outcome.manageToken}?nouvelle=1${outcome.droppedAnswers.length ? "&sans-option=1" : ""}`);
}

/** "Send my confirmation again": to the registered address only; the answer reveals nothing. */
export async function resendConfirmationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const neutral = "Si une inscription correspond à cette adresse, la confirmation vient d'y être renvoyée.";
  try {
    const ip = rateLimitAddress(await headers());
    const byAddress = await hitRateLimit(`resend:ip:${ip}`, RESEND_LIMITS.perAddress);
    if (!byAddress.allowed) return { ok: false, reason: "rate_limited", message: REFUSAL_MESSAGES.rate_limited };
    const parsed = resendSchema.safeParse(formDataToValues(form));
    if (!parsed.success)
      return {
        ok: false,
        reason: "invalid",
        message: REFUSAL_MESSAGES.invalid,
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    const to = `resend:to:${parsed.data.journeeId}:${parsed.data.email.toLowerCase()}`;
    if (!(await hitRateLimit(to, RESEND_LIMITS.perRegistration)).allowed) {
      return { ok: false, reason: "rate_limited", message: RESEND_TOO_OFTEN };
    }
    const id = await findLiveRegistrationId(parsed.data.journeeId, parsed.data.email);
    if (id) after(() => notifyRegistration(id, "resend"));
    return { ok: true, message: neutral };
  } catch (error) {
    const ref = logUnexpected(error, { where: "resendConfirmationAction" });
    return { ok: false, reason: "unexpected", message: REFUSAL_MESSAGES.unexpected, ref };
  }
}

function tokenOf(form: FormData): string {
  const token = form.get("token");
  return typeof token === "string" && /^[A-Za-z0-9_-]{22}$/.test(token) ? token : "";
}

/** Changes from the management link. Success → back to the management page. */
export async function updateRegistrationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = tokenOf(form);
  const values = formDataToValues(form);
  let dropped = false;
  try {
    const parsed = updateSchema.safeParse(values);
    if (!parsed.success) {
      return {
        ok: false,
        reason: "invalid",
        message: REFUSAL_MESSAGES.invalid,
        fieldErrors: fieldErrorsOf(parsed.error),
        values: keptValues(values),
      };
    }
    const outcome = await updateRegistration(token, parsed.data);
    if (outcome.ok && outcome.droppedAnswers.length) dropped = true;
    if (!outcome.ok) {
      return {
        ok: false,
        reason: outcome.reason,
        message: REFUSAL_MESSAGES[outcome.reason],
        fieldErrors: outcome.fieldErrors,
        values: keptValues(values),
      };
    }
  } catch (error) {
    const ref = logUnexpected(error, { where: "updateRegistrationAction" });
    return { ok: false, reason: "unexpected", message: REFUSAL_MESSAGES.unexpected, ref, values: keptValues(values) };
  }
  redirect(`/inscription/${token}?modifiee=1${dropped ? "&sans-option=1" : ""}`);
}

/** Cancellation (after the confirmation page): frees the place, e-mails whoever is promoted. */
export async function cancelRegistrationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = tokenOf(form);
  try {
    const outcome = await cancelRegistration(token);
    if (!outcome.ok) return { ok: false, reason: outcome.reason, message: REFUSAL_MESSAGES[outcome.reason] };
    after(async () => {
      await notifyRegistration(outcome.registrationId, "cancellation");
      for (const p of outcome.promoted) await notifyRegistration(p.registrationId, "promotion", p.droppedParts);
    });
  } catch (error) {
    const ref = logUnexpected(error, { where: "cancelRegistrationAction" });
    return { ok: false, reason: "unexpected", message: REFUSAL_MESSAGES.unexpected, ref };
  }
  redirect(`/inscription/${token}?annulee=1`);
}
