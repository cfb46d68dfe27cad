import { proofRecords } from "@/lib/attendance/queries/proof";
import { signedSheetData } from "@/lib/attendance/queries/sheet";
import type { CurrentUser } from "@/lib/auth/permissions";
import { parisDateKey } from "@/lib/format/dates";
import { verifyUrl } from "./exports";
import { auditSignedDocument } from "./mutations";
import { proofAnnexPdf } from "./proof-annex-pdf";
import { signedEmargementPdf } from "./signed-emargement-pdf";

/**
 * The signed émargement PDF (all half-days, or one) and the proof annex PDF of a half-day, for
 * staff with report rights on the journée (the attendance queries scope it): null when out of
 * scope or unknown. Each download is audited (export.emargement-signe-pdf, export.dossier-preuve-pdf).
 */
export type SignedDocument = { filename: string; pdf: Buffer };

/** The page that checks a sheet's code and fingerprint (printed in the footer). */
export const sheetVerifyUrl = () => `${verifyUrl()}/emargement`;

/** « journée-plénière » from a title: French letters kept, the rest a dash. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "journee"
  );
}

export async function signedSheetDocument(
  user: CurrentUser,
  journeeId: string,
  partKey: string | null,
  ip: string | null,
): Promise<SignedDocument | null> {
  const sheet = await signedSheetData(user, journeeId, partKey ? [partKey] : undefined);
  if (!sheet || sheet.halfDays.length === 0) return null;
  const pdf = await signedEmargementPdf({ ...sheet, verifyUrl: sheetVerifyUrl() });
  const rows = sheet.halfDays.reduce((n, h) => n + h.rows.length, 0);
  await auditSignedDocument(user, "emargement-signe-pdf", journeeId, partKey, { rows, ip });
  const part = partKey && sheet.halfDays.length === 1 ? `-${fileSlug(sheet.halfDays[0].title)}` : "";
  const day = parisDateKey(sheet.journee.startsAt);
  return { filename: `feuille-d-émargement-signée-${fileSlug(sheet.journee.title)}${part}-${day}.pdf`, pdf };
}

export async function proofAnnexDocument(
  user: CurrentUser,
  journeeId: string,
  partKey: string,
  ip: string | null,
): Promise<SignedDocument | null> {
  const file = await proofRecords(user, journeeId, partKey);
  if (!file) return null;
  const pdf = await proofAnnexPdf(file);
  await auditSignedDocument(user, "dossier-preuve-pdf", journeeId, partKey, { rows: file.records.length, ip });
  const name = `${fileSlug(file.sheet.journeeTitle)}-${fileSlug(file.sheet.title)}-${parisDateKey(file.sheet.startsAt)}`;
  return { filename: `dossier-de-preuve-${name}.pdf`, pdf };
}
