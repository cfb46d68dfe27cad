import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./unique-violation";

describe("isUniqueViolation", () => {
  it("recognises every shape Prisma gives a unique-index violation", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation({ code: "P2010", meta: { code: "23505" } })).toBe(true);
    const adapter = { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } };
    expect(isUniqueViolation({ code: "P2010", meta: adapter })).toBe(true);
    expect(isUniqueViolation({ code: "P2010", meta: { cause: { originalCode: "23505" } } })).toBe(true);
    expect(isUniqueViolation({ code: "P2010", message: 'duplicate key value violates unique constraint "x"' })).toBe(
      true,
    );
  });

  it("leaves other errors alone", () => {
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation(new Error("unique constraint"))).toBe(false);
    expect(isUniqueViolation({ code: "P2010", meta: { code: "23503" }, message: "foreign key" })).toBe(false);
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
  });
});
