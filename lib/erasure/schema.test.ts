import { describe, expect, it } from "vitest";
import { erasureInputSchema } from "./schema";

describe("erasure input", () => {
  it("accepts an e-mail with spaces around and any case", () => {
    expect(erasureInputSchema.parse({ email: "  Claire.Martin@Example.org " })).toEqual({
      email: "Claire.Martin@Example.org",
    });
  });

  it("explains in French what is wrong", () => {
    const message = (email: unknown) => erasureInputSchema.safeParse({ email }).error?.issues[0]?.message;
    expect(message("")).toBe("Indiquez l'adresse e-mail de la personne.");
    expect(message(undefined)).toBe("Indiquez l'adresse e-mail de la personne.");
    expect(message("claire@")).toBe("Adresse e-mail invalide.");
    expect(message(`${"a".repeat(250)}@x.fr`)).toBe("Adresse e-mail trop longue.");
  });
});
