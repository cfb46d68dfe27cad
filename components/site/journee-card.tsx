import Link from "next/link";
import { formatLongDate } from "@/lib/format/dates";
import type { PublicStatus } from "@/lib/journees/status";
import { StatusBadge } from "./status-badge";

export type JourneeCardData = {
  slug: string;
  title: string;
  city: string;
  venue: string;
  startsAt: Date;
  isPlenary: boolean;
};

export function JourneeCard({ journee, status }: { journee: JourneeCardData; status: PublicStatus }) {
  return (
    <article className={journee.isPlenary ? "card card--plenary" : "card"}>
      <p className="card__kicker">{journee.isPlenary ? "Journée plénière" : journee.city}</p>
      <h3 className="card__title">
        <Link href={`/journees/${journee.slug}`}>{journee.title}</Link>
      </h3>
      <dl className="card__meta">
        <dt>Date</dt>
        <dd className="card__date">{formatLongDate(journee.startsAt)}</dd>
        <dt>Lieu</dt>
        <dd>
          {journee.venue}, {journee.city}
        </dd>
      </dl>
      <p className="card__badge">
        <span className="visually-hidden">Statut : </span>
        <StatusBadge status={status} />
      </p>
    </article>
  );
}
