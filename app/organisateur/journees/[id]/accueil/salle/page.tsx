import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import styles from "@/components/attendance/room.module.css";
import { RoomScreen } from "@/components/attendance/room-screen";
import { requirePageUser } from "@/lib/auth/current-user";
import { canCheckIn, journeeScope } from "@/lib/auth/permissions";
import { getCheckInJournee } from "@/lib/checkin/queries";
import { WHOLE_DAY } from "@/lib/checkin/schema";
import { formatTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Code de salle", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ partie?: string | string[] }> };

/** The room code screen for a half-day (issue 13 point 3): agents (check-in rights) and above. */
export default async function SallePage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const { partie } = await searchParams;
  const base = `/organisateur/journees/${encodeURIComponent(id)}/accueil`;
  const user = await requirePageUser(`${base}/salle`);
  const journee = await getCheckInJournee(journeeScope(user, "checkIn"), id);
  if (!journee || !canCheckIn(user, journee)) notFound();

  const halfDays = journee.parts.filter((p) => p.kind === "HALF_DAY");
  const parts = halfDays.length
    ? halfDays.map((p) => ({ key: p.id, title: p.title, hours: `${formatTime(p.startsAt)} – ${formatTime(p.endsAt)}` }))
    : [{ key: WHOLE_DAY, title: "Journée entière", hours: "" }];
  const now = Date.now();
  const current = halfDays.find((p) => p.endsAt.getTime() > now)?.id ?? parts.at(-1)?.key ?? WHOLE_DAY;
  const wanted = typeof partie === "string" ? partie : "";
  const part = parts.find((p) => p.key === wanted) ?? parts.find((p) => p.key === current) ?? parts[0];

  return (
    <div className={styles.room}>
      <h1>
        {journee.title} — {part.title}
      </h1>
      {parts.length > 1 && (
        <nav aria-label="Demi-journée">
          <ul className={styles.parts}>
            {parts.map((p) => (
              <li key={p.key}>
                <Link
                  href={`${base}/salle?partie=${encodeURIComponent(p.key)}`}
                  aria-current={p.key === part.key ? "page" : undefined}
                >
                  {p.title} {p.hours && `(${p.hours})`}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <RoomScreen key={part.key} journeeId={journee.id} partKey={part.key} partTitle={part.title} />
      <p>
        <Link href={base}>Retour à l'accueil</Link>
      </p>
    </div>
  );
}
