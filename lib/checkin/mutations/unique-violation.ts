/** P2002 from the query builder; from a raw statement, PostgreSQL's 23505 inside P2010. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string } } } };
  if (e.code === "P2002") return true;
  return (
    e.code === "P2010" &&
    (e.meta?.code === "23505" || e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation")
  );
}
