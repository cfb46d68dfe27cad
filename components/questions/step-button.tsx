"use client";

import { type ReactNode, useActionState, useEffect, useRef } from "react";
import type { QuestionOutcome } from "@/lib/questions/actions";
import { QUESTION_REFUSALS } from "@/lib/questions/labels";

type Props = {
  action: (prev: QuestionOutcome | null, form: FormData) => Promise<QuestionOutcome>;
  fields: Record<string, string>;
  children: ReactNode;
  id?: string;
  secondary?: boolean;
  /** After success, the focus goes to the first of these ids still on the page (the list re-renders). */
  focusAfter?: string[];
};

/**
 * A one-button form for a question action (ready-made, move, remove): a plain post without
 * JavaScript. The outcome is said in the page's live region (#questions-annonce), since the button
 * itself may move or disappear with the list; a refusal is shown next to the button.
 */
export function StepButton({ action, fields, children, id, secondary = true, focusAfter }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const handled = useRef<QuestionOutcome | null>(null);
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    const announce = document.getElementById("questions-annonce");
    if (announce) announce.textContent = state.message ?? "";
    const target = focusAfter?.map((targetId) => document.getElementById(targetId)).find((el) => el !== null);
    target?.focus();
  }, [state, focusAfter]);
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Not disabled while pending: a disabled button would drop the keyboard focus. */}
      <button type="submit" id={id} className={secondary ? "button button--secondary" : "button"} aria-busy={pending}>
        {children}
      </button>
      {state && !state.ok ? (
        <span className="field__error" role="alert">
          {" "}
          {QUESTION_REFUSALS[state.reason] ?? QUESTION_REFUSALS.error}
          {state.ref ? ` (référence ${state.ref})` : ""}
        </span>
      ) : null}
    </form>
  );
}
