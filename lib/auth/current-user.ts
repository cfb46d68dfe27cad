import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth, SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/auth";
import { type Refused, refused } from "@/lib/result";
import { type CurrentUser, canEnterOrganiserArea } from "./permissions";
import { loadCurrentUser, loadUserBySessionToken } from "./queries";

/**
 * The signed-in user and their grants, read once per request from the next-auth database session.
 * Server-only (it reads the session cookie). A deactivated user is treated as anonymous.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadCurrentUser(id);
});

// next-auth's default cookie names for database sessions (auth.ts sets none of its own).
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * Same answer as getCurrentUser (valid unexpired session, active user, grants; the session is
 * extended like next-auth does), read in one statement straight from the session cookie. For the
 * scanner's JSON routes, called at every scan; a deactivated user or a signed-out session is
 * refused at the very next request, on every instance.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await sessionToken();
  return token ? loadUserBySessionToken(token, sessionLifetime()) : null;
});

/** How long a session lives and when it is extended (next-auth's maxAge / updateAge). */
export function sessionLifetime() {
  return { maxAgeS: SESSION_MAX_AGE_SECONDS, updateAgeS: SESSION_UPDATE_AGE_SECONDS };
}

/** The next-auth session cookie's value (not checked: loadUserBySessionToken does that). */
export async function sessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  return SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
}

export type AuthRefusal = "unauthenticated" | "forbidden";
export type Authorized = { ok: true; user: CurrentUser };

/** For server actions and route handlers: the user, or a refusal to return as is (never throws). */
export async function requireUser(
  load: () => Promise<CurrentUser | null> = getCurrentUser,
): Promise<Authorized | Refused<"unauthenticated">> {
  const user = await load();
  return user ? { ok: true, user } : refused("unauthenticated");
}

/** `requireCapability((u) => canManageJournee(u, journee))` — unauthenticated, forbidden, or the user. */
export async function requireCapability(
  check: (user: CurrentUser) => boolean,
): Promise<Authorized | Refused<AuthRefusal>> {
  const user = await getCurrentUser();
  if (!user) return refused("unauthenticated");
  return check(user) ? { ok: true, user } : refused("forbidden");
}

export const FORBIDDEN_PATH = "/acces-refuse";

/**
 * For pages: anonymous visitors go to /connexion (and come back after signing in); signed-in users
 * without the right go to the "accès refusé" page. Returns the user otherwise.
 */
export async function requirePageUser(
  returnTo: string,
  check: (user: CurrentUser) => boolean = canEnterOrganiserArea,
): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/connexion?${new URLSearchParams({ callbackUrl: returnTo })}`);
  if (!check(user)) redirect(FORBIDDEN_PATH);
  return user;
}

/** French messages for the refusal reasons. */
export const AUTH_REFUSAL_LABELS: Record<AuthRefusal, string> = {
  unauthenticated: "Votre session a expiré : reconnectez-vous.",
  forbidden: "Vous n'avez pas les droits nécessaires pour cette action.",
};
