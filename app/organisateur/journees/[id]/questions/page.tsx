import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { QuestionForm } from "@/components/questions/question-form";
import { QuestionList } from "@/components/questions/question-list";
import { ReadyMade } from "@/components/questions/ready-made";
import { RemovalAnnouncer } from "@/components/questions/removal-announcer";
import { managedJourneeForPage } from "@/lib/journee-admin/page-guard";
import { listEditorQuestions } from "@/lib/questions/queries";
import { QUESTION_MAX } from "@/lib/questions/schema";
import "@/components/questions/questions.css";

export const metadata: Metadata = { title: "Questions à l'inscription" };

export default async function QuestionsPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { scope, journee } = await managedJourneeForPage(id, `/organisateur/journees/${id}/questions`);
  const questions = await listEditorQuestions(scope, id);
  const editable = journee.status !== "CANCELLED";
  return (
    <>
      <p>
        <Link href={`/organisateur/journees/${id}`}>← {journee.title}</Link>
      </p>
      <h1>Questions à l'inscription</h1>
      <p>
        Ces questions s'ajoutent au formulaire d'inscription, après les champs habituels ({QUESTION_MAX.questions} au
        plus). Vous pouvez les changer pendant les inscriptions : une question modifiée ou retirée garde les réponses
        déjà données, et chaque changement est inscrit au journal.
      </p>
      {editable ? null : (
        <p className="notice notice--warning">Cette journée est annulée : ses questions ne peuvent plus changer.</p>
      )}
      {editable ? <ReadyMade journeeId={id} /> : null}
      <section className="panel" aria-labelledby="questions-titre">
        <h2 id="questions-titre" tabIndex={-1}>
          Questions du formulaire ({questions.length})
        </h2>
        <p id="questions-annonce" role="status" className="visually-hidden" />
        <RemovalAnnouncer ids={questions.map((q) => q.id)} />
        {editable ? (
          <QuestionList journeeId={id} questions={questions} />
        ) : (
          <ol>
            {questions.map((q) => (
              <li key={q.id}>{q.label}</li>
            ))}
          </ol>
        )}
      </section>
      {editable ? (
        <section className="panel" aria-labelledby="questions-nouvelle">
          <h2 id="questions-nouvelle">Ajouter une question</h2>
          <QuestionForm journeeId={id} />
        </section>
      ) : null}
    </>
  );
}
