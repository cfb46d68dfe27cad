import { logUnexpected } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";
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
    await sendMail(await buildRegistrationMail(kind, reg, dropped));
    return true;
  } catch (error) {
    logUnexpected(error, { where: "notifyRegistration", registrationId, kind });
    return false;
  }
}

/** Same, from data already in hand (right after registering: no query). Never throws. */
export async function sendRegistrationMail(mail: MailInput, kind: MailKind): Promise<boolean> {
  try {
    if (!mail.email) return false;
    await sendMail(await buildRegistrationMail(kind, mail));
    return true;
  } catch (error) {
    logUnexpected(error, { where: "sendRegistrationMail", registrationId: mail.id, kind });
    return false;
  }
}
