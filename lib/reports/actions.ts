"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { journeeScope } from "@/lib/auth/permissions";
import { logUnexpected } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";
import { attestationFiles, verifyUrl } from "./exports";
import { auditAttestationMailing } from "./mutations";
import { getReportJournee } from "./queries";
import { exportFiltersSchema } from "./schema";

const back = (journeeId: string, envoi: string) => `/organisateur/exports?${new URLSearchParams({ journeeId, envoi })}`;

/**
 * Sends each attendee (checked in, not cancelled, with an e-mail) their attestation as a PDF.
 * Organisers of the journée only (capability "manage"); audited with the counts.
 */
export async function sendAttestationsAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion?callbackUrl=/organisateur/exports");
  const parsed = exportFiltersSchema.safeParse({ journeeId: formData.get("journeeId") });
  const journeeId = parsed.success ? parsed.data.journeeId : undefined;
  if (!journeeId) redirect("/organisateur/exports");
  const scope = journeeScope(user, "manage");
  const journee = await getReportJournee(scope, journeeId);
  if (!journee) redirect(back(journeeId, "refuse"));
  if (journee.endsAt.getTime() > Date.now()) redirect(back(journeeId, "trop-tot"));
  let sent = 0;
  let failed = 0;
  try {
    for (const f of await attestationFiles(scope, journeeId)) {
      if (!f.email) continue;
      try {
        await sendMail({
          to: f.email,
          subject: `Votre attestation de présence - ${f.journeeTitle}`,
          text: `Bonjour ${f.firstName},\n\nVous trouverez ci-joint votre attestation de présence à la journée « ${f.journeeTitle} ».\nSon code de vérification peut être contrôlé sur ${verifyUrl()}.\n\nLes organisateurs des journées Logement d'abord`,
          html: `<p>Bonjour ${escapeHtml(f.firstName)},</p><p>Vous trouverez ci-joint votre attestation de présence à la journée « ${escapeHtml(f.journeeTitle)} ».</p><p>Son code de vérification peut être contrôlé sur <a href="${verifyUrl()}">${verifyUrl()}</a>.</p><p>Les organisateurs des journées Logement d'abord</p>`,
          attachments: [{ filename: f.filename, content: Buffer.from(f.pdf), contentType: "application/pdf" }],
        });
        sent++;
      } catch (error) {
        failed++;
        logUnexpected(error, { where: "attestation_mail", journeeId });
      }
    }
  } finally {
    await auditAttestationMailing(user, journeeId, sent, failed);
  }
  redirect(back(journeeId, `${sent}-${failed}`));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
