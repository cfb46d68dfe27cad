import { getDb } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/text/normalize";
import type { CurrentUser } from "./permissions";

/** The signed-in user with their grants, or null when unknown or deactivated. */
export async function loadCurrentUser(userId: string): Promise<CurrentUser | null> {
  const db = await getDb();
  const user = await db.user.findFirst({
    where: { id: userId, active: true },
    select: {
      id: true,
      email: true,
      name: true,
      roles: { select: { role: true, partnerId: true, journeeId: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, grants: user.roles };
}

/** An invited (existing and active) user: the only people who may sign in, whatever the provider. */
export async function findInvitedUser(email: string): Promise<{ id: string; email: string } | null> {
  const db = await getDb();
  return db.user.findFirst({
    where: { email: normalizeEmail(email), active: true },
    select: { id: true, email: true },
  });
}

/** The ProConnect ID token kept for logging out through the provider's end_session_endpoint. */
export async function findProConnectIdToken(userId: string): Promise<string | null> {
  const db = await getDb();
  const account = await db.account.findFirst({
    where: { userId, provider: "proconnect", id_token: { not: null } },
    select: { id_token: true },
  });
  return account?.id_token ?? null;
}
