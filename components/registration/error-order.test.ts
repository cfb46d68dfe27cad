import { describe, expect, it } from "vitest";
import { errorsInFieldOrder } from "./error-order";
import { PERSON_LABELS } from "./person-fields";

describe("error summary order", () => {
  it("follows the fields on the page, not the order validation reported them", () => {
    // zod reports in schema order (first name before e-mail); the form shows the e-mail first.
    const errors = { firstName: "Indiquez votre prénom.", privacyAck: "Cochez la case.", email: "Adresse invalide." };
    expect(errorsInFieldOrder(errors, PERSON_LABELS).map(([name]) => name)).toEqual([
      "email",
      "firstName",
      "privacyAck",
    ]);
  });

  it("leaves out errors that have no label on the page", () => {
    expect(errorsInFieldOrder({ journeeId: "x", email: "y" }, PERSON_LABELS)).toEqual([["email", "y"]]);
  });
});
