import { log, logUnexpected } from "@/lib/log";
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import { registrationRateLimit } from "@/lib/rate-limit/rules";
import { type Refused, refused } from "@/lib/result";
import { manageToken } from "@/lib/security/tokens";
import { REFUSAL_MESSAGES, type RegistrationRefusal } from "./labels";
import { register } from "./mutations";
import { notifyRegistration, sendRegistrationMail } from "./notify";
import { fieldErrorsOf, keptValues, registrationSchema } from "./schema";

export type SubmitContext = {
  ip: string;
  /** Set by routes that proxy.ts skips (they make their own id); else the proxy's id is used. */
  requestId?: string;
  /** Runs work after the response (Next's `after`); default: awaited inline (tests, scripts). */
  defer?: (task: () => Promise<unknown>) => void;
};
export type SubmitOutcome =
  | {
      ok: true;
      registrationId: string;
      status: "CONFIRMED" | "WAITLISTED";
      manageToken: string;
      /** Choices of optional questions left out because full (« Déjeuner : Oui »). */
      droppedAnswers: string[];
    }
  | (Refused<RegistrationRefusal> & {
      message: string;
      values?: Record<string, string | string[] | boolean>;
      retryAfterS?: number;
    });

function refusal(reason: RegistrationRefusal, extra: Omit<Refused, "ok" | "reason"> & { retryAfterS?: number } = {}) {
  return {
    ...refused(reason, extra),
    message: REFUSAL_MESSAGES[reason],
    ...(extra.retryAfterS ? { retryAfterS: extra.retryAfterS } : {}),
  };
}

/**
 * The registration use case, shared by the form's server action and the JSON endpoint:
 * rate limit → validate with the same schema as the form → honeypot → register → e-mail.
 * Never throws: an unexpected error is logged and answered with a reference.
 */
export async function submitRegistration(raw: unknown, ctx: SubmitContext): Promise<SubmitOutcome> {
  const values = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const kept = keptValues(values);
  try {
    // Every attempt counts against the client's limit: a valid one inside the registration's own
    // statement (decision 012), an invalid one here.
    const rateLimit = { key: `register:${ctx.ip}`, rule: registrationRateLimit() };
    const parsed = registrationSchema.safeParse(values);
    if (!parsed.success || parsed.data.siteWeb) {
      const limit = await hitRateLimit(rateLimit.key, rateLimit.rule);
      if (!limit.allowed) return { ...refusal("rate_limited", { retryAfterS: limit.retryAfterS }), values: kept };
      if (!parsed.success) return { ...refusal("invalid", { fieldErrors: fieldErrorsOf(parsed.error) }), values: kept };
      log("warn", "registration_honeypot", { ip: ctx.ip });
      return { ...refusal("honeypot"), values: kept };
    }
    const outcome = await register(parsed.data, { ip: ctx.ip, rateLimit });
    if (!outcome.ok) {
      const retryAfterS = "retryAfterS" in outcome ? Number(outcome.retryAfterS) : undefined;
      return { ...refusal(outcome.reason, { fieldErrors: outcome.fieldErrors, retryAfterS }), values: kept };
    }
    const send = async () => {
      // Promoted right away (a place freed meanwhile): the e-mail reads the registration afresh.
      const self = outcome.promoted.find((p) => p.registrationId === outcome.registrationId);
      if (self) await notifyRegistration(self.registrationId, "confirmation", self.droppedParts);
      else await sendRegistrationMail(outcome.mail, "confirmation", outcome.droppedAnswers ?? []);
      for (const p of outcome.promoted) {
        if (p !== self) await notifyRegistration(p.registrationId, "promotion", p.droppedParts);
      }
    };
    if (ctx.defer) ctx.defer(send);
    else await send();
    return {
      ok: true,
      registrationId: outcome.registrationId,
      status: outcome.status,
      manageToken: manageToken(outcome.tokenSalt),
      droppedAnswers: outcome.droppedAnswers ?? [],
    };
  } catch (error) {
    const ref = logUnexpected(error, {
      where: "submitRegistration",
      ip: ctx.ip,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
    return { ...refusal("unexpected", { ref }), values: kept };
  }
}
