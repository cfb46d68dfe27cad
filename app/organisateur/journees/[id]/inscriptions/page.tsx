import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { RegistrationActions } from "@/components/journee-admin/registration-actions";
import { ScrollTable } from "@/components/organiser/scroll-table";
import { managedJourneeForPage } from "@/lib/journee-admin/page-guard";
import { STATUS_LABELS, waitlistRankLabel } from "@/lib/registration/labels";
import { searchRegistrations } from "@/lib/staff-registrations/queries";
import { STATUS_FILTER_LABELS, STATUS_FILTERS, searchSchema } from "@/lib/staff-registrations/schema";

export const metadata: Metadata = { title: "Inscriptions de la journée" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function InscriptionsPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const base = `/organisateur/journees/${id}/inscriptions`;
  const { scope, journee } = await managedJourneeForPage(id, base);
  const search = searchSchema.parse(await searchParams);
  const { rows, total, page, pageCount } = await searchRegistrations(scope, id, search);
  const href = (p: number) =>
    `${base}?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), ...(search.statut ? { statut: search.statut } : {}), page: String(p) })}`;
  return (
    <>
      <p>
        <Link href={`/organisateur/journees/${id}`}>← {journee.title}</Link>
      </p>
      <h1>Inscriptions</h1>
      <form method="get" action={base} className="inline-form" aria-label="Rechercher une inscription">
        <div className="field">
          <label htmlFor="q">Nom, structure ou e-mail</label>
          <input id="q" name="q" type="search" defaultValue={search.q} />
        </div>
        <div className="field">
          <label htmlFor="statut">Statut</label>
          <select id="statut" name="statut" defaultValue={search.statut}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Rechercher
        </button>
      </form>
      <p role="status">
        {total} inscription{total > 1 ? "s" : ""} — page {page} sur {pageCount}
      </p>
      <ScrollTable label="Inscriptions">
        <table className="data-table">
          <caption className="visually-hidden">Inscriptions à la journée</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Structure</th>
              <th scope="col">E-mail</th>
              <th scope="col">Statut</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-email={r.email ?? ""}>
                <th scope="row">
                  {r.firstName} {r.lastName}
                </th>
                <td>{r.structure}</td>
                <td>{r.email}</td>
                <td>
                  {STATUS_LABELS[r.status]}
                  {r.waitlistRank ? ` — ${waitlistRankLabel(r.waitlistRank)}` : null}
                </td>
                <td>
                  <RegistrationActions
                    journeeId={id}
                    id={r.id}
                    status={r.status}
                    name={`${r.firstName} ${r.lastName}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <nav className="pager" aria-label="Pages des inscriptions">
        {page > 1 ? <Link href={href(page - 1)}>Page précédente</Link> : null}
        {page < pageCount ? <Link href={href(page + 1)}>Page suivante</Link> : null}
      </nav>
    </>
  );
}
