import { describe, expect, it } from "vitest";
import { cancelJourneeConfirmation, presentOfRegistered, presentPeople } from "./count-texts";

// Issue 15 point 13: counts agree with their words (French: 0 and 1 singular).
describe("count sentences", () => {
  it("émargement sheets: present people out of registered people", () => {
    expect(presentOfRegistered(0, 1)).toBe("0 présent·e sur 1 inscrit·e");
    expect(presentOfRegistered(1, 2)).toBe("1 présent·e sur 2 inscrit·es");
    expect(presentOfRegistered(2, 1500)).toBe("2 présent·es sur 1\u202f500 inscrit·es");
  });

  it("live dashboard announcement", () => {
    expect(presentPeople(0)).toBe("0 personne présente");
    expect(presentPeople(1)).toBe("1 personne présente");
    expect(presentPeople(12)).toBe("12 personnes présentes");
  });

  it("cancelling a journée: who will be told", () => {
    expect(cancelJourneeConfirmation(0)).toBe(
      "Je confirme l'annulation de la journée ; personne n'est inscrit : aucun e-mail ne sera envoyé.",
    );
    expect(cancelJourneeConfirmation(1)).toBe(
      "Je confirme l'annulation de la journée ; la personne inscrite (confirmée ou en liste d'attente) sera prévenue par e-mail.",
    );
    expect(cancelJourneeConfirmation(3)).toBe(
      "Je confirme l'annulation de la journée ; les 3 personnes inscrites (confirmées ou en liste d'attente) seront prévenues par e-mail.",
    );
  });
});
