import { writeAudit } from "@/lib/audit/mutations";
import { logUnexpected } from "@/lib/log";
import { drawAttestation } from "@/lib/reports/attestation-pdf";
import { newPdf, pdfBuffer } from "@/lib/reports/emargement-pdf";
import { verifyUrl } from "@/lib/reports/exports";
import { assignAttestationCodes } from "@/lib/reports/mutations";
import { findAttestationByManageHash, listOrganisers } from "@/lib/reports/queries";
import { hashToken } from "@/lib/security/tokens";

const text = (message: string, status: number) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * GET /api/attestation/[token] — the attendee's own attestation, from their management link:
 * only after the journée, only if they were checked in. The code is assigned on first download.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const token = (await ctx.params).token;
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return text("Lien d'attestation invalide.", 404);
  try {
    const manageHash = hashToken(token);
    let a = await findAttestationByManageHash(manageHash);
    if (!a)
      return text("Aucune présence n'est enregistrée pour cette inscription : pas d'attestation disponible.", 404);
    if (a.journee.endsAt.getTime() > Date.now())
      return text("L'attestation sera disponible à la fin de la journée.", 403);
    if (!a.code) {
      await assignAttestationCodes(a.journee.id, [a.registrationId]);
      a = await findAttestationByManageHash(manageHash);
    }
    if (!a?.code) return text("Attestation indisponible.", 404);
    const content = { ...a, code: a.code };
    const organisers = await listOrganisers();
    const pdf = await pdfBuffer(newPdf("Attestation de présence"), (doc) =>
      drawAttestation(doc, content, organisers, verifyUrl()),
    );
    await writeAudit({
      action: "attestation.telechargement",
      entityType: "Registration",
      entityId: a.registrationId,
      actorLabel: "participant",
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="attestation-presence-${a.code}.pdf"`,
        "Cache-Control": "no-store, private",
      },
    });
  } catch (error) {
    const ref = logUnexpected(error, { where: "attestation_download" });
    return text(`Une erreur est survenue (référence ${ref}).`, 500);
  }
}
