/**
 * Who may do what — pure functions, no database. Every server action, route handler and query
 * asks these (and puts `journeeScope` inside its `where`), so the rules live in one place.
 *
 * - ADMIN: everything (global, whatever the scope on the grant);
 * - ORGANISATEUR: the journées of their partner (or one journée): manage, check-in, reports;
 * - AGENT (agent d'accueil): check-in only, on the journées assigned (or a partner's);
 * - LECTEUR: read-only dashboards and exports, across the programme (or a partner's journées).
 * A grant with neither partnerId nor journeeId covers every journée.
 */
export type Role = "ADMIN" | "ORGANISATEUR" | "AGENT" | "LECTEUR";
export const ROLES: readonly Role[] = ["ADMIN", "ORGANISATEUR", "AGENT", "LECTEUR"];

export type RoleGrant = { role: Role; partnerId: string | null; journeeId: string | null };
export type CurrentUser = { id: string; email: string; name: string | null; grants: RoleGrant[] };
export type JourneeRef = { id: string; partnerId: string };

/** manage: edit, registrations; checkIn: the door; reports: dashboards and exports; view: any of them. */
export type Capability = "manage" | "checkIn" | "reports" | "view";

const ROLES_FOR: Record<Capability, readonly Role[]> = {
  manage: ["ORGANISATEUR"],
  checkIn: ["ORGANISATEUR", "AGENT"],
  reports: ["ORGANISATEUR", "LECTEUR"],
  view: ["ORGANISATEUR", "AGENT", "LECTEUR"],
};

type MaybeUser = CurrentUser | null | undefined;

export function isAdmin(user: MaybeUser): boolean {
  return !!user?.grants.some((g) => g.role === "ADMIN");
}

function covers(grant: RoleGrant, journee: JourneeRef): boolean {
  if (grant.partnerId === null && grant.journeeId === null) return true;
  return grant.partnerId === journee.partnerId || grant.journeeId === journee.id;
}

/** True when the user holds the capability on this journée (or, without a journée, on at least one). */
export function can(user: MaybeUser, capability: Capability, journee?: JourneeRef): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  const roles = ROLES_FOR[capability];
  return user.grants.some((g) => roles.includes(g.role) && (!journee || covers(g, journee)));
}

export function canManageJournee(user: MaybeUser, journee: JourneeRef): boolean {
  return can(user, "manage", journee);
}

export function canCheckIn(user: MaybeUser, journee: JourneeRef): boolean {
  return can(user, "checkIn", journee);
}

export function canReadReports(user: MaybeUser, journee?: JourneeRef): boolean {
  return can(user, "reports", journee);
}

export function canManageUsers(user: MaybeUser): boolean {
  return isAdmin(user);
}

/** Creating a journée for a partner: admin, or organisateur of that partner (partner-wide grant). */
export function canCreateJourneeFor(user: MaybeUser, partnerId: string): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  return user.grants.some(
    (g) => g.role === "ORGANISATEUR" && g.journeeId === null && (g.partnerId === null || g.partnerId === partnerId),
  );
}

/** The organiser area is for anyone holding at least one grant. */
export function canEnterOrganiserArea(user: MaybeUser): boolean {
  return !!user && user.grants.length > 0;
}

/** A plain Prisma `where` fragment for `Journee` — `{}` means all, `{ id: { in: [] } }` means none. */
export type JourneeScope =
  | Record<string, never>
  | { partnerId: { in: string[] } }
  | { id: { in: string[] } }
  | { OR: ({ partnerId: { in: string[] } } | { id: { in: string[] } })[] };

export function journeeScope(user: MaybeUser, capability: Capability): JourneeScope {
  if (!user) return { id: { in: [] } };
  if (isAdmin(user)) return {};
  const grants = user.grants.filter((g) => ROLES_FOR[capability].includes(g.role));
  if (grants.some((g) => g.partnerId === null && g.journeeId === null)) return {};
  const partnerIds = [...new Set(grants.flatMap((g) => (g.partnerId ? [g.partnerId] : [])))];
  const journeeIds = [...new Set(grants.flatMap((g) => (g.journeeId ? [g.journeeId] : [])))];
  if (partnerIds.length && journeeIds.length) {
    return { OR: [{ partnerId: { in: partnerIds } }, { id: { in: journeeIds } }] };
  }
  if (partnerIds.length) return { partnerId: { in: partnerIds } };
  return { id: { in: journeeIds } };
}

/** Same rules, for a list already in memory (e.g. to show which actions a row offers). */
export function inScope(scope: JourneeScope, journee: JourneeRef): boolean {
  if ("OR" in scope) return scope.OR.some((s) => inScope(s, journee));
  if ("partnerId" in scope) return scope.partnerId.in.includes(journee.partnerId);
  if ("id" in scope) return scope.id.in.includes(journee.id);
  return true;
}
