import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { genesisHash } from "../chain";

export type Tx = Prisma.TransactionClient;
export type LockedSheet = { id: string; headSeq: number; headHash: string; closedAt: Date | null };

/** A cuid-shaped id for rows inserted by raw statements. */
export const newId = () =>
  `c${randomBytes(15)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 24)}`;

/**
 * The half-day's sheet row, created if needed and locked until the transaction ends, in ONE
 * statement (an upsert's DO UPDATE takes the row lock): every chain append, closing, reopening and
 * change of a presence of that half-day goes through it, so two doors never fork the chain and no
 * change slips in after the countersignature (`closedAt` is read under the same lock). It moves
 * `updatedAt`: a door append hashed on the head before (append-head.ts) then retries on fresh reads.
 */
export async function lockSheet(tx: Tx, journeeId: string, partKey: string): Promise<LockedSheet> {
  const rows = await tx.$queryRaw<LockedSheet[]>`
    INSERT INTO "HalfDaySheet" (id, "journeeId", "partKey", "headSeq", "headHash", "updatedAt")
    VALUES (${newId()}, ${journeeId}, ${partKey}, 0, ${genesisHash(journeeId, partKey)}, now())
    ON CONFLICT ("journeeId", "partKey") DO UPDATE SET "updatedAt" = clock_timestamp()
    RETURNING id, "headSeq", "headHash", "closedAt"`;
  return rows[0];
}

/**
 * A presence change (walk-in, offline takeover) shares the half-day's sheet lock until the
 * transaction ends: changes of presences run side by side, but never across the countersignature
 * (which takes the row for update), and `closed` is read under that lock. The row is created open
 * first if needed (an insert that waits for a concurrent one rather than a pre-check).
 */
export async function shareSheet(tx: Tx, journeeId: string, partKey: string): Promise<{ closed: boolean }> {
  await tx.$executeRaw`
    INSERT INTO "HalfDaySheet" (id, "journeeId", "partKey", "headSeq", "headHash", "updatedAt")
    VALUES (${newId()}, ${journeeId}, ${partKey}, 0, ${genesisHash(journeeId, partKey)}, now())
    ON CONFLICT ("journeeId", "partKey") DO NOTHING`;
  const rows = await tx.$queryRaw<{ closed: boolean }[]>`
    SELECT "closedAt" IS NOT NULL AS closed FROM "HalfDaySheet"
    WHERE "journeeId" = ${journeeId} AND "partKey" = ${partKey} FOR SHARE`;
  return { closed: rows[0]?.closed ?? false };
}
