/**
 * Plain values of the check-in domain, without zod: the scanner screen imports them without
 * loading the validation library (schema.ts re-exports them for the server side).
 */

/** partKey of a journée without half-days. */
export const WHOLE_DAY = "journee";
/** How long an agent may undo a check-in. */
export const UNDO_WINDOW_MS = 5 * 60_000;

/**
 * What an offline scan's own clock is believed for (from a day before the start to 5 minutes ahead
 * of the server), and how late it may still arrive: until the door closes + `syncGraceMs`
 * (decision 017). Past that, a presence "recorded offline" is refused: nobody can backdate one into
 * a finished journée.
 */
export const OFFLINE_SCAN_BOUNDS = { beforeStartMs: 24 * 3600_000, aheadMs: 5 * 60_000, syncGraceMs: 12 * 3600_000 };
