/**
 * Plain values of the signed émargement, without zod: the scanner's signature pad imports them
 * without loading the validation library (schema.ts re-exports them; decision 019, enforced by
 * e2e/page-weight.spec.ts).
 */
export const SIGNATURE_LIMITS = { maxWidth: 600, maxHeight: 240, maxBytes: 40_000 } as const;
