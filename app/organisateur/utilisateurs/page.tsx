import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionButton } from "@/components/organiser/action-button";
import { GrantForm } from "@/components/organiser/grant-form";
import { ScrollTable } from "@/components/organiser/scroll-table";
import { requirePageUser } from "@/lib/auth/current-user";
import { canManageUsers } from "@/lib/auth/permissions";
import { formatShortDate } from "@/lib/format/dates";
import { ROLE_LABELS } from "@/lib/organiser/labels";
import { listJourneesFor, listPartners } from "@/lib/organiser/queries";
import { revokeGrantAction, setUserActiveAction } from "@/lib/users/actions";
import { listUsers } from "@/lib/users/queries";
import { USER_REFUSALS } from "@/lib/users/schema";

export const metadata: Metadata = { title: "Utilisateurs" };

export default async function UtilisateursPage() {
  await connection();
  const viewer = await requirePageUser("/organisateur/utilisateurs", canManageUsers);
  const [users, partners, journees] = await Promise.all([listUsers(viewer), listPartners(), listJourneesFor(viewer)]);
  return (
    <>
      <h1>Utilisateurs</h1>
      <p>
        Personne ne peut créer de compte : seules les personnes invitées ici se connectent (ProConnect ou lien par
        e-mail). Chaque changement est inscrit au journal.
      </p>
      <section className="panel" aria-labelledby="inviter">
        <h2 id="inviter">Inviter quelqu'un ou ajouter un rôle</h2>
        <GrantForm
          partners={partners.map((p) => ({ id: p.id, label: p.name }))}
          journees={journees.map((j) => ({ id: j.id, label: `${j.title} (${formatShortDate(j.startsAt)})` }))}
        />
      </section>
      <h2>Comptes</h2>
      <ScrollTable label="Utilisateurs et rôles">
        <table className="data-table">
          <caption className="visually-hidden">Utilisateurs et rôles</caption>
          <thead>
            <tr>
              <th scope="col">Utilisateur</th>
              <th scope="col">Rôles</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-email={u.email}>
                <th scope="row">
                  {u.email}
                  {u.name ? <div>{u.name}</div> : null}
                </th>
                <td>
                  {u.grants.length === 0 ? "Aucun rôle" : null}
                  <ul>
                    {u.grants.map((g) => (
                      <li key={g.id}>
                        {ROLE_LABELS[g.role]}
                        {g.partner
                          ? ` — ${g.partner.shortName}`
                          : g.journee
                            ? ` — ${g.journee.title}`
                            : " — tout le programme"}{" "}
                        <ActionButton
                          action={revokeGrantAction}
                          fields={{ grantId: g.id }}
                          label="Retirer"
                          labels={USER_REFUSALS}
                        />
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {u.active ? "Actif" : "Désactivé"}{" "}
                  <ActionButton
                    action={setUserActiveAction}
                    fields={{ userId: u.id, active: u.active ? "false" : "true" }}
                    label={u.active ? "Désactiver" : "Réactiver"}
                    labels={USER_REFUSALS}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
