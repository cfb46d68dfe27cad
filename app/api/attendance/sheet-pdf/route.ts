import { signedSheetDocument } from "@/lib/reports/signed-documents";
import { signedDocumentRoute } from "@/lib/reports/signed-documents-route";

/** GET ?journeeId&partKey → the signed émargement PDF (partKey omitted: every half-day in one file). */
export const GET = signedDocumentRoute("GET /api/attendance/sheet-pdf", false, signedSheetDocument);
