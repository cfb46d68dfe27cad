import { requireCapability } from "@/lib/auth/current-user";
import { type CurrentUser, canManageJournee, type JourneeScope, journeeScope } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request";
import { logUnexpected } from "@/lib/log";
import { type Refused, refused } from "@/lib/result";
import { findJourneeRef } from "./queries";

/** Who acts, as the audit log records them. */
export type Actor = { id: string; email: string; ip: string | null };
export type Managing = { ok: true; user: CurrentUser; actor: Actor; scope: JourneeScope };
export type ManageRefusal = "unauthenticated" | "forbidden" | "not_found";

/**
 * For the staff server actions on one journée: signed in, and allowed to manage this journée
 * (unknown journée → not_found, someone else's → forbidden). The mutations then scope their
 * `where` with `scope` again.
 */
export async function authorizeManage(journeeId: unknown): Promise<Managing | Refused<ManageRefusal>> {
  const id = typeof journeeId === "string" && journeeId.length <= 40 ? journeeId : "";
  const ref = id ? await findJourneeRef(id) : null;
  const auth = await requireCapability((u) => (ref ? canManageJournee(u, ref) : canManageJournee(u, NOWHERE)));
  if (!auth.ok) return auth;
  if (!ref) return refused("not_found");
  return { ok: true, user: auth.user, actor: await actorOf(auth.user), scope: journeeScope(auth.user, "manage") };
}
const NOWHERE = { id: "", partnerId: "" };

export async function actorOf(user: CurrentUser): Promise<Actor> {
  return { id: user.id, email: user.email, ip: await clientIp() };
}

/** Runs an action body; an unexpected error becomes `{ ok: false, reason: "error", ref }` (logged). */
export async function guarded<T>(where: string, run: () => Promise<T>): Promise<T | Refused<"error">> {
  try {
    return await run();
  } catch (error) {
    return refused("error", { ref: logUnexpected(error, { where }) });
  }
}
