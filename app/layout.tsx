import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Émarge — Journées professionnelles Logement d'abord",
    template: "%s — Émarge",
  },
  description:
    "Inscription et émargement des journées professionnelles du plan Logement d'abord dans les Bouches-du-Rhône, " +
    "organisées par la Métropole Aix-Marseille-Provence, la DDETS des Bouches-du-Rhône et l'Unafo.",
  applicationName: "Émarge",
  robots: { index: true, follow: true },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#17466a",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="site-main container">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
