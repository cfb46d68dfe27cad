import { describe, expect, it } from "vitest";
import { METROPOLE_COMMUNES } from "./communes";

describe("METROPOLE_COMMUNES", () => {
  it("lists the 92 communes of the Métropole, each once", () => {
    expect(METROPOLE_COMMUNES).toHaveLength(92);
    expect(new Set(METROPOLE_COMMUNES).size).toBe(92);
  });

  it("includes the towns of the 2023 journées", () => {
    for (const name of ["Marseille", "Aix-en-Provence", "Istres", "Aubagne"]) {
      expect(METROPOLE_COMMUNES).toContain(name);
    }
  });

  it("has no stray spaces", () => {
    for (const name of METROPOLE_COMMUNES) expect(name).toBe(name.trim());
  });
});
