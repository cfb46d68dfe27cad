import { writeAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import { type Refused, refused } from "@/lib/result";
import type { GrantInput, UserRefusal } from "./schema";

export type Actor = { id: string; email: string; ip: string | null };
const by = (actor: Actor) => ({ actorId: actor.id, actorLabel: actor.email, ip: actor.ip });

/** Gives a role to an address, creating (inviting) the user when new. Idempotent; audited. */
export async function grantRole(
  actor: Actor,
  input: GrantInput,
): Promise<{ ok: true; userId: string; created: boolean; granted: boolean } | Refused<UserRefusal>> {
  const db = await getDb();
  const { email, name, role, partnerId, journeeId } = input;
  if (partnerId && !(await db.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) {
    return refused("unknown_scope");
  }
  if (journeeId && !(await db.journee.findUnique({ where: { id: journeeId }, select: { id: true } }))) {
    return refused("unknown_scope");
  }
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true } });
    const created = !user;
    if (!user) {
      user = await tx.user.create({ data: { email, name, invitedById: actor.id }, select: { id: true, name: true } });
      await writeAudit(
        { action: "user.invite", ...by(actor), entityType: "User", entityId: user.id, details: { email } },
        tx,
      );
    } else if (name && !user.name) {
      await tx.user.update({ where: { id: user.id }, data: { name } });
    }
    const grant = { role, partnerId, journeeId };
    const held = await tx.roleAssignment.findFirst({ where: { userId: user.id, ...grant }, select: { id: true } });
    if (!held) {
      const row = await tx.roleAssignment.create({ data: { userId: user.id, ...grant }, select: { id: true } });
      await writeAudit(
        {
          action: "user.role_granted",
          ...by(actor),
          entityType: "User",
          entityId: user.id,
          details: { email, grantId: row.id, ...grant },
        },
        tx,
      );
    }
    return { ok: true as const, userId: user.id, created, granted: !held };
  });
}

/** Removes one role. An admin cannot remove their own last admin role (no lock-out). */
export async function revokeGrant(actor: Actor, grantId: string): Promise<{ ok: true } | Refused<UserRefusal>> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const grant = await tx.roleAssignment.findUnique({
      where: { id: grantId },
      select: {
        id: true,
        userId: true,
        role: true,
        partnerId: true,
        journeeId: true,
        user: { select: { email: true } },
      },
    });
    if (!grant) return refused("not_found");
    if (grant.userId === actor.id && grant.role === "ADMIN") {
      const admins = await tx.roleAssignment.count({ where: { userId: actor.id, role: "ADMIN" } });
      if (admins <= 1) return refused("self_lockout");
    }
    await tx.roleAssignment.delete({ where: { id: grant.id } });
    const { user, ...details } = grant;
    await writeAudit(
      {
        action: "user.role_revoked",
        ...by(actor),
        entityType: "User",
        entityId: grant.userId,
        details: { ...details, email: user.email, grantId },
      },
      tx,
    );
    return { ok: true as const };
  });
}

/** Deactivating signs the user out everywhere (their sessions are deleted) and keeps them out. */
export async function setUserActive(
  actor: Actor,
  userId: string,
  active: boolean,
): Promise<{ ok: true } | Refused<UserRefusal>> {
  if (userId === actor.id && !active) return refused("self_lockout");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, active: true } });
    if (!user) return refused("not_found");
    if (user.active === active) return { ok: true as const };
    await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await writeAudit(
      {
        action: active ? "user.reactivate" : "user.deactivate",
        ...by(actor),
        entityType: "User",
        entityId: userId,
        details: { email: user.email },
      },
      tx,
    );
    return { ok: true as const };
  });
}
