import { z } from "zod";
import { SIGNATURE_LIMITS } from "./constants";

/**
 * The signed émargement (issue 13, decision 020): request shapes shared by the own-phone page and
 * the server. No server imports here. The scanner imports plain values from constants.ts (no zod).
 */
export { SIGNATURE_LIMITS };

/** Base64 of at most maxBytes (4/3, rounded up, plus padding). */
const MAX_BASE64 = Math.ceil(SIGNATURE_LIMITS.maxBytes / 3) * 4;

const id = z.string().trim().min(1).max(64);
const nonce = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const png = z
  .string()
  .min(8)
  .max(MAX_BASE64)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const SignatureRequestSchema = z.object({
  journeeId: id,
  registrationId: id,
  partKey: id,
  png,
  nonce,
  deviceId: z.string().trim().max(64).default(""),
  door: z.string().trim().max(40).default(""),
  offline: z.boolean().default(false),
  clientSignedAt: z.coerce.date().optional(),
});
export type SignatureRequest = z.infer<typeof SignatureRequestSchema>;

export const AttestRequestSchema = z.object({
  journeeId: id,
  registrationId: id,
  partKey: id,
  reason: z.string().trim().min(3, "Indiquez la raison (3 caractères au moins)").max(200),
  nonce,
  deviceId: z.string().trim().max(64).default(""),
  door: z.string().trim().max(40).default(""),
});
export type AttestRequest = z.infer<typeof AttestRequestSchema>;

/** By the registration (search, « départ » button) or by the ticket read in check-out mode. */
export const DepartureRequestSchema = z
  .object({
    journeeId: id,
    registrationId: id.optional(),
    ticket: z.string().trim().min(1).max(200).optional(),
    partKey: id,
    nonce,
    door: z.string().trim().max(40).default(""),
    offline: z.boolean().default(false),
    clientAt: z.coerce.date().optional(),
  })
  .refine((r) => Boolean(r.registrationId) !== Boolean(r.ticket), { message: "registrationId ou ticket" });
export type DepartureRequest = z.infer<typeof DepartureRequestSchema>;

/** A room code: 6 characters of an alphabet without look-alikes (no I, L, O, 0, 1). */
export const ROOM_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const RoomCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJKMNP-Z2-9]{6}$/);

export const SignWithRoomCodeSchema = z.object({ token: z.string().min(10).max(200), code: RoomCodeSchema, png });
export const RequestJustificationSchema = z.object({
  token: z.string().min(10).max(200),
  partKey: id,
  reason: z.string().trim().min(3, "Indiquez le motif (3 caractères au moins)").max(300),
});
export const DecideJustificationSchema = z.object({ id, accept: z.boolean() });
export const RecordJustifiedAbsenceSchema = z.object({
  journeeId: id,
  registrationId: id,
  partKey: id,
  reason: z.string().trim().min(3, "Indiquez le motif (3 caractères au moins)").max(300),
});
export const AttendanceSettingsSchema = z.object({
  journeeId: id,
  attendanceProof: z.enum(["SCAN_ONLY", "SCAN_AND_SIGNATURE"]),
  lateToleranceMinutes: z.coerce.number().int().min(0, "Entre 0 et 120 minutes").max(120, "Entre 0 et 120 minutes"),
});
export const CountersignSchema = z.object({ journeeId: id, partKey: id, png });
export const ReopenSchema = z.object({
  journeeId: id,
  partKey: id,
  reason: z.string().trim().min(3, "Indiquez la raison (3 caractères au moins)").max(300),
});

export type SignatureMethod = "DOOR_DEVICE" | "OWN_PHONE" | "AGENT_ATTESTED";

export const SIGNATURE_REFUSALS = [
  "not_checked_in",
  "already_signed",
  "sheet_closed",
  "forbidden",
  "invalid_image",
  "invalid",
  "offline_conflict",
  /** The journée asks for the scan only (SCAN_ONLY): no signature is taken. */
  "scan_only",
] as const;
export type SignatureRefusal = (typeof SIGNATURE_REFUSALS)[number];
export type SignatureOutcome = { ok: true; status: "signed" | "replayed" } | { ok: false; reason: SignatureRefusal };
