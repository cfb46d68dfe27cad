"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { type CurrentUser, isAdmin } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request";
import { logUnexpected } from "@/lib/log";
import { ok, type Refused, type Result, refused } from "@/lib/result";
import { erasePerson } from "./mutations";
import { countPersonRegistrations } from "./queries";
import { type ErasureInput, type ErasureRefusal, erasureInputSchema } from "./schema";

/** Admins only: erasure is irreversible and spans every partner's journées. */
async function asAdmin(): Promise<{ ok: true; user: CurrentUser } | Refused<ErasureRefusal>> {
  const user = await getCurrentUser();
  if (!user) return refused("unauthenticated");
  return isAdmin(user) ? { ok: true, user } : refused("forbidden");
}

function parse(input: unknown): { ok: true; data: ErasureInput } | Refused<ErasureRefusal> {
  const parsed = erasureInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return refused("invalid", { fieldErrors: { email: parsed.error.issues[0]?.message ?? "Adresse e-mail invalide." } });
}

export type ErasurePreview = Result<{ registrations: number; journees: number }, ErasureRefusal>;
export type ErasureOutcome = Result<{ erased: number }, ErasureRefusal>;

/** Step 1: how many registrations the erasure would anonymise, for the confirmation message. */
export async function previewErasureAction(input: { email: string }): Promise<ErasurePreview> {
  try {
    const admin = await asAdmin();
    if (!admin.ok) return admin;
    const valid = parse(input);
    if (!valid.ok) return valid;
    return ok(await countPersonRegistrations(valid.data.email));
  } catch (error) {
    return refused("error", { ref: logUnexpected(error, { where: "previewErasureAction" }) });
  }
}

/** Step 2, after confirmation: anonymises every registration of that e-mail (audited). */
export async function erasePersonAction(input: { email: string }): Promise<ErasureOutcome> {
  try {
    const admin = await asAdmin();
    if (!admin.ok) return admin;
    const valid = parse(input);
    if (!valid.ok) return valid;
    const actor = { id: admin.user.id, label: admin.user.email, ip: await clientIp() };
    return ok(await erasePerson(valid.data.email, actor));
  } catch (error) {
    return refused("error", { ref: logUnexpected(error, { where: "erasePersonAction" }) });
  }
}
