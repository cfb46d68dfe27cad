import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import styles from "@/components/checkin/checkin.module.css";
import { Scanner } from "@/components/checkin/scanner";
import { requirePageUser } from "@/lib/auth/current-user";
import { canCheckIn, canManageJournee, journeeScope } from "@/lib/auth/permissions";
import { checkInWindow } from "@/lib/checkin/evaluate";
import { getCheckInJournee } from "@/lib/checkin/queries";
import { WHOLE_DAY } from "@/lib/checkin/schema";
import { formatDayRange, formatShortDateTime, formatTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Accueil et émargement", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The door: scan, search, walk-ins, live counts. Agents (agent d'accueil) and above. */
export default async function AccueilPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const user = await requirePageUser(`/organisateur/journees/${encodeURIComponent(id)}/accueil`);
  const journee = await getCheckInJournee(journeeScope(user, "checkIn"), id);
  if (!journee || !canCheckIn(user, journee)) notFound();

  const now = Date.now();
  const halfDays = journee.parts.filter((p) => p.kind === "HALF_DAY");
  const parts = halfDays.length
    ? halfDays.map((p) => ({
        key: p.id,
        title: `${p.title} (${formatTime(p.startsAt)} – ${formatTime(p.endsAt)})`,
        endsAt: p.endsAt.toISOString(),
      }))
    : [{ key: WHOLE_DAY, title: "Journée entière", endsAt: journee.endsAt.toISOString() }];
  // Default: the current or next half-day, else the last one.
  const current = halfDays.find((p) => p.endsAt.getTime() > now) ?? halfDays.at(-1);
  const { opensAt, closesAt } = checkInWindow(journee);

  const door =
    now < opensAt.getTime()
      ? `L'accueil n'est pas encore ouvert : les scans seront acceptés à partir du ${formatShortDateTime(opensAt)}.`
      : now > closesAt.getTime()
        ? `L'accueil de cette journée est fermé depuis le ${formatShortDateTime(closesAt)} : les billets scannés seront refusés.`
        : null;

  return (
    <>
      <h1 className={styles.title}>Accueil — {journee.title}</h1>
      {door && <p className={`notice notice--warning ${styles.door}`}>{door}</p>}
      <Scanner
        journeeId={journee.id}
        parts={parts}
        initialPartKey={current?.id ?? WHOLE_DAY}
        canForceCapacity={canManageJournee(user, journee)}
        signatures={journee.attendanceProof === "SCAN_AND_SIGNATURE"}
      />
      <p>
        {journee.city}, {formatDayRange(journee.startsAt, journee.endsAt)}. Émargement ouvert du{" "}
        {formatShortDateTime(opensAt)} au {formatShortDateTime(closesAt)}.
        {journee.attendanceProof === "SCAN_AND_SIGNATURE" && (
          <>
            {" "}
            <Link href={`/organisateur/journees/${encodeURIComponent(journee.id)}/accueil/salle`}>
              Code de salle (signature sur téléphone)
            </Link>
          </>
        )}
        {canManageJournee(user, journee) && (
          <>
            {" "}
            <Link href={`/organisateur/journees/${encodeURIComponent(journee.id)}/accueil/historique`}>
              Historique des scans
            </Link>
          </>
        )}
      </p>
    </>
  );
}
