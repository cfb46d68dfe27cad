import { logUnexpected } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";

export const EMAIL_LINK_MAX_AGE_SECONDS = 15 * 60;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function signInMail(to: string, url: string) {
  const subject = "Votre lien de connexion à Émarge";
  const text = [
    "Bonjour,",
    "",
    "Pour vous connecter à l'espace organisateur d'Émarge, ouvrez ce lien (valable 15 minutes, une seule fois) :",
    url,
    "",
    "Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne peut se connecter sans lui.",
    "",
    "Émarge — Journées professionnelles Logement d'abord",
  ].join("\n");
  const html = `<p>Bonjour,</p>
<p>Pour vous connecter à l'espace organisateur d'Émarge, ouvrez ce lien (valable 15 minutes, une seule fois) :</p>
<p><a href="${escapeHtml(url)}">Se connecter à Émarge</a></p>
<p>Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne peut se connecter sans lui.</p>
<p>Émarge — Journées professionnelles Logement d'abord</p>`;
  return { to, subject, text, html };
}

/**
 * Sends the link without making the request wait for SMTP: an invited and an unknown address
 * then answer in about the same time (no enumeration through timing).
 */
export function sendSignInLink(to: string, url: string): void {
  sendMail(signInMail(to, url)).catch((error) => logUnexpected(error, { where: "sendSignInLink" }));
}
