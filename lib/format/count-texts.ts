import { plural } from "./plural";

/**
 * Sentences that carry a count (issue 15 point 13: « 1 présent·es » read badly, to people and to
 * screen readers). Pure and client-safe: the PDFs, the dashboards and the forms share them, and a
 * unit test reads them at 0, 1 and 2 (French: 0 and 1 take the singular).
 */

/** « 2 présent·es sur 3 inscrit·es » (émargement sheets). */
export function presentOfRegistered(present: number, registered: number): string {
  return `${plural(present, "présent·e", "présent·es")} sur ${plural(registered, "inscrit·e", "inscrit·es")}`;
}

/** « 1 personne présente » (the live dashboard's announcement). */
export function presentPeople(present: number): string {
  return plural(present, "personne présente", "personnes présentes");
}

/** The confirmation box of « Annuler la journée »: who will get the cancellation e-mail. */
export function cancelJourneeConfirmation(live: number): string {
  const who =
    live === 0
      ? "personne n'est inscrit : aucun e-mail ne sera envoyé"
      : live === 1
        ? "la personne inscrite (confirmée ou en liste d'attente) sera prévenue par e-mail"
        : `les ${plural(live, "personne inscrite", "personnes inscrites")} (confirmées ou en liste d'attente) seront prévenues par e-mail`;
  return `Je confirme l'annulation de la journée ; ${who}.`;
}
