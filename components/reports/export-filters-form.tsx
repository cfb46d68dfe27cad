import { formatShortDate } from "@/lib/format/dates";
import { STATUS_FILTER_LABELS } from "@/lib/reports/labels";
import type { ReportJournee } from "@/lib/reports/queries";
import { type ExportFilters, STATUS_FILTERS } from "@/lib/reports/schema";

type Props = {
  journees: ReportJournee[];
  filters: ExportFilters;
  /** The chosen journée's questions whose answer may be printed on badges and émargement. */
  questions?: { id: string; label: string }[];
};

/** Plain GET form (works without JavaScript): the links below it carry the chosen filters. */
export function ExportFiltersForm({ journees, filters, questions = [] }: Props) {
  return (
    <form method="get" className="form-stack" aria-label="Filtres des exports">
      <div className="field">
        <label htmlFor="journeeId">Journée</label>
        <select id="journeeId" name="journeeId" defaultValue={filters.journeeId ?? ""}>
          <option value="">Toutes les journées</option>
          {journees.map((j) => (
            <option key={j.id} value={j.id}>
              {j.title} ({formatShortDate(j.startsAt)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="partId">Demi-journée</label>
        <select id="partId" name="partId" defaultValue={filters.partId ?? ""}>
          <option value="">Journée entière</option>
          {journees
            .filter((j) => j.parts.some((p) => p.kind === "HALF_DAY"))
            .map((j) => (
              <optgroup key={j.id} label={j.title}>
                {j.parts
                  .filter((p) => p.kind === "HALF_DAY")
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
              </optgroup>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="status">Statut</label>
        <select id="status" name="status" defaultValue={filters.status}>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_FILTER_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {questions.length ? (
        <div className="field">
          <label htmlFor="questionId">Afficher la réponse à…</label>
          <span className="field__hint" id="questionId-aide">
            Badges et feuille d'émargement : la réponse de chaque personne est imprimée sous son nom.
          </span>
          <select
            id="questionId"
            name="questionId"
            aria-describedby="questionId-aide"
            defaultValue={filters.questionId ?? ""}
          >
            <option value="">Aucune réponse</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button">
        Appliquer les filtres
      </button>
    </form>
  );
}
