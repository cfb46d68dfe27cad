import type { z } from "zod";
import { QUESTION_MAX, type QuestionKindValue } from "./schema";

/**
 * The question editor's form values, shared by the browser (react-hook-form) and the server
 * action (a posted FormData, also without JavaScript). Option rows are numbered fields
 * (`options.N.label`, `options.N.capacity`, `options.N.id`); a row whose label is blank is an
 * unused row (the form offers spare rows for browsers without JavaScript) and is dropped before
 * validation — emptying an existing option's label therefore removes that option.
 */
export type OptionRow = { id: string; label: string; capacity: string };
export type EditorValues = {
  kind: QuestionKindValue;
  label: string;
  help: string;
  purpose: string;
  required: boolean;
  personal: boolean;
  isMeal: boolean;
  maxLength: string;
  minValue: string;
  maxValue: string;
  options: OptionRow[];
};

/** A posted form → the raw values the schema parses (checkboxes "on", numbers as text). */
export function questionValuesFromForm(form: Iterable<[string, unknown]>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const rows: Record<string, string>[] = [];
  for (const [key, value] of form) {
    if (key.startsWith("$") || typeof value !== "string") continue;
    const m = /^options\.(\d{1,2})\.(id|label|capacity)$/.exec(key);
    if (m) {
      const row = rows[Number(m[1])] ?? {};
      row[m[2]] = value;
      rows[Number(m[1])] = row;
    } else values[key] = value;
  }
  return { ...values, options: Array.from(rows, (r) => r ?? {}) };
}

/** Drops the unused (blank) option rows; `rowOf[k]` is the form row of the k-th kept option. */
export function compactOptions<T extends Record<string, unknown>>(values: T): { values: T; rowOf: number[] } {
  const rows = Array.isArray(values.options) ? (values.options as Record<string, unknown>[]) : [];
  const kept = rows.flatMap((o, i) => (String(o?.label ?? "").trim() === "" ? [] : [[o, i] as const]));
  return { values: { ...values, options: kept.map(([o]) => o) }, rowOf: kept.map(([, i]) => i) };
}

/** Zod issues → field name (as the form names it) → first French message. */
export function questionFieldErrors(error: z.ZodError, rowOf: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (path[0] === "options" && path.length > 1) path[1] = String(rowOf[Number(path[1])] ?? path[1]);
    out[path.join(".") || "form"] ??= issue.message;
  }
  return out;
}

/** What a refused post sends back: every string typed, so the form re-renders with it. */
export function keptEditorValues(form: FormData): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !k.startsWith("$")) kept[k] = v.slice(0, 2000);
  return kept;
}

type Existing = {
  kind: QuestionKindValue;
  label: string;
  help: string;
  purpose: string;
  required: boolean;
  personal: boolean;
  isMeal: boolean;
  maxLength: number | null;
  minValue: number | null;
  maxValue: number | null;
  options: { id: string; label: string; capacity: number | null }[];
};
const str = (n: number | null) => (n === null ? "" : String(n));

/** The form's values: a question (or a blank one), spare rows included, or what a refused post kept. */
export function editorValues(q: Existing | null, kept?: Record<string, string>): EditorValues {
  const spare = q ? 2 : 4;
  const rows: OptionRow[] = (q?.options ?? []).map((o) => ({ id: o.id, label: o.label, capacity: str(o.capacity) }));
  const count = Math.min(QUESTION_MAX.options, rows.length + (q?.kind === "YES_NO" ? 0 : spare));
  while (rows.length < count) rows.push({ id: "", label: "", capacity: "" });
  const base: EditorValues = {
    kind: q?.kind ?? "ONE_CHOICE",
    label: q?.label ?? "",
    help: q?.help ?? "",
    purpose: q?.purpose ?? "",
    required: q?.required ?? false,
    personal: q?.personal ?? false,
    isMeal: q?.isMeal ?? false,
    maxLength: str(q?.maxLength ?? null),
    minValue: str(q?.minValue ?? null),
    maxValue: str(q?.maxValue ?? null),
    options: rows,
  };
  if (!kept) return base;
  const raw = questionValuesFromForm(Object.entries(kept));
  const keptRows = (raw.options as Partial<OptionRow>[]).map((r) => ({
    id: r.id ?? "",
    label: r.label ?? "",
    capacity: r.capacity ?? "",
  }));
  const text = (k: keyof EditorValues) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  return {
    ...base,
    kind: (text("kind") || base.kind) as QuestionKindValue,
    label: text("label"),
    help: text("help"),
    purpose: text("purpose"),
    required: raw.required === "on",
    personal: raw.personal === "on",
    isMeal: raw.isMeal === "on",
    maxLength: text("maxLength"),
    minValue: text("minValue"),
    maxValue: text("maxValue"),
    options: keptRows.length ? keptRows : base.options,
  };
}
