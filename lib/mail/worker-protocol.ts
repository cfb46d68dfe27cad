import type { MailInput, MailKind } from "@/lib/registration/emails";

/** What the main thread asks of the mail worker, and what it answers (structured-cloned). */
export type MailJob = { id: number; kind: MailKind; mail: MailInput; dropped: string[] };
export type MailJobResult =
  | { id: number; ok: true; messageId: string }
  | { id: number; ok: false; error: string; crashed?: true };

/** The bundled worker's file name, inside the Next build folder (NEXT_DIST_DIR or .next). */
export const MAIL_WORKER_FILE = "emarge-mail-worker.cjs";
