import { performance } from "node:perf_hooks";
import { signedSheetData } from "@/lib/attendance/queries/sheet";
import { normaliseSignature } from "@/lib/attendance/signature-image";
import type { CurrentUser } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { signedEmargementPdf } from "@/lib/reports/signed-emargement-pdf";
import { benchSignaturePng } from "./signature";

/**
 * Issue 13: the signed émargement of 300 people × 2 half-days, everyone present and signed (600
 * signature images), read from the database (signedSheetData) and rendered (signedEmargementPdf).
 * `seed` is seedJournee from bench/reports.ts (300 registrations, both half-days).
 */
const admin: CurrentUser = {
  id: "bench",
  email: "bench@example.org",
  name: "Bench",
  grants: [{ role: "ADMIN", partnerId: null, journeeId: null }],
};

export async function seedSignedJournee(seed: (slug: string, count: number) => Promise<string>): Promise<string> {
  const journeeId = await seed("bench-signed-300", 300);
  const db = await getDb();
  const image = normaliseSignature(benchSignaturePng());
  if (!image) throw new Error("bench signature refused");
  await db.$executeRaw`UPDATE "Registration" SET status = 'CONFIRMED', "walkIn" = false WHERE "journeeId" = ${journeeId}`;
  await db.$executeRaw`
    INSERT INTO "CheckIn" ("id","registrationId","journeeId","partId","partKey","checkedInAt","method")
    SELECT r.id || '-' || p.id, r.id, ${journeeId}, p.id, p.id, p."startsAt" - interval '10 minutes', 'QR'
    FROM "Registration" r JOIN "JourneePart" p ON p."journeeId" = r."journeeId"
    WHERE r."journeeId" = ${journeeId}
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "AttendanceSignature" ("id","journeeId","registrationId","partKey","method","png","pngSha256",
      "signedAt","nonce","chainSeq","prevHash","recordHash","deviceId","door")
    SELECT c.id || '-sig', c."journeeId", c."registrationId", c."partKey", 'DOOR_DEVICE', ${image.png}, ${image.sha256},
      c."checkedInAt" + interval '1 minute', c.id || '-nonce',
      row_number() OVER (PARTITION BY c."partKey" ORDER BY c.id), 'bench', 'bench', 'bench', 'Porte A'
    FROM "CheckIn" c WHERE c."journeeId" = ${journeeId}`;
  return journeeId;
}

export async function timeSignedSheet(journeeId: string): Promise<{ ms: number; renderMs: number; pages: number }> {
  const started = performance.now();
  const sheet = await signedSheetData(admin, journeeId);
  if (!sheet) throw new Error("signed sheet: journée introuvable");
  const rendering = performance.now();
  const pdf = await signedEmargementPdf(sheet);
  const ms = Math.round(performance.now() - started);
  const renderMs = Math.round(performance.now() - rendering);
  const rows = sheet.halfDays.map((h) => h.rows.length).join(" + ");
  const images = sheet.halfDays.flatMap((h) => h.rows).filter((r) => r.signature.kind === "image").length;
  const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  console.log(
    `emargement-signe-pdf       ${rows} lignes, ${images} signatures, ${pages} pages  ${(pdf.length / 1024).toFixed(0)} Kio  ${ms} ms (rendu ${renderMs} ms)`,
  );
  return { ms, renderMs, pages };
}
