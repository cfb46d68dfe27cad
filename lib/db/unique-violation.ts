/**
 * Whether a Prisma error is a unique-index violation: P2002 from the query builder; from a raw
 * statement, P2010 carrying PostgreSQL's SQLSTATE 23505 — as `meta.code`, as the driver adapter's
 * `UniqueConstraintViolation`, or only in the serialized meta or message (PGlite and pg word it
 * differently). One definition for registration and check-in, which both lean on unique indexes.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as {
    code?: string;
    message?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string } } };
  };
  if (e.code === "P2002") return true;
  if (e.code !== "P2010") return false;
  if (e.meta?.code === "23505" || e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation") return true;
  return /23505|unique constraint/i.test(`${JSON.stringify(e.meta ?? {})} ${e.message ?? ""}`);
}
