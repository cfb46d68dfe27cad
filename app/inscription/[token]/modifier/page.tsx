import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkProblem, linkUsable } from "@/components/registration/managed-registration";
import { toFormParts } from "@/components/registration/registration-panel";
import { UpdateForm } from "@/components/registration/update-form";
import { METROPOLE_COMMUNES } from "@/lib/communes/communes";
import { getRegistrationByManageToken } from "@/lib/registration/queries";

export const metadata: Metadata = {
  title: "Modifier mon inscription",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function UpdateRegistrationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reg = await getRegistrationByManageToken(token);
  if (!reg) notFound();
  if (!linkUsable(reg)) return <LinkProblem reg={reg} token={token} />;
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
    halfDayIds: chosen.filter((id) => kinds.get(id) === "HALF_DAY"),
    workshopId: chosen.find((id) => kinds.get(id) === "WORKSHOP") ?? "",
    accessibilityNeeds: reg.accessibilityNeeds ?? "",
    inviteConsent: reg.inviteConsent,
  };
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
        parts={toFormParts(reg.journee.parts, chosen)}
        communes={METROPOLE_COMMUNES}
      />
    </div>
  );
}
