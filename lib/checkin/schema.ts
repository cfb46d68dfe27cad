import { z } from "zod";
import { MAX, STRUCTURE_TYPES } from "@/lib/registration/schema";

/**
 * The one result vocabulary of a scan: server, scanner screen, exports and audit log all use it
 * (French labels in labels.ts). Shared by client and server: no server imports here.
 */
export const SCAN_RESULTS = [
  "ok",
  "already_checked_in",
  "wrong_journee",
  "not_open_yet",
  "closed",
  "cancelled",
  "waitlisted",
  "unknown",
  /** Offline only: accepted offline while another scan (another device) had already checked the person in. */
  "offline_conflict",
  /** The half-day's sheet was countersigned (closed): no presence is added until an organiser reopens it. */
  "sheet_closed",
] as const;
export const ScanResult = z.enum(SCAN_RESULTS);
export type ScanResult = z.infer<typeof ScanResult>;

export const ScanMethod = z.enum(["QR", "SEARCH", "WALK_IN", "MANUAL"]);
export type ScanMethod = z.infer<typeof ScanMethod>;

export { OFFLINE_SCAN_BOUNDS, UNDO_WINDOW_MS, WHOLE_DAY } from "./constants";

const id = z.string().trim().min(1).max(64);

/** One scan, as sent by a scanner (online now; from an offline queue later). */
export const ScanRequestSchema = z
  .object({
    /** Client-generated, unique per scan: a retried request is never counted twice. */
    nonce: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    ticket: z.string().trim().min(1).max(200).optional(),
    registrationId: id.optional(),
    journeeId: id,
    partKey: id,
    door: z.string().trim().max(40).default(""),
    deviceId: z.string().trim().max(64).default(""),
    scannedAt: z.coerce.date(),
    method: ScanMethod.default("QR"),
    /** Made offline and synced later: scannedAt is the real scan time (within sane bounds). */
    offline: z.boolean().default(false),
    /** What the device answered offline (a local "ok" that the server finds taken = offline_conflict). */
    localResult: ScanResult.optional(),
  })
  .refine((s) => Boolean(s.ticket) !== Boolean(s.registrationId), {
    message: "ticket ou registrationId (un seul)",
  });
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

export const ScanBatchSchema = z.object({ scans: z.array(ScanRequestSchema).min(1).max(50) });

/** Details of a scan result, JSON-safe (dates as ISO strings). */
export type ScanDetails = {
  person?: { registrationId: string; firstName: string; lastName: string; structure: string; walkIn: boolean };
  /** ok: the new check-in (id for undo); already_checked_in: the existing one. */
  checkIn?: { id: string; at: string; door: string; agentName: string; undoUntil?: string };
  /** The person did not choose this half-day when registering. */
  notInPart?: boolean;
  /** wrong_journee: where the ticket is valid. */
  otherJournee?: { title: string; city: string; startsAt: string };
  /** not_open_yet / closed: the check-in window. */
  window?: { opensAt: string; closesAt: string };
  waitlistPosition?: number | null;
  /** The same nonce was already processed: stored result returned, nothing counted again. */
  replayed?: boolean;
  /** Synced offline and earlier than the presence found: this scan now holds it, the later one is the conflict. */
  tookOver?: boolean;
  /** Answered by this device with no network (from its snapshot); sent to the server later. */
  offline?: boolean;
  /** ok: the journée asks for a signature and the person has not signed this half-day yet (issue 13). */
  signatureRequired?: boolean;
  /** already_checked_in: present but not signed on a journée that asks for signatures — the pad again. */
  needsSignature?: boolean;
  /** ok / needsSignature: the half-day the signature is for (POST /api/attendance/signature). */
  partKey?: string;
};

export type ScanOutcome = { nonce: string; result: ScanResult; details: ScanDetails };
export type ScanError = { nonce: string; error: "invalid" | "forbidden" | "bad_part" | "bad_time" | "too_late" };
export type ScanResponse = { results: (ScanOutcome | ScanError)[] };

export const SearchSchema = z.object({
  journeeId: id,
  partKey: id,
  q: z.string().trim().min(2, "Au moins 2 caractères").max(80),
});

export const UndoSchema = z.object({ checkInId: id });

/** The walk-in form (sur place): minimal, e-mail optional. */
export const WalkInSchema = z.object({
  journeeId: id,
  partKey: id,
  firstName: z.string().trim().min(1, "Indiquez le prénom").max(MAX.firstName),
  lastName: z.string().trim().min(1, "Indiquez le nom").max(MAX.lastName),
  structure: z.string().trim().min(1, "Indiquez la structure").max(MAX.structure),
  structureType: z.enum(STRUCTURE_TYPES, { message: "Choisissez le type de structure" }),
  email: z.union([z.literal(""), z.email("Adresse e-mail invalide").max(MAX.email)]).optional(),
  door: z.string().trim().max(40).default(""),
  deviceId: z.string().trim().max(64).default(""),
  nonce: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  /** Only organisers may go over capacity, and only when asked explicitly. */
  forceOverCapacity: z.boolean().default(false),
  /** Recorded offline, created on sync: scannedAt is the time at the door. */
  offline: z.boolean().default(false),
  scannedAt: z.coerce.date().optional(),
});
export type WalkInInput = z.input<typeof WalkInSchema>;

/** Live counts for one journée and part. */
export type Counts = {
  partKey: string;
  present: number;
  expected: number;
  walkIns: number;
  doors: { door: string; present: number }[];
  at: string;
};

/** An offline scan is accepted from one day before the journée's start up to 5 minutes ahead of the server's clock. */

/**
 * What a scanner keeps offline (GET /api/checkin/snapshot, stored in IndexedDB): enough to validate a
 * ticket and find a person by name — no e-mail, phone or accessibility needs. Dates are ISO strings.
 */
export type OfflineRegistration = {
  id: string;
  ticketHash: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  firstName: string;
  lastName: string;
  structure: string;
  walkIn: boolean;
  waitlistPosition: number | null;
  partIds: string[];
  checkIns: { partKey: string; at: string; door: string; agentName: string }[];
  /** Half-days this person has already signed (issue 13). */
  signedPartKeys?: string[];
};
export type OfflineSnapshot = {
  journee: {
    id: string;
    title: string;
    city: string;
    status: "DRAFT" | "PUBLISHED" | "CLOSED" | "CANCELLED";
    startsAt: string;
    endsAt: string;
    /** The journée asks for a signature per half-day after an ok scan (issue 13). */
    signatureRequired?: boolean;
    /** Places and confirmed registrations when the snapshot was made: an offline walk-in checks them. */
    capacity: number;
    confirmedCount: number;
    parts: {
      id: string;
      kind: "HALF_DAY" | "WORKSHOP";
      title: string;
      capacity: number | null;
      confirmedCount: number;
    }[];
  };
  registrations: OfflineRegistration[];
  /** Other journées' tickets, hashes only (first 16 characters), to answer wrong_journee offline. */
  otherTickets: { h: string; j: number }[];
  otherJournees: { id: string; title: string; city: string; startsAt: string }[];
  /** Nonces of this journée's scans recorded offline_conflict: a device learns that its synced "ok" became one. */
  conflicts: string[];
  generatedAt: string;
};
