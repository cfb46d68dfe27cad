import type { MetadataRoute } from "next";

/** Installable scanner (decision 009): opens on the organiser area, full screen on a phone. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Émarge — Accueil",
    short_name: "Émarge",
    description: "Accueil et émargement des journées professionnelles Logement d'abord, même sans réseau.",
    lang: "fr",
    start_url: "/organisateur",
    scope: "/",
    display: "standalone",
    background_color: "#f7f5f1",
    theme_color: "#17466a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
