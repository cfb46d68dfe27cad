import type { RegistrationRefusal } from "./labels";

/** What a refused post returns to the form (also without JavaScript): reason, field errors, entries. */
export type FormState = {
  ok: boolean;
  reason?: RegistrationRefusal;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[] | boolean>;
  ref?: string;
  retryAfterS?: number;
} | null;
