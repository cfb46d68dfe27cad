import { randomBytes } from "node:crypto";
import { pendingRequestId } from "@/lib/http/request-id";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.LOG_LEVEL as Level) ?? "info"] ?? 20;

/**
 * Structured JSON logs on stdout (warn and error on stderr), one line each. Never put personal data
 * (names, e-mails, phone numbers, free text typed by a participant) in info-level fields: log ids
 * and counts. Pass `requestId` (see requestId() in lib/http/request-id.ts) to tie lines to a request.
 */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold || process.env.EMARGE_SILENT_LOGS === "1") return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: message, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Short reference shown to the user for an unexpected error, and logged with its context. */
export function newErrorRef(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

/**
 * Logs an unexpected error with its context and the request id (when called while serving a
 * request), and returns the reference to show in the short French message. Synchronous for the
 * caller: inside a request the line is written once the request headers are read.
 */
export function logUnexpected(error: unknown, context: Record<string, unknown>): string {
  const ref = newErrorRef();
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { error };
  const fields = { ref, ...context, ...err };
  const pending = pendingRequestId();
  if (!pending) log("error", "unexpected_error", fields);
  else void pending.then((requestId) => log("error", "unexpected_error", { ref, requestId, ...context, ...err }));
  return ref;
}
