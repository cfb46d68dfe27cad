import { notFound } from "next/navigation";
import { getCurrentUser, requirePageUser } from "@/lib/auth/current-user";
import { can, canManageJournee, journeeScope } from "@/lib/auth/permissions";
import { findJourneeRef, findJourneeTitle, getManagedJournee } from "./queries";

/**
 * For the management pages of one journée: anonymous → /connexion, not allowed to manage THIS
 * journée → /acces-refuse, unknown → 404. Returns the user, their scope and the journée.
 */
export async function managedJourneeForPage(id: string, returnTo: string) {
  const ref = await findJourneeRef(id);
  const user = await requirePageUser(returnTo, (u) => (ref ? canManageJournee(u, ref) : can(u, "manage")));
  const scope = journeeScope(user, "manage");
  const journee = await getManagedJournee(scope, id);
  if (!journee) notFound();
  return { user, scope, journee };
}

/** The journée's title for its pages' document titles, when the signed-in staff member may see it. */
export async function staffJourneeTitle(id: string): Promise<string | null> {
  const user = await getCurrentUser();
  return user ? findJourneeTitle(journeeScope(user, "view"), id) : null;
}
