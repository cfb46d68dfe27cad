import { writeAudit } from "@/lib/audit/mutations";
import type { JourneeScope } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/journee-admin/authorize";
import { logUnexpected } from "@/lib/log";
import { type OutgoingMail, sendMail } from "@/lib/mail/transport";
import { type Refused, refused } from "@/lib/result";
import { buildStaffMail, JOURNEE_CANCELLED_MAIL } from "./mail";
import { listRecipients } from "./queries";
import type { MessageInput, MessageRefusal } from "./schema";

/** Sends each mail in turn; a failure is logged and counted, never thrown (the others still go). */
export async function deliver(mails: OutgoingMail[]): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  for (const mail of mails) {
    try {
      await sendMail(mail);
      sent += 1;
    } catch (error) {
      logUnexpected(error, { where: "messages.deliver" });
    }
  }
  return { sent, failed: mails.length - sent };
}

/**
 * A message or reminder to every confirmed registrant with an e-mail: audited with its recipient
 * count (and subject, never the addresses), then sent one by one.
 */
export async function sendMessage(
  actor: Actor,
  scope: JourneeScope,
  input: MessageInput,
): Promise<{ ok: true; sent: number; failed: number } | Refused<MessageRefusal>> {
  const recipients = await listRecipients(scope, input.journeeId, ["CONFIRMED"]);
  if (recipients.length === 0) return refused("no_recipients");
  const reminder = input.kind === "REMINDER";
  await writeAudit({
    action: reminder ? "message.reminder" : "message.send",
    actorId: actor.id,
    actorLabel: actor.email,
    ip: actor.ip,
    entityType: "Journee",
    entityId: input.journeeId,
    details: { recipients: recipients.length, subject: input.subject },
  });
  const opts = { subject: input.subject, body: input.body, withTicket: reminder, withManageLink: true };
  return { ok: true, ...(await deliver(recipients.map((r) => buildStaffMail(r, opts)))) };
}

/** After a journée's cancellation committed: tells every live registrant (confirmed or waitlisted). */
export async function notifyJourneeCancelled(scope: JourneeScope, journeeId: string) {
  const recipients = await listRecipients(scope, journeeId, ["CONFIRMED", "WAITLISTED"]);
  return deliver(recipients.map((r) => buildStaffMail(r, JOURNEE_CANCELLED_MAIL)));
}
