import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { StaffEditForm } from "@/components/journee-admin/staff-edit-form";
import { toFormParts } from "@/components/registration/registration-panel";
import { METROPOLE_COMMUNES } from "@/lib/communes/communes";
import { managedJourneeForPage } from "@/lib/journee-admin/page-guard";
import { STATUS_LABELS } from "@/lib/registration/labels";
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
  const chosen = reg.parts.map((p) => p.partId);
  const kinds = new Map(reg.journee.parts.map((p) => [p.id, p.kind]));
  const current = {
    firstName: reg.firstName,
    lastName: reg.lastName,
    phone: reg.phone ?? "",
    structure: reg.structure,
    structureType: reg.structureType,
    jobTitle: reg.jobTitle,
    commune: reg.commune,
    halfDayIds: chosen.filter((p) => kinds.get(p) === "HALF_DAY"),
    workshopId: chosen.find((p) => kinds.get(p) === "WORKSHOP") ?? "",
    accessibilityNeeds: reg.accessibilityNeeds ?? "",
    inviteConsent: reg.inviteConsent,
  };
  return (
    <div className="prose">
      <p>
        <Link href={back}>← Inscriptions — {reg.journee.title}</Link>
      </p>
      <h1>
        Inscription de {reg.firstName} {reg.lastName}
      </h1>
      <p>
        {STATUS_LABELS[reg.status]} — {reg.email}
      </p>
      {reg.status === "CANCELLED" ? (
        <p>Cette inscription est annulée : elle ne peut plus être modifiée.</p>
      ) : (
        <StaffEditForm
          journeeId={id}
          registrationId={reg.id}
          current={current}
          parts={toFormParts(reg.journee.parts, chosen)}
          communes={METROPOLE_COMMUNES}
        />
      )}
    </div>
  );
}
