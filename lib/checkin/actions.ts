"use server";

import { requireUser } from "@/lib/auth/current-user";
import { canCheckIn, journeeScope } from "@/lib/auth/permissions";
import { logUnexpected } from "@/lib/log";
import { ok, type Result, refused } from "@/lib/result";
import { isValidPartKey } from "./evaluate";
import { actorFor, registerWalkIn, undoCheckIn } from "./mutations";
import { getCheckInJournee, type SearchHit, searchRegistrations } from "./queries";
import { type ScanOutcome, SearchSchema, UndoSchema, type WalkInInput, WalkInSchema } from "./schema";

/** Server actions of the scanner: authorise → validate → call the query or mutation → a value. */

async function journeeFor(journeeId: string) {
  const auth = await requireUser();
  if (!auth.ok) return null;
  const journee = await getCheckInJournee(journeeScope(auth.user, "checkIn"), journeeId);
  return journee && canCheckIn(auth.user, journee) ? { user: auth.user, journee } : null;
}

export type SearchRow = Omit<SearchHit, "checkedInAt"> & { checkedInAt: string | null };

export async function searchAction(input: {
  journeeId: string;
  partKey: string;
  q: string;
}): Promise<Result<{ hits: SearchRow[] }, "invalid" | "forbidden">> {
  const parsed = SearchSchema.safeParse(input);
  if (!parsed.success) return refused("invalid");
  const ctx = await journeeFor(parsed.data.journeeId);
  if (!ctx) return refused("forbidden");
  const { journeeId, partKey, q } = parsed.data;
  const hits = await searchRegistrations(journeeScope(ctx.user, "checkIn"), journeeId, partKey, q);
  return ok({ hits: hits.map((h) => ({ ...h, checkedInAt: h.checkedInAt?.toISOString() ?? null })) });
}

export async function undoAction(input: { checkInId: string }): Promise<Result<object, string>> {
  const parsed = UndoSchema.safeParse(input);
  if (!parsed.success) return refused("not_found");
  const auth = await requireUser();
  if (!auth.ok) return refused("forbidden");
  const user = auth.user;
  try {
    // Only the agent's id and name are recorded for an undo (the capacity right plays no part).
    const actor = actorFor(user, { id: "", partnerId: "" });
    const result = await undoCheckIn(parsed.data.checkInId, actor, (j) => canCheckIn(user, j));
    return result.ok ? ok() : result;
  } catch (error) {
    return refused("error", { ref: logUnexpected(error, { action: "checkin.undo", userId: user.id }) });
  }
}

export async function walkInAction(
  input: WalkInInput,
): Promise<Result<{ outcome: ScanOutcome; overCapacity: boolean }, string> & { canForce?: boolean }> {
  const parsed = WalkInSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return refused("invalid", { fieldErrors });
  }
  const ctx = await journeeFor(parsed.data.journeeId);
  if (!ctx) return refused("forbidden");
  if (!isValidPartKey(ctx.journee, parsed.data.partKey)) return refused("invalid");
  const actor = actorFor(ctx.user, ctx.journee);
  try {
    const result = await registerWalkIn(parsed.data, ctx.journee, actor);
    return result.ok
      ? result
      : { ...result, canForce: (result.reason === "full" || result.reason === "part_full") && actor.mayOverCapacity };
  } catch (error) {
    return refused("error", { ref: logUnexpected(error, { action: "checkin.walk_in", userId: ctx.user.id }) });
  }
}
