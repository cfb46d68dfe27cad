import type { CurrentUser, JourneeScope } from "@/lib/auth/permissions";
import { logUnexpected } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";
import { escapeHtml } from "@/lib/registration/escape-html";
import { attestationPdf, verifyUrl } from "./exports";
import {
  type AttestationMailingOutcome,
  assignAttestationCodes,
  auditAttestationMailing,
  claimAttestationSend,
  releaseAttestationSend,
} from "./mutations";
import { type AttestationData, listAttendees, listOrganisers } from "./queries";

/**
 * E-mails each attendee (checked in, not cancelled, with an address) their attestation as a PDF,
 * one at a time, yielding to the event loop between two: it runs after the response (Next's
 * `after`), so ~250 people never hold a request or starve other requests. Each attestation is
 * claimed before it is sent (attestationSentAt) and released if the send fails: a second run,
 * or a second click, sends nothing twice and retries only the failures. Audited once, at the end.
 */
export async function mailAttestations(
  user: CurrentUser,
  scope: JourneeScope,
  journeeId: string,
): Promise<AttestationMailingOutcome> {
  const outcome: AttestationMailingOutcome = { sent: 0, failed: 0, alreadySent: 0, withoutEmail: 0 };
  try {
    await assignAttestationCodes(journeeId);
    const [organisers, attendees] = await Promise.all([listOrganisers(), listAttendees(scope, journeeId)]);
    for (const a of attendees) {
      if (!a.email || !a.code) {
        outcome.withoutEmail++;
        continue;
      }
      if (!(await claimAttestationSend(a.registrationId))) {
        outcome.alreadySent++;
        continue;
      }
      try {
        const { pdf, slug } = await attestationPdf({ ...a, code: a.code }, organisers);
        await sendMail({
          ...attestationMail(a),
          to: a.email,
          attachments: [
            { filename: `attestation-${slug}.pdf`, content: Buffer.from(pdf), contentType: "application/pdf" },
          ],
        });
        outcome.sent++;
      } catch (error) {
        outcome.failed++;
        await releaseAttestationSend(a.registrationId);
        logUnexpected(error, { where: "attestation_mail", journeeId });
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    await auditAttestationMailing(user, journeeId, outcome);
  }
  return outcome;
}

function attestationMail(a: AttestationData) {
  const title = a.journee.title;
  return {
    subject: `Votre attestation de présence - ${title}`,
    text: `Bonjour ${a.firstName},\n\nVous trouverez ci-joint votre attestation de présence à la journée « ${title} ».\nSon code de vérification peut être contrôlé sur ${verifyUrl()}.\n\nLes organisateurs des journées Logement d'abord`,
    html: `<p>Bonjour ${escapeHtml(a.firstName)},</p><p>Vous trouverez ci-joint votre attestation de présence à la journée « ${escapeHtml(title)} ».</p><p>Son code de vérification peut être contrôlé sur <a href="${verifyUrl()}">${verifyUrl()}</a>.</p><p>Les organisateurs des journées Logement d'abord</p>`,
  };
}
