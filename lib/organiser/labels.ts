import type { Capability, Role } from "@/lib/auth/permissions";

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrateur",
  ORGANISATEUR: "Organisateur",
  AGENT: "Agent d'accueil",
  LECTEUR: "Lecteur",
};

export const JOURNEE_STATUS_LABELS: Record<string, string> = {
  DRAFT: "Brouillon",
  PUBLISHED: "Publiée",
  CLOSED: "Inscriptions closes",
  CANCELLED: "Annulée",
};

/** The organiser area's sections (check-in and per-day dashboards are linked from each journée); `needs` says who sees the link (the page itself checks again). */
export type OrgSection = { href: string; label: string; needs: Capability | "admin" };
export const ORG_SECTIONS: OrgSection[] = [
  { href: "/organisateur", label: "Journées", needs: "view" },
  { href: "/organisateur/tableau-de-bord", label: "Tableau de bord", needs: "reports" },
  { href: "/organisateur/exports", label: "Exports", needs: "reports" },
  { href: "/organisateur/utilisateurs", label: "Utilisateurs", needs: "admin" },
  { href: "/organisateur/journal", label: "Journal", needs: "admin" },
  { href: "/organisateur/donnees-personnelles", label: "Données personnelles", needs: "admin" },
];
