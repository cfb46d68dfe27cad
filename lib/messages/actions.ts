"use server";

import { plural } from "@/lib/format/plural";
import { authorizeManage, guarded } from "@/lib/journee-admin/authorize";
import { getManagedJournee } from "@/lib/journee-admin/queries";
import { ok, type Result, refused } from "@/lib/result";
import { buildStaffMail, SAMPLE_RECIPIENT } from "./mail";
import { sendMessage } from "./mutations";
import { listRecipients } from "./queries";
import { type MessageRefusal, messageSchema } from "./schema";

export type MessagePreview = { to: string; sample: boolean; subject: string; text: string; ticket: boolean };
export type MessageOutcome = Result<
  { preview?: MessagePreview; recipients?: number; sent?: number; failed?: number; message?: string },
  MessageRefusal
> & { values?: Record<string, string> };

/**
 * intent=preview: the mail as the first confirmed registrant will get it (or a sample person),
 * with the number of recipients; intent=send: sends it to all of them (audited with the count).
 */
export async function messageAction(_prev: unknown, form: FormData): Promise<MessageOutcome> {
  const values = Object.fromEntries(
    [...form].filter(([k, v]) => !k.startsWith("$") && typeof v === "string"),
  ) as Record<string, string>;
  const outcome = await guarded("messageAction", async (): Promise<MessageOutcome> => {
    const m = await authorizeManage(form.get("journeeId"));
    if (!m.ok) return m;
    const parsed = messageSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return refused("invalid", { fieldErrors });
    }
    const input = parsed.data;
    if (input.intent === "send") {
      const done = await sendMessage(m.actor, m.scope, input);
      if (!done.ok) return done;
      return ok({
        sent: done.sent,
        failed: done.failed,
        message: `Message envoyé à ${plural(done.sent, "personne")}.`,
      });
    }
    const recipients = await listRecipients(m.scope, input.journeeId, ["CONFIRMED"]);
    const journee = await getManagedJournee(m.scope, input.journeeId);
    if (!journee) return refused("not_found");
    // Real names, but never a real ticket or management link on the organiser's screen.
    const first = recipients[0]
      ? { ...recipients[0], tokenSalt: SAMPLE_RECIPIENT.tokenSalt }
      : { ...SAMPLE_RECIPIENT, journee };
    const reminder = input.kind === "REMINDER";
    const mail = buildStaffMail(first, { ...input, withTicket: reminder, withManageLink: true });
    return ok({
      recipients: recipients.length,
      preview: { to: mail.to, sample: !recipients[0], subject: mail.subject, text: mail.text, ticket: reminder },
    });
  });
  return { ...outcome, values };
}
