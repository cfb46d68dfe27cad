import { proofAnnexDocument } from "@/lib/reports/signed-documents";
import { signedDocumentRoute } from "@/lib/reports/signed-documents-route";

/** GET ?journeeId&partKey → the half-day's proof annex PDF (« dossier de preuve »). */
export const GET = signedDocumentRoute("GET /api/attendance/proof-pdf", true, (user, journeeId, partKey, ip) =>
  proofAnnexDocument(user, journeeId, partKey ?? "", ip),
);
