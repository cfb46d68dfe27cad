/**
 * The data types of the signed émargement PDF and the proof file, exactly as CONTRACT-13 fixes
 * them (the pdf renderers in lib/reports declare the same shapes): signcore's queries build them.
 */
export type SignedSheetRow = {
  lastName: string;
  firstName: string;
  structure: string;
  presence: "present" | "absent" | "justified";
  late: boolean;
  leftEarly: boolean;
  arrivalAt: Date | null;
  departureAt: Date | null;
  hoursAttended: number | null;
  signature: { kind: "image"; png: Uint8Array } | { kind: "attested"; reason: string } | { kind: "missing" };
  justification: string | null;
  lateSync: boolean;
  extra: string | null;
};
export type SignedSheetHalfDay = {
  partKey: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  rows: SignedSheetRow[];
  countersignature: { name: string; signedAt: Date; png: Uint8Array } | null;
  closedAt: Date | null;
  verificationCode: string | null;
  fingerprint: string | null;
};
export type SignedSheet = {
  journee: { title: string; city: string; venue: string; address: string; startsAt: Date; endsAt: Date };
  partners: string[];
  verifyUrl: string;
  halfDays: SignedSheetHalfDay[];
};
export type ProofRecord = {
  seq: number;
  signedAt: Date;
  personName: string;
  method: "DOOR_DEVICE" | "OWN_PHONE" | "AGENT_ATTESTED";
  agentName: string | null;
  deviceId: string;
  door: string;
  clientIp: string | null;
  offline: boolean;
  clientSignedAt: Date | null;
  sha256: string | null;
  prevHash: string;
  recordHash: string;
};
export type ProofFile = {
  sheet: Omit<SignedSheetHalfDay, "rows"> & { journeeTitle: string };
  records: ProofRecord[];
  chainValid: boolean;
};
