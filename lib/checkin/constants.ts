/**
 * Plain values of the check-in domain, without zod: the scanner screen imports them without
 * loading the validation library (schema.ts re-exports them for the server side).
 */

/** partKey of a journée without half-days. */
export const WHOLE_DAY = "journee";
/** How long an agent may undo a check-in. */
export const UNDO_WINDOW_MS = 5 * 60_000;
