"use client";

import { type FormEvent, startTransition, useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { FormState } from "@/lib/registration/form-state";

/** A server action's answer as the forms read it: refused ones may carry field errors. */
type ServerOutcome = { ok: boolean; fieldErrors?: Record<string, string> } | null;

/**
 * The submit half shared by the forms: react-hook-form checks first, and only a valid form is
 * posted to the server action as FormData — the same request a browser without JavaScript sends.
 * Server field errors are shown until the next submit; `attempt` counts refusals (summary focus).
 */
export function useServerSubmit<T extends FieldValues, C, U>(
  form: UseFormReturn<T, C, U>,
  state: ServerOutcome,
  formAction: (data: FormData) => void,
  initialAttempt = 0,
) {
  const [showServer, setShowServer] = useState(true);
  const [attempt, setAttempt] = useState(initialAttempt);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  useEffect(() => {
    if (!state || state.ok) return;
    setShowServer(true);
    setAttempt((n) => n + 1);
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShowServer(false);
    const element = event.currentTarget;
    void form.handleSubmit(
      () => startTransition(() => formAction(new FormData(element))),
      () => setAttempt((n) => n + 1),
    )(event);
  };
  const serverErrors = showServer && state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { showServer, attempt, ready, onSubmit, serverErrors };
}

/**
 * Glue between react-hook-form (instant checks with the shared zod schema) and a server action
 * posted as FormData (see useServerSubmit), with the registration forms' error summary.
 */
export function useServerForm<T extends FieldValues>(
  form: UseFormReturn<T>,
  state: FormState,
  formAction: (data: FormData) => void,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const { showServer, attempt, ready, onSubmit, serverErrors } = useServerSubmit(form, state, formAction);

  // Answers to the journée's questions are nested (answers.<id>): flattened to their field names.
  const clientErrors = Object.fromEntries(
    Object.entries(form.formState.errors).flatMap(([name, err]) => {
      const message = (err as { message?: string })?.message;
      if (name !== "answers" || message) return [[name, String(message ?? "")]];
      return Object.entries((err ?? {}) as Record<string, { message?: string }>).map(([id, e]) => [
        `answers.${id}`,
        String(e?.message ?? ""),
      ]);
    }),
  );
  const errors: Record<string, string> = { ...serverErrors, ...clientErrors };
  const summaryMessage =
    showServer && state && !state.ok
      ? state.message
      : Object.keys(clientErrors).length
        ? "Certains champs sont à corriger."
        : undefined;
  return {
    formRef,
    attempt,
    onSubmit,
    // data-ready marks a hydrated form (tests wait for it; without JavaScript it never appears).
    ready: ready ? "true" : undefined,
    errors,
    errorOf: (name: string) => errors[name] || undefined,
    summaryMessage,
  };
}

/** Form values as posted back by the server (strings, "on", arrays) → react-hook-form defaults. */
export function defaultsFrom(
  kept: Record<string, unknown> | undefined,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(kept ?? {})) {
    if (!(key in base)) continue;
    if (typeof base[key] === "boolean") out[key] = value === true || value === "on";
    else if (Array.isArray(base[key])) out[key] = Array.isArray(value) ? value : value ? [value] : [];
    else out[key] = typeof value === "string" ? value : "";
  }
  return out;
}
