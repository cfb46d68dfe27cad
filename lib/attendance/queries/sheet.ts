import { type CurrentUser, journeeScope } from "@/lib/auth/permissions";
import { checkInPartKeys } from "@/lib/checkin/evaluate";
import { PARTS_IN_ORDER } from "@/lib/checkin/queries";
import { WHOLE_DAY } from "@/lib/checkin/schema";
import { getDb } from "@/lib/db/client";
import { appUrl } from "@/lib/registration/emails";
import type { SignedSheet, SignedSheetHalfDay, SignedSheetRow } from "../sheet-types";
import { halfDayStatus } from "../status";

/** The journée with its half-days, if the user may read its reports (organisers, lecteurs). */
export async function sheetJournee(user: CurrentUser, journeeId: string) {
  const db = await getDb();
  const journee = await db.journee.findFirst({
    where: { AND: [{ id: journeeId }, journeeScope(user, "reports")] },
    select: {
      id: true,
      title: true,
      city: true,
      venue: true,
      address: true,
      startsAt: true,
      endsAt: true,
      lateToleranceMinutes: true,
      parts: PARTS_IN_ORDER,
    },
  });
  if (!journee) return null;
  const halfDays = checkInPartKeys(journee).map((key) => {
    const part = journee.parts.find((p) => p.id === key);
    return part
      ? { partKey: key, title: part.title, startsAt: part.startsAt, endsAt: part.endsAt }
      : { partKey: WHOLE_DAY, title: "Journée", startsAt: journee.startsAt, endsAt: journee.endsAt };
  });
  return { ...journee, halfDays };
}

/**
 * The signed émargement of a journée (all its half-days, or those asked), as the PDF renders it:
 * per half-day every confirmed person (who chose that half-day, or was checked in for it), sorted by
 * name, with status, times, hours, signature image or attestation, justification; the
 * countersignature and the footer's code and fingerprint. Null out of the user's scope.
 */
export async function signedSheetData(
  user: CurrentUser,
  journeeId: string,
  partKeys?: string[],
): Promise<SignedSheet | null> {
  const journee = await sheetJournee(user, journeeId);
  if (!journee) return null;
  const db = await getDb();
  const wanted = journee.halfDays.filter((h) => !partKeys || partKeys.includes(h.partKey));
  const partners = await db.partner.findMany({ orderBy: { createdAt: "asc" }, select: { name: true } });
  const halfDays: SignedSheetHalfDay[] = [];
  for (const h of wanted) halfDays.push(await halfDaySheet(journee, h));
  const { title, city, venue, address, startsAt, endsAt } = journee;
  return {
    journee: { title, city, venue, address, startsAt, endsAt },
    partners: partners.map((p) => p.name),
    verifyUrl: `${appUrl()}/attestations/verifier`,
    halfDays,
  };
}

type Journee = NonNullable<Awaited<ReturnType<typeof sheetJournee>>>;
type HalfDay = Journee["halfDays"][number];

async function halfDaySheet(journee: Journee, h: HalfDay): Promise<SignedSheetHalfDay> {
  const db = await getDb();
  const key = h.partKey;
  const chosen = key === WHOLE_DAY ? {} : { parts: { some: { partId: key } } };
  const [people, sheet] = await Promise.all([
    db.registration.findMany({
      where: {
        journeeId: journee.id,
        OR: [{ status: "CONFIRMED", ...chosen }, { checkIns: { some: { partKey: key } } }],
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { seq: "asc" }],
      select: {
        lastName: true,
        firstName: true,
        structure: true,
        checkIns: {
          where: { partKey: key },
          select: { checkedInAt: true, departedAt: true, offline: true, createdAt: true },
        },
        signatures: { where: { partKey: key }, select: { method: true, png: true, attestedReason: true } },
        justifications: { where: { partKey: key }, select: { status: true, reason: true } },
      },
    }),
    db.halfDaySheet.findUnique({ where: { journeeId_partKey: { journeeId: journee.id, partKey: key } } }),
  ]);
  const rows = people.map((p): SignedSheetRow => {
    const ci = p.checkIns[0] ?? null;
    const sig = p.signatures[0] ?? null;
    const status = halfDayStatus(
      h,
      {
        arrivalAt: ci?.checkedInAt ?? null,
        departureAt: ci?.departedAt ?? null,
        justification: p.justifications[0] ?? null,
      },
      journee.lateToleranceMinutes,
    );
    const signature: SignedSheetRow["signature"] =
      sig?.png && status.presence === "present"
        ? { kind: "image", png: sig.png }
        : sig?.method === "AGENT_ATTESTED" && status.presence === "present"
          ? { kind: "attested", reason: sig.attestedReason ?? "" }
          : { kind: "missing" };
    return {
      lastName: p.lastName,
      firstName: p.firstName,
      structure: p.structure,
      ...status,
      arrivalAt: ci?.checkedInAt ?? null,
      departureAt: ci?.departedAt ?? null,
      signature,
      lateSync: !!ci && ci.offline && ci.createdAt.getTime() > h.endsAt.getTime(),
      extra: null,
    };
  });
  const closed = sheet?.closedAt ? sheet : null;
  return {
    ...h,
    rows,
    countersignature:
      closed?.countersignPng && closed.countersignedAt
        ? { name: closed.countersignName ?? "", signedAt: closed.countersignedAt, png: closed.countersignPng }
        : null,
    closedAt: closed?.closedAt ?? null,
    verificationCode: closed?.verificationCode ?? null,
    fingerprint: closed?.fingerprint ?? null,
  };
}
