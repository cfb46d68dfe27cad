import { randomBytes } from "node:crypto";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.LOG_LEVEL as Level) ?? "info"] ?? 20;

/** Structured JSON logs on stdout. Never put personal data in info-level fields. */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold || process.env.EMARGE_SILENT_LOGS === "1") return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: message, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Short reference shown to the user for an unexpected error, and logged with its context. */
export function newErrorRef(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

export function logUnexpected(error: unknown, context: Record<string, unknown>): string {
  const ref = newErrorRef();
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { error };
  log("error", "unexpected_error", { ref, ...context, ...err });
  return ref;
}
