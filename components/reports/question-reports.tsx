import type { ProgrammeQuestionTotals, QuestionReport, QuestionReports } from "@/lib/reports/queries/questions";
import { BarChart, type Series } from "./bar-chart";
import { Kpis } from "./kpis";
import styles from "./reports.module.css";

const SERIES_ANSWERS: Series[] = [{ key: "count", label: "Réponses", color: "#17466a" }];
const fr = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 1 });
const title = (q: QuestionReport) => (q.removed ? `${q.label} (question retirée)` : q.label);

/** « Repas » on its own line: lunches registered, then among the people present once the door is open. */
function MealLine({ meal }: { meal: NonNullable<QuestionReports["meal"]> }) {
  return (
    <Kpis
      label="Repas"
      items={[
        { label: "Repas — déjeuners inscrits", value: meal.registered },
        ...(meal.doorOpen
          ? [
              { label: "Repas — déjeuners parmi les présent·es", value: meal.present },
              ...meal.parts.map((p) => ({ label: `Repas — présent·es ${p.title}`, value: p.present })),
            ]
          : []),
      ]}
    />
  );
}

function Answers({ q }: { q: QuestionReport }) {
  if (q.options.length > 0)
    return (
      <BarChart
        title={`${title(q)} — ${q.answered} réponse${q.answered > 1 ? "s" : ""}`}
        series={SERIES_ANSWERS}
        unit="inscrit·es confirmé·es"
        rows={q.options
          .filter((o) => !o.removed || o.count > 0)
          .map((o) => ({ label: o.removed ? `${o.label} (retirée)` : o.label, values: { count: o.count } }))}
      />
    );
  return (
    <section className={styles.figure} aria-label={title(q)}>
      <h3>{title(q)}</h3>
      <p>
        {q.answered} réponse{q.answered > 1 ? "s" : ""}
        {q.numbers && ` — total ${fr(q.numbers.sum)}, moyenne ${fr(q.numbers.average)}`}
      </p>
      {q.texts && q.texts.length > 0 && (
        <ul>
          {q.texts.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The answers to the organisers' questions on the journée dashboard (counts of confirmed registrations). */
export function QuestionReportsSection({ data, texts }: { data: QuestionReports; texts: boolean }) {
  if (!data.questions.length) return null;
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">Réponses aux questions</h2>
      {data.meal && <MealLine meal={data.meal} />}
      {!texts && <p>Les réponses en texte libre ne sont visibles que des organisateurs de la journée.</p>}
      {data.questions
        .filter((q) => !q.removed || q.answered > 0)
        .map((q) => (
          <Answers key={q.id} q={q} />
        ))}
    </section>
  );
}

/** The programme dashboard: lunches and option counts summed across journées. */
export function ProgrammeQuestionTotalsSection({ totals }: { totals: ProgrammeQuestionTotals }) {
  if (!totals.meal.journees && !totals.options.length) return null;
  return (
    <section aria-labelledby="programme-questions-title">
      <h2 id="programme-questions-title">Réponses aux questions, toutes journées</h2>
      {totals.meal.journees > 0 && (
        <Kpis
          label="Repas sur le programme"
          items={[
            { label: "Repas — déjeuners inscrits", value: totals.meal.registered },
            { label: "Repas — déjeuners parmi les présent·es", value: totals.meal.present },
          ]}
        />
      )}
      {totals.options.length > 0 && (
        <table className={styles.table}>
          <caption>Réponses par option, additionnées sur les journées</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Réponse</th>
              <th scope="col" className={styles.num}>
                Inscrit·es
              </th>
              <th scope="col" className={styles.num}>
                Journées
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.options.map((o) => (
              <tr key={`${o.question}\u0000${o.option}`}>
                <td>{o.question}</td>
                <th scope="row">{o.option}</th>
                <td className={styles.num}>{fr(o.count)}</td>
                <td className={styles.num}>{o.journees}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
