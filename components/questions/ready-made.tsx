import { addReadyMadeAction } from "@/lib/questions/actions";
import { READY_MADE_LABELS, type ReadyMadeKey } from "@/lib/questions/editor-schema";
import { StepButton } from "./step-button";

const KEYS = Object.keys(READY_MADE_LABELS) as ReadyMadeKey[];

/** One click inserts a ready-made question (the diet comes with its « précisez »); editable afterwards. */
export function ReadyMade({ journeeId }: { journeeId: string }) {
  return (
    <section className="panel" aria-labelledby="questions-pretes">
      <h2 id="questions-pretes">Questions prêtes à l'emploi</h2>
      <p>Ajoutées en un clic à la fin du formulaire ; vous pourrez ensuite les modifier.</p>
      <ul className="question-ready">
        {KEYS.map((key) => (
          <li key={key}>
            <StepButton action={addReadyMadeAction} fields={{ journeeId, key }}>
              Ajouter : {READY_MADE_LABELS[key]}
            </StepButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
