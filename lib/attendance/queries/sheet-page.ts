import { type CurrentUser, canManageJournee } from "@/lib/auth/permissions";
import { WHOLE_DAY } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { halfDayStatus } from "../status";
import { sheetJournee } from "./sheet";

/**
 * The organiser's sheet page of one half-day (issue 13 points 5–6): per person the status, times,
 * hours, signature (as a data: URI, which the CSP's img-src allows), the justification (and its id
 * when it waits for a decision); the closing; the journée's settings. Scoped like the signed sheet
 * (report rights: organisers, lecteurs, admins); `canAct` is true only for an organiser of the
 * journée (admins and lecteurs read). Null out of the user's scope.
 */
export async function sheetPageData(user: CurrentUser, journeeId: string, partKey?: string) {
  const journee = await sheetJournee(user, journeeId);
  if (!journee) return null;
  const half = journee.halfDays.find((h) => h.partKey === partKey) ?? journee.halfDays[0];
  const db = await getDb();
  const key = half.partKey;
  const chosen = key === WHOLE_DAY ? {} : { parts: { some: { partId: key } } };
  const [settings, people, sheet] = await Promise.all([
    db.journee.findUniqueOrThrow({
      where: { id: journee.id },
      select: { partnerId: true, attendanceProof: true, lateToleranceMinutes: true },
    }),
    db.registration.findMany({
      where: {
        journeeId: journee.id,
        OR: [{ status: "CONFIRMED", ...chosen }, { checkIns: { some: { partKey: key } } }],
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { seq: "asc" }],
      select: {
        id: true,
        lastName: true,
        firstName: true,
        structure: true,
        checkIns: { where: { partKey: key }, select: { checkedInAt: true, departedAt: true } },
        signatures: { where: { partKey: key }, select: { method: true, png: true, attestedReason: true } },
        justifications: { where: { partKey: key }, select: { id: true, status: true, reason: true, source: true } },
      },
    }),
    db.halfDaySheet.findUnique({
      where: { journeeId_partKey: { journeeId: journee.id, partKey: key } },
      select: {
        closedAt: true,
        countersignName: true,
        countersignedAt: true,
        countersignPng: true,
        verificationCode: true,
        fingerprint: true,
      },
    }),
  ]);
  const rows = people.map((p) => {
    const ci = p.checkIns[0] ?? null;
    const sig = p.signatures[0] ?? null;
    const justification = p.justifications[0] ?? null;
    const times = { arrivalAt: ci?.checkedInAt ?? null, departureAt: ci?.departedAt ?? null };
    const status = halfDayStatus(half, { ...times, justification }, settings.lateToleranceMinutes);
    const signature =
      status.presence !== "present"
        ? ({ kind: "none" } as const)
        : sig?.png
          ? ({ kind: "image", src: pngDataUri(sig.png) } as const)
          : sig?.method === "AGENT_ATTESTED"
            ? ({ kind: "attested", reason: sig.attestedReason ?? "" } as const)
            : ({ kind: "missing" } as const);
    return {
      registrationId: p.id,
      name: `${p.lastName.toUpperCase()} ${p.firstName}`,
      structure: p.structure,
      ...status,
      ...times,
      signature,
      justificationStatus: justification?.status ?? null,
      justificationReason: justification?.reason ?? null,
      pendingRequestId: justification?.status === "REQUESTED" ? justification.id : null,
    };
  });
  const closed = sheet?.closedAt
    ? {
        closedAt: sheet.closedAt,
        signer: sheet.countersignName ?? "",
        signedAt: sheet.countersignedAt,
        countersign: sheet.countersignPng ? pngDataUri(sheet.countersignPng) : null,
        verificationCode: sheet.verificationCode ?? "",
        fingerprint: sheet.fingerprint ?? "",
      }
    : null;
  const withoutAdmin = { ...user, grants: user.grants.filter((g) => g.role !== "ADMIN") };
  return {
    journee: { id: journee.id, title: journee.title },
    halfDays: journee.halfDays,
    half,
    settings: { attendanceProof: settings.attendanceProof, lateToleranceMinutes: settings.lateToleranceMinutes },
    rows,
    counts: sheetCounts(rows, settings.attendanceProof === "SCAN_AND_SIGNATURE"),
    closed,
    canAct: canManageJournee(withoutAdmin, { id: journee.id, partnerId: settings.partnerId }),
  };
}

export type SheetPage = NonNullable<Awaited<ReturnType<typeof sheetPageData>>>;
export type SheetPageRow = SheetPage["rows"][number];

type CountedRow = {
  presence: "present" | "absent" | "justified";
  late: boolean;
  leftEarly: boolean;
  signature: { kind: "image" | "attested" | "missing" | "none" };
  pendingRequestId: string | null;
};

/** The counts at the top of the sheet (signatures are missing only when the journée asks for them). */
export function sheetCounts(rows: CountedRow[], signaturesRequired: boolean) {
  const present = rows.filter((r) => r.presence === "present");
  return {
    total: rows.length,
    present: present.length,
    late: present.filter((r) => r.late).length,
    leftEarly: present.filter((r) => r.leftEarly).length,
    absent: rows.filter((r) => r.presence === "absent").length,
    justified: rows.filter((r) => r.presence === "justified").length,
    signed: present.filter((r) => r.signature.kind === "image" || r.signature.kind === "attested").length,
    missingSignature: signaturesRequired ? present.filter((r) => r.signature.kind === "missing").length : 0,
    pendingRequests: rows.filter((r) => r.pendingRequestId).length,
  };
}

function pngDataUri(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
}
