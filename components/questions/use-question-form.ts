"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { useServerSubmit } from "@/components/registration/use-server-form";
import type { QuestionOutcome } from "@/lib/questions/actions";
import { compactOptions, type EditorValues } from "@/lib/questions/editor-form";
import { type QuestionInput, questionInputSchema } from "@/lib/questions/editor-schema";

const zod = zodResolver(questionInputSchema) as unknown as Resolver<EditorValues, unknown, QuestionInput>;

/**
 * The shared schema in the browser, on the same values the server parses: blank option rows are
 * dropped first, then the errors of the kept rows are moved back to the rows the person sees.
 */
const resolver: Resolver<EditorValues, unknown, QuestionInput> = async (values, context, options) => {
  const { values: kept, rowOf } = compactOptions(values);
  const result = await zod(kept, context, options);
  const rows = result.errors?.options;
  if (Array.isArray(rows)) {
    const moved = Object.assign([], rows) as unknown[];
    moved.length = 0;
    rows.forEach((e, k) => {
      if (e) moved[rowOf[k] ?? k] = e;
    });
    (result.errors as Record<string, unknown>).options = moved;
  }
  return result;
};

/** Nested react-hook-form errors → `options.2.label`-style names → message. */
function flatten(errors: FieldErrors, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors ?? {})) {
    if (!value || key === "ref") continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message) out[key === "root" ? prefix : name] = message;
    else if (typeof value === "object") Object.assign(out, flatten(value as FieldErrors, name));
  }
  return out;
}

type State = (QuestionOutcome & { values?: Record<string, string> }) | null;

/**
 * react-hook-form (instant checks) in front of a server action posted as FormData (see
 * useServerSubmit); a page rendered after a refused post (without JavaScript) starts at one refusal.
 */
export function useQuestionForm(defaults: EditorValues, state: State, formAction: (data: FormData) => void) {
  const form = useForm<EditorValues, unknown, QuestionInput>({
    resolver,
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const { showServer, attempt, ready, onSubmit, serverErrors } = useServerSubmit(
    form,
    state,
    formAction,
    state && !state.ok ? 1 : 0,
  );
  const clientErrors = flatten(form.formState.errors);
  const errors = { ...serverErrors, ...clientErrors };
  const refusal = showServer && state && !state.ok ? state.reason : Object.keys(clientErrors).length ? "invalid" : null;
  return { form, ready, attempt, onSubmit, errors, refusal };
}
