"use server";

import { revalidatePath } from "next/cache";
import { requireCapability } from "@/lib/auth/current-user";
import { canManageUsers } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request";
import { logUnexpected } from "@/lib/log";
import { ok, type Result, refused } from "@/lib/result";
import { grantRole, revokeGrant, setUserActive } from "./mutations";
import { grantSchema, idSchema, type UserRefusal } from "./schema";

/** Users and roles: admins only — authorise, validate, mutate (audited), refresh the page. */
export type Outcome = Result<{ message?: string }, UserRefusal | "error">;

async function asAdmin() {
  const auth = await requireCapability(canManageUsers);
  if (!auth.ok) return auth;
  return { ok: true as const, actor: { id: auth.user.id, email: auth.user.email, ip: await clientIp() } };
}

async function guarded(where: string, run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    return refused("error", { ref: logUnexpected(error, { where }) });
  }
}

export async function grantRoleAction(_prev: Outcome | null, formData: FormData): Promise<Outcome> {
  return guarded("grantRoleAction", async () => {
    const admin = await asAdmin();
    if (!admin.ok) return admin;
    const parsed = grantSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return refused("invalid", { fieldErrors });
    }
    const result = await grantRole(admin.actor, parsed.data);
    if (!result.ok) return result;
    revalidatePath("/organisateur/utilisateurs");
    const message = result.created
      ? `${parsed.data.email} est invité : il ou elle peut se connecter avec ProConnect ou un lien par e-mail.`
      : result.granted
        ? `Rôle ajouté à ${parsed.data.email}.`
        : `${parsed.data.email} a déjà ce rôle.`;
    return ok({ message });
  });
}

export async function revokeGrantAction(_prev: Outcome | null, formData: FormData): Promise<Outcome> {
  return guarded("revokeGrantAction", async () => {
    const admin = await asAdmin();
    if (!admin.ok) return admin;
    const id = idSchema.safeParse(formData.get("grantId"));
    if (!id.success) return refused("invalid");
    const result = await revokeGrant(admin.actor, id.data);
    if (result.ok) revalidatePath("/organisateur/utilisateurs");
    return result;
  });
}

export async function setUserActiveAction(_prev: Outcome | null, formData: FormData): Promise<Outcome> {
  return guarded("setUserActiveAction", async () => {
    const admin = await asAdmin();
    if (!admin.ok) return admin;
    const id = idSchema.safeParse(formData.get("userId"));
    if (!id.success) return refused("invalid");
    const result = await setUserActive(admin.actor, id.data, formData.get("active") === "true");
    if (result.ok) revalidatePath("/organisateur/utilisateurs");
    return result;
  });
}
