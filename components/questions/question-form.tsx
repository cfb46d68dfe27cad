"use client";

import { useActionState } from "react";
import { plural } from "@/lib/format/plural";
import { addQuestionAction, type QuestionOutcome, updateQuestionAction } from "@/lib/questions/actions";
import { editorValues } from "@/lib/questions/editor-form";
import { QUESTION_REFUSALS, questionFieldLabel } from "@/lib/questions/labels";
import type { EditorQuestion } from "@/lib/questions/queries";
import { Summary } from "./fields";
import { QuestionFields } from "./question-fields";
import { useQuestionForm } from "./use-question-form";

type Props = { journeeId: string; question?: EditorQuestion };

/**
 * Adds a question, or changes one (inside « Modifier », open again after a refusal). Posted as a
 * plain form to the server action, so it works without JavaScript; with it, react-hook-form checks
 * the same schema first.
 */
export function QuestionForm({ journeeId, question }: Props) {
  const [state, formAction, pending] = useActionState<QuestionOutcome | null, FormData>(
    question ? updateQuestionAction : addQuestionAction,
    null,
  );
  // A new form (empty again) after each question added; an edit form starts again from the saved
  // question when its answers changed (new ones got their id), and otherwise keeps what was typed.
  const formKey = question
    ? `edit-${question.options.map((o) => o.id).join(".")}`
    : state?.ok
      ? `after-${state.id}`
      : "new";
  const body = (
    <>
      <EditorForm
        key={formKey}
        journeeId={journeeId}
        question={question}
        state={state}
        action={formAction}
        pending={pending}
      />
      <div role="status">{state?.ok ? <p className="notice">{state.message}</p> : null}</div>
    </>
  );
  if (!question) return body;
  return (
    <details className="question-edit" open={Boolean(state)}>
      <summary className="button button--secondary">
        Modifier<span className="visually-hidden"> la question « {question.label} »</span>
      </summary>
      {body}
    </details>
  );
}

function EditorForm(props: {
  journeeId: string;
  question?: EditorQuestion;
  state: QuestionOutcome | null;
  action: (data: FormData) => void;
  pending: boolean;
}) {
  const { journeeId, question, state } = props;
  const prefix = question ? `q-${question.id}` : "q-nouvelle";
  const defaults = editorValues(question ?? null, state && !state.ok ? state.values : undefined);
  const f = useQuestionForm(defaults, state, props.action);
  const answered = question?.answerCount ?? 0;
  return (
    <form
      action={props.action}
      onSubmit={f.onSubmit}
      noValidate
      className="form-stack"
      data-ready={f.ready ? "true" : undefined}
      aria-label={question ? `Modifier la question « ${question.label} »` : "Nouvelle question"}
    >
      <Summary
        prefix={prefix}
        focusKey={f.attempt}
        message={f.refusal ? QUESTION_REFUSALS[f.refusal as keyof typeof QUESTION_REFUSALS] : undefined}
        errors={f.errors}
        labelOf={questionFieldLabel}
        refCode={state && !state.ok ? state.ref : undefined}
      />
      {answered > 0 ? (
        <p className="notice notice--warning">
          {plural(answered, "réponse déjà donnée", "réponses déjà données")} : elles seront conservées, même si vous
          modifiez ou retirez des réponses proposées. Le type de la question ne peut plus changer.
        </p>
      ) : null}
      <input type="hidden" name="journeeId" value={journeeId} />
      {question ? <input type="hidden" name="questionId" value={question.id} /> : null}
      <QuestionFields
        prefix={prefix}
        form={f.form}
        defaults={defaults}
        errors={f.errors}
        ready={f.ready}
        kindLocked={answered > 0}
        taken={Object.fromEntries((question?.options ?? []).map((o) => [o.id, o.confirmedCount]))}
      />
      <div>
        <button type="submit" className="button" disabled={props.pending}>
          {question ? "Enregistrer la question" : "Ajouter la question"}
        </button>
      </div>
    </form>
  );
}
