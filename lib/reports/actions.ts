"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { journeeScope } from "@/lib/auth/permissions";
import { logUnexpected } from "@/lib/log";
import { mailAttestations } from "./attestation-mailing";
import { getReportJournee } from "./queries";
import { exportFiltersSchema } from "./schema";

const back = (journeeId: string, envoi: string) => `/organisateur/exports?${new URLSearchParams({ journeeId, envoi })}`;

/**
 * Sends each attendee (checked in, not cancelled, with an e-mail) their attestation as a PDF.
 * Organisers of the journée only (capability "manage"). The sending runs after the response
 * (`after`): the page shows its progress and the journal its outcome.
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
  after(() =>
    mailAttestations(user, scope, journeeId).then(
      () => undefined,
      (error) => {
        logUnexpected(error, { where: "attestation_mailing", journeeId });
      },
    ),
  );
  redirect(back(journeeId, "en-cours"));
}
