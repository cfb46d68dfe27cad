import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { StaffEditForm } from "@/components/journee-admin/staff-edit-form";
import { AnswerList } from "@/components/registration/answer-list";
import { toFormParts } from "@/components/registration/registration-panel";
import { METROPOLE_COMMUNES } from "@/lib/communes/communes";
import { managedJourneeForPage } from "@/lib/journee-admin/page-guard";
import { answerDefaults, answerLines } from "@/lib/questions/answer-text";
import { toFormQuestions } from "@/lib/questions/form";
import { getFormQuestionRows } from "@/lib/questions/queries";
import { updateFormValues } from "@/lib/registration/form-values";
import { STATUS_LABELS, waitlistRankLabel } from "@/lib/registration/labels";
import { waitlistRank } from "@/lib/registration/queries";
import { getStaffRegistration } from "@/lib/staff-registrations/queries";

export const metadata: Metadata = { title: "Modifier une inscription" };

type Props = { params: Promise<{ id: string; registrationId: string }> };

export default async function StaffEditPage({ params }: Props) {
  await connection();
  const { id, registrationId } = await params;
  const back = `/organisateur/journees/${id}/inscriptions`;
  const { scope } = await managedJourneeForPage(id, `${back}/${registrationId}`);
  const reg = await getStaffRegistration(scope, id, registrationId);
  if (!reg) notFound();
  const questions = toFormQuestions(
    await getFormQuestionRows(id),
    reg.answers.flatMap((a) => (a.optionId ? [a.optionId] : [])),
  );
  const current = { ...updateFormValues(reg), ...answerDefaults(questions, reg.answers) };
  const rank = reg.status === "WAITLISTED" ? await waitlistRank(id, reg.waitlistPosition) : null;
  return (
    <div className="prose">
      <p>
        <Link href={back}>← Inscriptions — {reg.journee.title}</Link>
      </p>
      <h1>
        Inscription de {reg.firstName} {reg.lastName}
      </h1>
      <p>
        {STATUS_LABELS[reg.status]}
        {rank ? ` (${waitlistRankLabel(rank)})` : null} — {reg.email}
      </p>
      <AnswerList lines={answerLines(reg.answers)} title="Réponses aux questions" />
      {reg.status === "CANCELLED" ? (
        <p>Cette inscription est annulée : elle ne peut plus être modifiée.</p>
      ) : (
        <StaffEditForm
          journeeId={id}
          registrationId={reg.id}
          current={current}
          parts={toFormParts(
            reg.journee.parts,
            reg.parts.map((p) => p.partId),
          )}
          communes={METROPOLE_COMMUNES}
          questions={questions}
        />
      )}
    </div>
  );
}
