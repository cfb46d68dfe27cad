import type { RegistrationRefusal } from "../labels";

/** Thrown inside a transaction to roll it back, then turned into a `refused(...)` value. */
export class RegistrationRefused extends Error {
  constructor(
    readonly reason: RegistrationRefusal,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(reason);
  }
}

/** Prisma reports a unique violation as P2002 (model queries) or P2010 + SQLSTATE 23505 (raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; meta?: unknown; message?: string };
  if (e.code === "P2002") return true;
  return e.code === "P2010" && /23505|unique constraint/i.test(`${JSON.stringify(e.meta ?? {})} ${e.message ?? ""}`);
}
