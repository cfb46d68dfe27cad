import type { NetworkValue, StructureTypeValue } from "./schema";

/** The stored person fields the forms show, as a Prisma `select` (public and staff pages alike). */
export const PERSON_FIELDS_SELECT = {
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  structure: true,
  structureType: true,
  network: true,
  jobTitle: true,
  commune: true,
  accessibilityNeeds: true,
  inviteConsent: true,
} as const;

type StoredRegistration = {
  firstName: string;
  lastName: string;
  phone: string | null;
  structure: string;
  structureType: StructureTypeValue;
  network: NetworkValue | null;
  jobTitle: string;
  commune: string;
  accessibilityNeeds: string | null;
  inviteConsent: boolean;
  parts: { partId: string }[];
  journee: { parts: { id: string; kind: "HALF_DAY" | "WORKSHOP" }[] };
};

/** A stored registration as the update form's current values (person and staff pages alike). */
export function updateFormValues(reg: StoredRegistration) {
  const chosen = reg.parts.map((p) => p.partId);
  const kinds = new Map(reg.journee.parts.map((p) => [p.id, p.kind]));
  return {
    firstName: reg.firstName,
    lastName: reg.lastName,
    phone: reg.phone ?? "",
    structure: reg.structure,
    structureType: reg.structureType,
    network: reg.network ?? "",
    jobTitle: reg.jobTitle,
    commune: reg.commune,
    halfDayIds: chosen.filter((id) => kinds.get(id) === "HALF_DAY"),
    workshopId: chosen.find((id) => kinds.get(id) === "WORKSHOP") ?? "",
    accessibilityNeeds: reg.accessibilityNeeds ?? "",
    inviteConsent: reg.inviteConsent,
  };
}
