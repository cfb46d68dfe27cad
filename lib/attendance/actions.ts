"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { clientIp } from "@/lib/auth/request";
import { authorizeManage, guarded } from "@/lib/journee-admin/authorize";
import { refused } from "@/lib/result";
import { serverSecret } from "@/lib/security/secret";
import { countersignAs, reopenAs, setAttendanceSettingsAs } from "./mutations/close";
import { attestPresence } from "./mutations/door";
import { decideJustificationAs, recordJustifiedAbsenceAs, requestJustificationFor } from "./mutations/justification";
import { signWithRoomCodeFor } from "./mutations/own-phone";
import { findJustification, isHalfDayOf } from "./queries/scope";
import {
  AttendanceSettingsSchema,
  AttestRequestSchema,
  CountersignSchema,
  DecideJustificationSchema,
  RecordJustifiedAbsenceSchema,
  ReopenSchema,
  RequestJustificationSchema,
  SignWithRoomCodeSchema,
} from "./schema";
import { normaliseSignature } from "./signature-image";

/**
 * The signed émargement's server actions (issue 13). Each one authorises, validates with the shared
 * schema, calls a mutation and answers `{ ok: true, … } | { ok: false, reason }` (labels.ts).
 */

/** The person signs on their own phone with the room's code (management token = who they are). */
export async function signWithRoomCode(input: { token: string; code: string; png: string }) {
  const parsed = SignWithRoomCodeSchema.safeParse(input);
  if (!parsed.success) {
    const codeBad = parsed.error.issues.some((i) => i.path[0] === "code");
    return refused(
      codeBad
        ? "invalid_code"
        : parsed.error.issues.some((i) => i.path[0] === "png")
          ? "invalid_image"
          : "not_registered",
    );
  }
  return guarded("signWithRoomCode", async () =>
    signWithRoomCodeFor(parsed.data, { secret: serverSecret(), clientIp: await clientIp() }),
  );
}

/** The person asks for their absence to be justified (from their management link). */
export async function requestJustification(input: { token: string; partKey: string; reason: string }) {
  const parsed = RequestJustificationSchema.safeParse(input);
  if (!parsed.success) return refused("invalid", { fieldErrors: fieldErrors(parsed.error) });
  return guarded("requestJustification", () => requestJustificationFor(parsed.data));
}

/** An organiser of the journée accepts or refuses a request (audited). */
export async function decideJustification(input: { id: string; accept: boolean }) {
  const parsed = DecideJustificationSchema.safeParse(input);
  if (!parsed.success) return refused("invalid");
  return guarded("decideJustification", async () => {
    const target = await findJustification(parsed.data.id);
    const auth = await authorizeManage(target?.journeeId ?? "");
    if (!auth.ok) return auth;
    if (!target) return refused("not_found");
    const outcome = await decideJustificationAs(auth.actor, target, parsed.data.accept);
    refresh(target.journeeId);
    return outcome;
  });
}

/** An organiser records a justified absence directly (audited). */
export async function recordJustifiedAbsence(input: {
  journeeId: string;
  registrationId: string;
  partKey: string;
  reason: string;
}) {
  const parsed = RecordJustifiedAbsenceSchema.safeParse(input);
  if (!parsed.success) return refused("invalid", { fieldErrors: fieldErrors(parsed.error) });
  return guarded("recordJustifiedAbsence", async () => {
    const auth = await authorizeManage(parsed.data.journeeId);
    if (!auth.ok) return auth;
    if (!(await isHalfDayOf(auth.scope, parsed.data.journeeId, parsed.data.partKey))) return refused("bad_part");
    const outcome = await recordJustifiedAbsenceAs(auth.actor, parsed.data);
    refresh(parsed.data.journeeId);
    return outcome;
  });
}

/** Scan only, or scan + signature; the lateness tolerance (audited with before and after). */
export async function setAttendanceSettings(input: {
  journeeId: string;
  attendanceProof: "SCAN_ONLY" | "SCAN_AND_SIGNATURE";
  lateToleranceMinutes: number;
}) {
  const parsed = AttendanceSettingsSchema.safeParse(input);
  if (!parsed.success) return refused("invalid", { fieldErrors: fieldErrors(parsed.error) });
  return guarded("setAttendanceSettings", async () => {
    const auth = await authorizeManage(parsed.data.journeeId);
    if (!auth.ok) return auth;
    const outcome = await setAttendanceSettingsAs(auth.actor, parsed.data);
    refresh(parsed.data.journeeId);
    return outcome;
  });
}

/** The organiser's countersignature closes the half-day. */
export async function countersignHalfDay(input: { journeeId: string; partKey: string; png: string }) {
  const parsed = CountersignSchema.safeParse(input);
  if (!parsed.success) return refused("invalid_image");
  return guarded("countersignHalfDay", async () => {
    const auth = await authorizeManage(parsed.data.journeeId);
    if (!auth.ok) return auth;
    if (!(await isHalfDayOf(auth.scope, parsed.data.journeeId, parsed.data.partKey))) return refused("bad_part");
    const image = normaliseSignature(parsed.data.png);
    if (!image) return refused("invalid_image");
    const name = auth.user.name?.trim() || auth.user.email;
    const outcome = await countersignAs({ ...auth.actor, name }, parsed.data.journeeId, parsed.data.partKey, image);
    refresh(parsed.data.journeeId);
    return outcome;
  });
}

/** Reopens a closed half-day, with a reason (audited). */
export async function reopenHalfDay(input: { journeeId: string; partKey: string; reason: string }) {
  const parsed = ReopenSchema.safeParse(input);
  if (!parsed.success) return refused("invalid", { fieldErrors: fieldErrors(parsed.error) });
  return guarded("reopenHalfDay", async () => {
    const auth = await authorizeManage(parsed.data.journeeId);
    if (!auth.ok) return auth;
    if (!(await isHalfDayOf(auth.scope, parsed.data.journeeId, parsed.data.partKey))) return refused("bad_part");
    const outcome = await reopenAs(auth.actor, parsed.data.journeeId, parsed.data.partKey, parsed.data.reason);
    refresh(parsed.data.journeeId);
    return outcome;
  });
}

/**
 * From the organiser's sheet page: « présence attestée par l'agent » for someone present whose
 * signature is missing (skipped at the door, or a walk-in recorded offline). Same record and rules
 * as the door's attestation (attestPresence: check-in rights, open sheet, one per half-day).
 */
export async function attestFromSheet(input: {
  journeeId: string;
  partKey: string;
  registrationId: string;
  reason: string;
}) {
  const parsed = AttestRequestSchema.safeParse({ ...input, nonce: randomUUID(), door: "Feuille d'émargement" });
  if (!parsed.success) return refused("invalid", { fieldErrors: fieldErrors(parsed.error) });
  return guarded("attestFromSheet", async () => {
    const auth = await authorizeManage(parsed.data.journeeId);
    if (!auth.ok) return auth;
    const outcome = await attestPresence(parsed.data, { user: auth.user, clientIp: auth.actor.ip });
    refresh(parsed.data.journeeId);
    return outcome.ok ? { ok: true as const } : outcome;
  });
}

function refresh(journeeId: string) {
  revalidatePath(`/organisateur/journees/${journeeId}`);
  revalidatePath(`/organisateur/journees/${journeeId}/emargement`);
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
}
