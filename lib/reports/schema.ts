import { z } from "zod";
import type { Capability } from "@/lib/auth/permissions";
import { SCAN_RESULTS } from "@/lib/checkin/schema";

export const EXPORT_KINDS = [
  "inscriptions-csv",
  "inscriptions-donnees-csv",
  "inscriptions-xlsx",
  "emargement-pdf",
  "emargement-numerique-pdf",
  "badges-pdf",
  "attestations-zip",
  "synthese-xlsx",
  "synthese-pdf",
  "historique-scans-csv",
  "historique-scans-xlsx",
  "traiteur-csv",
  "traiteur-xlsx",
  "traiteur-pdf",
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The scan history of a journée: organisers only (who may see the history page), not readers. */
export const SCAN_HISTORY_KINDS: ReadonlySet<ExportKind> = new Set(["historique-scans-csv", "historique-scans-xlsx"]);

/** The « liste traiteur »: diets with names can be health data, organisers of the journée only. */
export const CATERER_KINDS: ReadonlySet<ExportKind> = new Set(["traiteur-csv", "traiteur-xlsx", "traiteur-pdf"]);

/** The right an export needs, on the journée named in its filters (the scope of its `where`). */
export function exportCapability(kind: ExportKind): Capability {
  return SCAN_HISTORY_KINDS.has(kind) || CATERER_KINDS.has(kind) ? "manage" : "reports";
}

/** Exports that only make sense for one journée. */
export const JOURNEE_REQUIRED: ReadonlySet<ExportKind> = new Set([
  "emargement-pdf",
  "emargement-numerique-pdf",
  "badges-pdf",
  "attestations-zip",
  ...SCAN_HISTORY_KINDS,
  ...CATERER_KINDS,
]);

export const STATUS_FILTERS = ["all", "confirmed", "waitlisted", "cancelled", "present", "absent"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const optionalId = z.preprocess(
  (v) => (v == null || v === "" ? undefined : v),
  z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
);

/** Filters of every export: journée, half-day (part id), status (result for scans). Parsed from the query string. */
export const exportFiltersSchema = z.object({
  journeeId: optionalId,
  partId: optionalId,
  status: z.preprocess((v) => (v == null || v === "" ? "all" : v), z.enum(STATUS_FILTERS)),
  /** Badges and émargement only: the question whose answer is printed under each name. */
  questionId: optionalId,
  /** Scan history only: one result code. */
  result: z.preprocess((v) => (v == null || v === "" ? undefined : v), z.enum(SCAN_RESULTS).optional()),
});
export type ExportFilters = z.output<typeof exportFiltersSchema>;

export const exportKindSchema = z.enum(EXPORT_KINDS);

export function parseExportRequest(kind: string, params: URLSearchParams) {
  const k = exportKindSchema.safeParse(kind);
  const f = exportFiltersSchema.safeParse(Object.fromEntries(params));
  if (!k.success || !f.success) return null;
  return { kind: k.data, filters: f.data };
}

/** Crockford base32 without I, L, O, U; 10 characters shown as two groups of five. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Accepts what a person types: lower case, spaces, dashes, O for 0, I/L for 1. Null if malformed. */
export function normalizeAttestationCode(raw: string): string | null {
  const cleaned = raw.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (cleaned.length !== 10) return null;
  for (const c of cleaned) if (!CODE_ALPHABET.includes(c)) return null;
  return cleaned;
}

export function formatAttestationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export const verifyCodeSchema = z.object({ code: z.string().max(40) });
