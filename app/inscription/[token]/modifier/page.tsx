import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkProblem, linkUsable } from "@/components/registration/managed-registration";
import { toFormParts } from "@/components/registration/registration-panel";
import { UpdateForm } from "@/components/registration/update-form";
import { METROPOLE_COMMUNES } from "@/lib/communes/communes";
import { updateFormValues } from "@/lib/registration/form-values";
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
  const current = updateFormValues(reg);
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
      />
    </div>
  );
}
