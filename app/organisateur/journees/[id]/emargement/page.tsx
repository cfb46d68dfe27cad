import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AttendanceSettings } from "@/components/attendance/attendance-settings-form";
import { HalfDayClosing } from "@/components/attendance/half-day-closing";
import { SheetCounts } from "@/components/attendance/sheet-counts";
import { SheetDownloads } from "@/components/attendance/sheet-downloads";
import { SheetRows } from "@/components/attendance/sheet-rows";
import { sheetPageData } from "@/lib/attendance/queries/sheet-page";
import { requirePageUser } from "@/lib/auth/current-user";
import { can, canReadReports } from "@/lib/auth/permissions";
import { formatDayRange } from "@/lib/format/dates";
import { findJourneeRef } from "@/lib/journee-admin/queries";

export const metadata: Metadata = { title: "Feuille d'émargement" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ partie?: string | string[] }> };

/**
 * The signed émargement of one half-day (issue 13 points 5–6): organisers of the journée decide
 * justifications, countersign and reopen; lecteurs and admins read. Anyone else: « accès refusé ».
 */
export default async function EmargementPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const partie = (await searchParams).partie;
  const partKey = typeof partie === "string" ? partie : undefined;
  const base = `/organisateur/journees/${id}`;
  const ref = await findJourneeRef(id);
  const user = await requirePageUser(`${base}/emargement`, (u) => (ref ? canReadReports(u, ref) : can(u, "reports")));
  const data = await sheetPageData(user, id, partKey);
  if (!data) notFound();
  const { half } = data;
  const actionable = data.canAct && !data.closed;
  return (
    <>
      <p>
        <Link href={data.canAct ? base : "/organisateur"}>← {data.canAct ? "Gérer la journée" : "Journées"}</Link>
      </p>
      <h1>Feuille d'émargement — {half.title}</h1>
      <p>
        {data.journee.title} — {formatDayRange(half.startsAt, half.endsAt)}
      </p>
      {data.halfDays.length > 1 ? (
        <nav aria-label="Demi-journées" className="inline-form">
          {data.halfDays.map((h, i) => (
            <span key={h.partKey}>
              {i > 0 ? " · " : null}
              <Link
                href={`${base}/emargement?partie=${encodeURIComponent(h.partKey)}`}
                aria-current={h.partKey === half.partKey ? "page" : undefined}
              >
                {h.title}
              </Link>
            </span>
          ))}
        </nav>
      ) : null}
      {!data.canAct ? (
        <p className="notice" data-testid="read-only">
          Consultation seule : seuls les organisateurs de la journée peuvent modifier la feuille.
        </p>
      ) : null}
      <AttendanceSettings journeeId={id} settings={data.settings} canManage={false} />
      <SheetCounts counts={data.counts} signaturesRequired={data.settings.attendanceProof === "SCAN_AND_SIGNATURE"} />
      <SheetDownloads journeeId={id} partKey={half.partKey} several={data.halfDays.length > 1} />
      <HalfDayClosing data={data} />
      <section aria-labelledby="personnes">
        <h2 id="personnes">Personnes ({data.rows.length})</h2>
        <SheetRows data={data} actionable={actionable} />
      </section>
    </>
  );
}
