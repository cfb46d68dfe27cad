import { plural } from "@/lib/format/plural";
import { moveQuestionAction, removeQuestionAction } from "@/lib/questions/actions";
import { QUESTION_KIND_LABELS } from "@/lib/questions/labels";
import type { EditorQuestion } from "@/lib/questions/queries";
import { QuestionForm } from "./question-form";
import { StepButton } from "./step-button";

/** The journée's questions in form order, each with « Monter / Descendre », « Modifier » and « Retirer ». */
export function QuestionList({ journeeId, questions }: { journeeId: string; questions: EditorQuestion[] }) {
  if (!questions.length)
    return <p>Aucune question pour l'instant : le formulaire ne contient que les champs habituels.</p>;
  return (
    <ol className="question-list">
      {questions.map((q, i) => (
        <QuestionItem key={q.id} journeeId={journeeId} q={q} first={i === 0} last={i === questions.length - 1} />
      ))}
    </ol>
  );
}

function places(o: EditorQuestion["options"][number]): string {
  return o.capacity === null
    ? "sans limite de places"
    : `${plural(o.confirmedCount, "place prise", "places prises")} sur ${o.capacity}`;
}

function QuestionItem({
  journeeId,
  q,
  first,
  last,
}: {
  journeeId: string;
  q: EditorQuestion;
  first: boolean;
  last: boolean;
}) {
  const fields = { journeeId, questionId: q.id };
  const up = `q-${q.id}-monter`;
  const down = `q-${q.id}-descendre`;
  const hidden = <span className="visually-hidden"> « {q.label} »</span>;
  return (
    <li className="panel question-item" data-testid="question-item">
      <h3>{q.label}</h3>
      <p>
        {QUESTION_KIND_LABELS[q.kind]} — {q.required ? "obligatoire" : "facultative"}
        {q.personal ? " — donnée personnelle" : ""}
        {q.isMeal ? " — compte les repas" : ""} — {plural(q.answerCount, "réponse", "réponses")}
      </p>
      {q.options.length ? (
        <ul>
          {q.options.map((o) => (
            <li key={o.id}>
              {o.label} : {places(o)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="question-actions">
        {first ? null : (
          <StepButton
            action={moveQuestionAction}
            fields={{ ...fields, direction: "up" }}
            id={up}
            focusAfter={[up, down]}
          >
            Monter{hidden}
          </StepButton>
        )}
        {last ? null : (
          <StepButton
            action={moveQuestionAction}
            fields={{ ...fields, direction: "down" }}
            id={down}
            focusAfter={[down, up]}
          >
            Descendre{hidden}
          </StepButton>
        )}
      </div>
      <QuestionForm journeeId={journeeId} question={q} />
      {/* A confirmation step that works without JavaScript and by keyboard (as « Annuler l'inscription »). */}
      <details className="confirm-step">
        <summary className="button button--secondary">Retirer{hidden}</summary>
        <p>
          Retirer « {q.label} » du formulaire ?{" "}
          {q.answerCount === 0
            ? "Personne n'y a encore répondu."
            : `${q.answerCount === 1 ? "La réponse déjà donnée est conservée" : `Les ${q.answerCount} réponses déjà données sont conservées`} (« question retirée » dans les exports).`}
        </p>
        <StepButton action={removeQuestionAction} fields={fields}>
          Confirmer le retrait{hidden}
        </StepButton>
      </details>
    </li>
  );
}
