import { describe, expect, it } from "vitest";
import { plural, pluralWord } from "./plural";

describe("plural", () => {
  it("uses the singular for 0 and 1 (French rule) and the plural from 2", () => {
    expect(plural(0, "scan")).toBe("0 scan");
    expect(plural(1, "présent·e", "présent·es")).toBe("1 présent·e");
    expect(plural(2, "présent·e", "présent·es")).toBe("2 présent·es");
    expect(plural(1500, "inscrit·e", "inscrit·es")).toBe("1\u202f500 inscrit·es");
  });
  it("gives only the word when the number is shown apart", () => {
    expect(pluralWord(1, "attendu·e", "attendu·es")).toBe("attendu·e");
    expect(pluralWord(4, "attendu·e", "attendu·es")).toBe("attendu·es");
  });
});
