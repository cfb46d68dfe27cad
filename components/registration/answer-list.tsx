import { type AnswerLine, REMOVED_QUESTION } from "@/lib/questions/answer-text";

/**
 * A person's answers to the journée's questions, read-only (management link, staff page). Answers
 * to a question the organiser removed are still shown, marked « question retirée »: they are kept.
 */
export function AnswerList({ lines, title = "Vos réponses aux questions" }: { lines: AnswerLine[]; title?: string }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby="reponses-titre" data-testid="answers">
      <h2 id="reponses-titre">{title}</h2>
      <dl className="facts">
        {lines.map((l) => (
          <div key={l.questionId} style={{ display: "contents" }}>
            <dt>
              {l.label}
              {l.removed ? ` (${REMOVED_QUESTION})` : ""}
            </dt>
            <dd>{l.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
