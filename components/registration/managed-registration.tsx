import Link from "next/link";
import { formatDayRange, formatLongDate, formatTime } from "@/lib/format/dates";
import { NETWORK_LABELS, STRUCTURE_TYPE_LABELS, waitlistPositionText } from "@/lib/registration/labels";
import type { ManagedRegistration } from "@/lib/registration/queries";
import { manageLinkExpired } from "@/lib/registration/window";

/** A clear message instead of the page when the link no longer leads anywhere useful. */
export function LinkProblem({ reg, token }: { reg: ManagedRegistration; token: string }) {
  if (reg.status === "CANCELLED") {
    return (
      <div className="error-page">
        <h1>Inscription annulée</h1>
        <p role="status" className="notice">
          Cette inscription à « {reg.journee.title} » a été annulée
          {reg.cancelledAt ? ` le ${formatLongDate(reg.cancelledAt)} à ${formatTime(reg.cancelledAt)}` : ""}. Le lien de
          gestion ne permet plus de la modifier.
        </p>
        <p>
          <Link href={`/journees/${reg.journee.slug}`}>
            Voir la journée et s'inscrire à nouveau si des places sont ouvertes
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="error-page">
      <h1>Lien expiré</h1>
      <p className="notice">
        Ce lien a expiré : la journée « {reg.journee.title} » a eu lieu le {formatLongDate(reg.journee.startsAt)}.
      </p>
      {reg.status === "CONFIRMED" ? (
        <p>
          {/* The route answers in French when no presence was recorded. */}
          <a href={`/api/attestation/${token}`} download>
            Télécharger mon attestation de présence (PDF)
          </a>
        </p>
      ) : null}
      <p>
        <Link href="/">Voir le programme des journées</Link>
      </p>
    </div>
  );
}

export function linkUsable(reg: ManagedRegistration, now = new Date()): boolean {
  return reg.status !== "CANCELLED" && !manageLinkExpired(reg.journee, now);
}

export function StatusMessage({ reg }: { reg: ManagedRegistration }) {
  if (reg.status === "WAITLISTED") {
    return (
      <p className="notice notice--warning" data-testid="registration-status">
        <strong>Sur liste d'attente.</strong> {waitlistPositionText(reg.waitlistRank ?? 1)} Vous recevrez un e-mail dès
        qu'une place se libère.
      </p>
    );
  }
  return (
    <p className="notice" data-testid="registration-status">
      <strong>Inscription confirmée.</strong> Présentez votre billet à l'accueil.
    </p>
  );
}

/** What the person gave, as a definition list (React escapes every value). */
export function RegistrationDetails({ reg }: { reg: ManagedRegistration }) {
  const chosen = reg.journee.parts.filter((p) => reg.parts.some((c) => c.partId === p.id));
  const rows: [string, string][] = [
    ["Journée", `${reg.journee.title} — ${formatDayRange(reg.journee.startsAt, reg.journee.endsAt)}`],
    ["Lieu", `${reg.journee.venue}, ${reg.journee.address}`],
    ["Nom", `${reg.firstName} ${reg.lastName}`],
    ["E-mail", reg.email ?? ""],
    ["Téléphone", reg.phone || "—"],
    ["Structure", reg.structure],
    ["Type de structure", STRUCTURE_TYPE_LABELS[reg.structureType]],
    ["Réseau ou fédération", reg.network ? NETWORK_LABELS[reg.network] : "—"],
    ["Fonction", reg.jobTitle],
    ["Commune", reg.commune],
    ["Demi-journées et ateliers", chosen.length ? chosen.map((p) => p.title).join(" ; ") : "—"],
    ["Besoins d'accessibilité", reg.accessibilityNeeds || "—"],
    ["Invitations aux prochaines journées", reg.inviteConsent ? "Oui" : "Non"],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
