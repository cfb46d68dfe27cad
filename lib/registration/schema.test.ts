import { describe, expect, it } from "vitest";
import { NETWORK_LABELS } from "./labels";
import { fieldErrorsOf, formDataToValues, keptValues, MAX, NETWORKS, registrationSchema, updateSchema } from "./schema";

const valid = {
  journeeId: "cjourneeid0000000000000001",
  firstName: "Élodie",
  lastName: "Martin",
  email: "  Elodie.Martin@CCAS-Aubagne.fr ",
  phone: "",
  structure: "CCAS d'Aubagne",
  structureType: "COMMUNE_CCAS",
  jobTitle: "Travailleuse sociale",
  commune: "Aubagne",
  privacyAck: true,
};

function errorsOf(values: Record<string, unknown>) {
  const parsed = registrationSchema.safeParse(values);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("registrationSchema", () => {
  it("accepts a complete registration, trims values, defaults the optional ones", () => {
    const out = registrationSchema.parse(valid);
    expect(out.email).toBe("Elodie.Martin@CCAS-Aubagne.fr");
    expect(out).toMatchObject({
      halfDayIds: [],
      workshopId: "",
      inviteConsent: false,
      accessibilityNeeds: "",
      siteWeb: "",
    });
  });

  it("answers each empty required field in French, next to the field", () => {
    const errors = errorsOf({ journeeId: valid.journeeId });
    expect(errors).toMatchObject({
      firstName: "Indiquez votre prénom.",
      lastName: "Indiquez votre nom.",
      email: "Indiquez votre e-mail professionnel.",
      structure: "Indiquez votre structure.",
      structureType: "Choisissez le type de votre structure.",
      jobTitle: "Indiquez votre fonction.",
      commune: "Indiquez la commune de votre structure.",
      privacyAck: expect.stringContaining("Cochez"),
    });
  });

  it("treats blank (spaces only) as empty", () => {
    expect(errorsOf({ ...valid, firstName: "   " }).firstName).toBe("Indiquez votre prénom.");
  });

  it.each(
    Object.entries({
      firstName: MAX.firstName,
      lastName: MAX.lastName,
      structure: MAX.structure,
      jobTitle: MAX.jobTitle,
      commune: MAX.commune,
      accessibilityNeeds: MAX.accessibilityNeeds,
    }),
  )("limits %s to %i characters", (field, max) => {
    expect(errorsOf({ ...valid, [field]: "a".repeat(max) })[field]).toBeUndefined();
    expect(errorsOf({ ...valid, [field]: "a".repeat(max + 1) })[field]).toBe(`${max} caractères au maximum.`);
  });

  it.each(["pas-un-email", "a@b", "a @example.org", "<script>@x.fr", `${"a".repeat(250)}@example.org`])(
    "refuses the malformed e-mail %s",
    (email) => {
      expect(errorsOf({ ...valid, email }).email).toBeTruthy();
    },
  );

  it("refuses a structure type outside the closed list and a malformed phone", () => {
    expect(errorsOf({ ...valid, structureType: "ENTREPRISE" }).structureType).toBe(
      "Choisissez le type de votre structure.",
    );
    expect(errorsOf({ ...valid, phone: "appelez-moi" }).phone).toContain("Numéro de téléphone invalide");
    expect(errorsOf({ ...valid, phone: "+33 4 91 00 00 00" }).phone).toBeUndefined();
  });

  it("refuses tampered hidden fields: missing or oversized journée id, oversized choices", () => {
    expect(errorsOf({ ...valid, journeeId: "" }).journeeId).toBe("Journée inconnue.");
    expect(errorsOf({ ...valid, journeeId: "x".repeat(41) }).journeeId).toBe("Journée inconnue.");
    expect(errorsOf({ ...valid, workshopId: "x".repeat(41) }).workshopId).toBe("Choix invalide.");
    expect(errorsOf({ ...valid, halfDayIds: Array.from({ length: 11 }, (_, i) => `p${i}`) }).halfDayIds).toBe(
      "Choix invalide.",
    );
    expect(errorsOf({ ...valid, journeeId: { $ne: null } }).journeeId).toBeTruthy();
  });

  it("keeps script and HTML in names as text (escaping is the job of pages and e-mails)", () => {
    const out = registrationSchema.parse({
      ...valid,
      firstName: "<script>alert(1)</script>",
      lastName: '<b onmouseover="x">',
    });
    expect(out.firstName).toBe("<script>alert(1)</script>");
  });

  it("parses a plain form post (no JavaScript) the same way as react-hook-form values", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...valid, privacyAck: "on", inviteConsent: "on" })) form.append(k, String(v));
    form.append("halfDayIds", "p1");
    form.append("halfDayIds", "p2");
    form.append("$ACTION_ID_abc", "");
    const out = registrationSchema.parse(formDataToValues(form));
    expect(out).toMatchObject({ privacyAck: true, inviteConsent: true, halfDayIds: ["p1", "p2"] });
    expect(registrationSchema.parse({ ...valid, halfDayIds: "p1" }).halfDayIds).toEqual(["p1"]);
    expect(registrationSchema.parse({ ...valid, halfDayIds: false }).halfDayIds).toEqual([]);
  });

  it("keeps every entry to send back except the honeypot", () => {
    expect(keptValues({ firstName: "A", siteWeb: "spam", halfDayIds: ["x"], privacyAck: "on" })).toEqual({
      firstName: "A",
      halfDayIds: ["x"],
      privacyAck: "on",
    });
  });

  it("the management schema has no e-mail, acknowledgement or journée id", () => {
    const out = updateSchema.parse({ ...valid, email: "autre@example.org" });
    expect(out).not.toHaveProperty("email");
    expect(out).not.toHaveProperty("journeeId");
  });
});

describe("network of the structure (optional, closed list)", () => {
  it("is optional: missing or empty means not given", () => {
    expect(registrationSchema.parse(valid).network).toBe("");
    expect(registrationSchema.parse({ ...valid, network: "" }).network).toBe("");
    expect(registrationSchema.parse({ ...valid, network: null }).network).toBe("");
  });

  it("accepts every code of the list, on registration and on update", () => {
    for (const network of NETWORKS) {
      expect(registrationSchema.parse({ ...valid, network }).network).toBe(network);
      expect(NETWORK_LABELS[network]).toBeTruthy();
    }
    const { journeeId: _j, email: _e, privacyAck: _p, ...person } = valid;
    expect(updateSchema.parse({ ...person, network: "FAS" }).network).toBe("FAS");
  });

  it("refuses anything outside the list, in French", () => {
    expect(errorsOf({ ...valid, network: "Fédération inventée" }).network).toBe("Choisissez un réseau dans la liste.");
    expect(errorsOf({ ...valid, network: "unafo" }).network).toBe("Choisissez un réseau dans la liste.");
  });
});
