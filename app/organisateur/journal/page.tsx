import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ScrollTable } from "@/components/organiser/scroll-table";
import { auditActionLabel } from "@/lib/audit/labels";
import { listAuditEntries } from "@/lib/audit/queries";
import { requirePageUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/permissions";
import { formatShortDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Journal" };

type Props = { searchParams: Promise<{ page?: string; action?: string }> };

/** The append-only audit log, newest first, 50 entries a page — admins only. */
export default async function JournalPage({ searchParams }: Props) {
  await connection();
  const viewer = await requirePageUser("/organisateur/journal", isAdmin);
  const params = await searchParams;
  const action = params.action?.trim().slice(0, 60) || undefined;
  const { rows, total, page, pageCount } = await listAuditEntries(viewer, { page: Number(params.page) || 1, action });
  const href = (p: number) =>
    `/organisateur/journal?${new URLSearchParams({ page: String(p), ...(action ? { action } : {}) })}`;
  return (
    <>
      <h1>Journal</h1>
      <p>
        Connexions, rôles, journées, inscriptions modifiées par l'équipe, présences et exports : chaque entrée est
        définitive (le journal ne peut être ni modifié ni effacé).
      </p>
      <form method="get" className="form-stack">
        <div className="field">
          <label htmlFor="journal-action">Filtrer par code d'action (début)</label>
          <input
            id="journal-action"
            name="action"
            type="search"
            defaultValue={action ?? ""}
            placeholder="auth., user., journee."
          />
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            Filtrer
          </button>
        </div>
      </form>
      <p role="status">
        {total} entrée{total > 1 ? "s" : ""} — page {page} sur {pageCount}
      </p>
      <ScrollTable label="Entrées du journal">
        <table className="data-table">
          <caption className="visually-hidden">Entrées du journal</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Action</th>
              <th scope="col">Par</th>
              <th scope="col">Objet</th>
              <th scope="col">Détails</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td>{formatShortDateTime(r.at)}</td>
                <td>{auditActionLabel(r.action)}</td>
                <td>{r.actorLabel || "—"}</td>
                <td>{r.entityType ? `${r.entityType} ${r.entityId}` : "—"}</td>
                <td>
                  <code>{JSON.stringify(r.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <nav className="pager" aria-label="Pages du journal">
        {page > 1 ? <Link href={href(page - 1)}>Page précédente</Link> : null}
        {page < pageCount ? <Link href={href(page + 1)}>Page suivante</Link> : null}
      </nav>
    </>
  );
}
