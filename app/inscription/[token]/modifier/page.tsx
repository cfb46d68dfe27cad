import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnswerList } from "@/components/registration/answer-list";
import { LinkProblem, linkUsable } from "@/components/registration/managed-registration";
import { toFormParts } from "@/components/registration/registration-panel";
import { UpdateForm } from "@/components/registration/update-form";
import { METROPOLE_COMMUNES } from "@/lib/communes/communes";
import { answerDefaults, answerLines } from "@/lib/questions/answer-text";
import { toFormQuestions } from "@/lib/questions/form";
import { getFormQuestionRows } from "@/lib/questions/queries";
import { updateFormValues } from "@/lib/registration/form-values";
import { getRegistrationByManageToken } from "@/lib/registration/queries";

export const metadata: Metadata = {
  title: "Modifier mon inscription",
  robots: { index: false, follow: false },
  // Not « no-referrer »: a form post from such a page carries `Origin: null`, which the server
  // action's origin check refuses, so the form would not work without JavaScript. « same-origin »
  // still never sends the link to another site (decision 003).
  referrer: "same-origin",
};

export default async function UpdateRegistrationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reg = await getRegistrationByManageToken(token);
  if (!reg) notFound();
  if (!linkUsable(reg)) return <LinkProblem reg={reg} token={token} />;
  // A person's current choice stays selectable even when its option is now full.
  const questions = toFormQuestions(
    await getFormQuestionRows(reg.journee.id),
    reg.answers.flatMap((a) => (a.optionId ? [a.optionId] : [])),
  );
  const current = { ...updateFormValues(reg), ...answerDefaults(questions, reg.answers) };
  return (
    <div className="prose">
      <h1>Modifier mon inscription</h1>
      <p>
        {reg.journee.title} — inscription de {reg.email}. Pour changer d'adresse e-mail, annulez cette inscription et
        inscrivez-vous avec la nouvelle adresse.
      </p>
      <UpdateForm
        token={token}
        current={current}
        parts={toFormParts(
          reg.journee.parts,
          reg.parts.map((p) => p.partId),
        )}
        communes={METROPOLE_COMMUNES}
        questions={questions}
      />
      <AnswerList
        lines={answerLines(reg.answers).filter((l) => l.removed)}
        title="Réponses à des questions retirées (conservées, non modifiables)"
      />
    </div>
  );
}
