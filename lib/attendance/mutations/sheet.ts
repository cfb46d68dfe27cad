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
 * change slips in after the countersignature (`closedAt` is read under the same lock).
 */
export async function lockSheet(tx: Tx, journeeId: string, partKey: string): Promise<LockedSheet> {
  const rows = await tx.$queryRaw<LockedSheet[]>`
    INSERT INTO "HalfDaySheet" (id, "journeeId", "partKey", "headSeq", "headHash", "updatedAt")
    VALUES (${newId()}, ${journeeId}, ${partKey}, 0, ${genesisHash(journeeId, partKey)}, now())
    ON CONFLICT ("journeeId", "partKey") DO UPDATE SET "headSeq" = "HalfDaySheet"."headSeq"
    RETURNING id, "headSeq", "headHash", "closedAt"`;
  return rows[0];
}
