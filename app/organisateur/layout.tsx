import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "@/components/organiser/organiser.css";
import { OrgNav } from "@/components/organiser/org-nav";
import { getCurrentUser, requirePageUser } from "@/lib/auth/current-user";
import { can, isAdmin } from "@/lib/auth/permissions";
import { ORG_SECTIONS } from "@/lib/organiser/labels";

export const metadata: Metadata = {
  title: { default: "Espace organisateur", template: "%s — Espace organisateur" },
  robots: { index: false },
};

/** Every page below checks its own right again: this layout only guards the area and builds the menu. */
export default async function OrganisateurLayout({ children }: { children: ReactNode }) {
  // Anonymous: each page redirects to /connexion with its own address to come back to.
  if (!(await getCurrentUser())) return children;
  const user = await requirePageUser("/organisateur");
  const links = ORG_SECTIONS.filter((s) => (s.needs === "admin" ? isAdmin(user) : can(user, s.needs)));
  return (
    <>
      <div className="org-bar">
        <span>
          Connecté : <strong>{user.name ?? user.email}</strong>
        </span>
        <Link href="/deconnexion">Se déconnecter</Link>
      </div>
      <OrgNav links={links.map(({ href, label }) => ({ href, label }))} />
      {children}
    </>
  );
}
