import { checkInPartKeys } from "@/lib/checkin/evaluate";
import { PARTS_IN_ORDER } from "@/lib/checkin/queries";
import { WHOLE_DAY } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { hashToken } from "@/lib/security/tokens";

export type PersonHalfDay = {
  partKey: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  present: boolean;
  signed: boolean;
  justification: { status: "REQUESTED" | "ACCEPTED" | "REFUSED"; reason: string } | null;
};

/**
 * What the person's management page shows of their attendance (issue 13 points 3 and 5): per
 * half-day, present or not, signed or not, and their justification request. Scoped by the
 * management token (the person sees only their own registration); null for another status.
 */
export async function personAttendance(token: string) {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
  const db = await getDb();
  const reg = await db.registration.findFirst({
    where: { manageHash: hashToken(token), anonymizedAt: null, status: "CONFIRMED" },
    select: {
      id: true,
      journee: {
        select: {
          title: true,
          startsAt: true,
          endsAt: true,
          attendanceProof: true,
          parts: PARTS_IN_ORDER,
        },
      },
      checkIns: { select: { partKey: true } },
      signatures: { select: { partKey: true } },
      justifications: { select: { partKey: true, status: true, reason: true } },
    },
  });
  if (!reg) return null;
  const { journee } = reg;
  const halfDays: PersonHalfDay[] = checkInPartKeys(journee).map((partKey) => {
    const part = journee.parts.find((p) => p.id === partKey);
    const just = reg.justifications.find((j) => j.partKey === partKey);
    return {
      partKey,
      title: partKey === WHOLE_DAY || !part ? "Journée entière" : part.title,
      startsAt: part?.startsAt ?? journee.startsAt,
      endsAt: part?.endsAt ?? journee.endsAt,
      present: reg.checkIns.some((c) => c.partKey === partKey),
      signed: reg.signatures.some((s) => s.partKey === partKey),
      justification: just ? { status: just.status, reason: just.reason } : null,
    };
  });
  return {
    signatures: journee.attendanceProof === "SCAN_AND_SIGNATURE",
    startsAt: journee.startsAt,
    endsAt: journee.endsAt,
    halfDays,
  };
}
