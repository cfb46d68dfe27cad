import { logUnexpected } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";
import { deliverInWorker } from "@/lib/mail/worker-client";
import { answerLines, answerLineText } from "@/lib/questions/answer-text";
import { buildRegistrationMail, type MailInput, type MailKind } from "./emails";
import { getRegistrationForMail } from "./queries";

/**
 * Sends one e-mail about a registration, after its transaction committed. Never throws: the
 * registration stands even if the mail server is down (the error is logged with a reference).
 */
export async function notifyRegistration(
  registrationId: string,
  kind: MailKind,
  dropped: string[] = [],
): Promise<boolean> {
  try {
    const reg = await getRegistrationForMail(registrationId);
    if (!reg?.email) return false;
    const { answers, ...rest } = reg;
    return await deliver(kind, { ...rest, answerTexts: answerLines(answers).map(answerLineText) }, dropped);
  } catch (error) {
    logUnexpected(error, { where: "notifyRegistration", registrationId, kind });
    return false;
  }
}

/** Same, from data already in hand (right after registering: no query). Never throws. */
export async function sendRegistrationMail(mail: MailInput, kind: MailKind, dropped: string[] = []): Promise<boolean> {
  try {
    if (!mail.email) return false;
    return await deliver(kind, mail, dropped);
  } catch (error) {
    logUnexpected(error, { where: "sendRegistrationMail", registrationId: mail.id, kind });
    return false;
  }
}

/** In the mail worker thread when the production build has one, else here; throws on failure. */
async function deliver(kind: MailKind, mail: MailInput, dropped: string[]): Promise<true> {
  const inWorker = deliverInWorker(kind, mail, dropped);
  if (!inWorker) {
    await sendMail(await buildRegistrationMail(kind, mail, dropped));
    return true;
  }
  const answer = await inWorker;
  if (answer.ok) return true;
  if (!answer.crashed) throw new Error(`mail worker: ${answer.error}`);
  // The worker died with this message in hand: it was not sent, so send it here.
  await sendMail(await buildRegistrationMail(kind, mail, dropped));
  return true;
}
