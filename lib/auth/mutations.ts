import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/text/normalize";
import type { Role } from "./permissions";

const ADAPTER_METHODS = [
  "getUser",
  "getUserByEmail",
  "getUserByAccount",
  "updateUser",
  "linkAccount",
  "createSession",
  "getSessionAndUser",
  "updateSession",
  "deleteSession",
  "createVerificationToken",
  "useVerificationToken",
] as const;

/**
 * next-auth's Prisma adapter on the lazily opened client. There is no open sign-up: createUser
 * always refuses (users exist only by invitation), and so does deleting users through next-auth.
 */
export function prismaAdapter(): Adapter {
  let inner: Promise<Adapter> | undefined;
  const load = () => {
    inner ??= getDb().then((db) => PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]));
    return inner;
  };
  const adapter: Record<string, unknown> = {
    createUser: async () => {
      throw new Error("Inscription libre désactivée : seuls les utilisateurs invités peuvent se connecter.");
    },
  };
  for (const name of ADAPTER_METHODS) {
    adapter[name] = async (...args: unknown[]) => {
      const method = (await load())[name] as (...a: unknown[]) => unknown;
      return method(...args);
    };
  }
  return adapter as Adapter;
}

/**
 * Fixed-window counter shared by every instance: one atomic upsert per attempt.
 * Returns whether this attempt is within the limit.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, (now() AT TIME ZONE 'UTC') + ${windowSeconds}::int * interval '1 second')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= (now() AT TIME ZONE 'UTC') THEN 1
                     ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= (now() AT TIME ZONE 'UTC')
                       THEN (now() AT TIME ZONE 'UTC') + ${windowSeconds}::int * interval '1 second'
                       ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0) <= limit;
}

/** Keeps the latest ProConnect ID token (for the end-session request), or forgets it (e-mail sign-in). */
export async function storeProConnectIdToken(userId: string, idToken: string | null): Promise<void> {
  const db = await getDb();
  await db.account.updateMany({ where: { userId, provider: "proconnect" }, data: { id_token: idToken } });
}

export type GrantInput = { role: Role; partnerId?: string | null; journeeId?: string | null };

/**
 * Creates (or re-activates) a user and adds the grant when they do not hold it yet (no grant: a
 * user without any role). Idempotent. Used by `npm run admin:create` and the end-to-end test
 * hooks; audited as `user.invite`.
 */
export async function ensureUserWithGrant(input: {
  email: string;
  name?: string | null;
  grant: GrantInput | null;
  actor?: { id: string | null; label: string };
}): Promise<{ userId: string; created: boolean; granted: boolean }> {
  const db = await getDb();
  const email = normalizeEmail(input.email);
  const grant = input.grant
    ? { role: input.grant.role, partnerId: input.grant.partnerId ?? null, journeeId: input.grant.journeeId ?? null }
    : null;
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, active: true } });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { active: true }, select: { id: true } })
      : await tx.user.create({ data: { email, name: input.name ?? null, invitedById: input.actor?.id ?? null } });
    const held = grant
      ? await tx.roleAssignment.findFirst({ where: { userId: user.id, ...grant }, select: { id: true } })
      : { id: "" };
    if (grant && !held) await tx.roleAssignment.create({ data: { userId: user.id, ...grant } });
    if (!existing?.active || !held) {
      await writeAudit(
        {
          action: "user.invite",
          actorId: input.actor?.id ?? null,
          actorLabel: input.actor?.label ?? "système",
          entityType: "User",
          entityId: user.id,
          details: { email, ...(grant ?? { role: null }), reactivated: !!existing && !existing.active },
        },
        tx,
      );
    }
    return { userId: user.id, created: !existing, granted: !held };
  });
}
