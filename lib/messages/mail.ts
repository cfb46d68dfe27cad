import { formatDayRange, formatLongDate } from "@/lib/format/dates";
import type { OutgoingMail } from "@/lib/mail/transport";
import { appUrl } from "@/lib/registration/emails";
import { escapeHtml } from "@/lib/registration/escape-html";
import { ticketQrPng } from "@/lib/registration/ticket-qr";
import { manageToken, ticketPayload } from "@/lib/security/tokens";

/** Who a staff message is written to (a registration with its journée). */
export type MailRecipient = {
  firstName: string;
  lastName: string;
  email: string | null;
  status: string;
  tokenSalt: string;
  journee: { title: string; city: string; venue: string; address: string; startsAt: Date; endsAt: Date };
};

/** Shown in the preview when the journée has nobody to write to yet. */
export const SAMPLE_RECIPIENT: Omit<MailRecipient, "journee"> = {
  firstName: "Camille",
  lastName: "Exemple",
  email: "camille.exemple@example.org",
  status: "CONFIRMED",
  tokenSalt: "exemple-de-billet",
};

export const PLACEHOLDERS = ["{prenom}", "{nom}", "{journee}", "{date}", "{lieu}"] as const;

/** Replaces the placeholders with the recipient's values (plain text; HTML escaping comes later). */
export function fillPlaceholders(template: string, r: MailRecipient): string {
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    "{prenom}": r.firstName,
    "{nom}": r.lastName,
    "{journee}": r.journee.title,
    "{date}": formatLongDate(r.journee.startsAt),
    "{lieu}": `${r.journee.venue}, ${r.journee.address}`,
  };
  return template.replace(/\{(prenom|nom|journee|date|lieu)\}/g, (m) => values[m as keyof typeof values]);
}

const FOOTER =
  "Vous recevez ce message parce que vous êtes inscrit·e à cette journée professionnelle Logement d'abord.";

/**
 * A message from the organisers to one registrant: their text (every value escaped in the HTML),
 * the journée, and — for a reminder to a confirmed person — their QR ticket; the management link
 * unless the journée is cancelled.
 */
export function buildStaffMail(
  r: MailRecipient,
  opts: { subject: string; body: string; withTicket: boolean; withManageLink: boolean },
): OutgoingMail {
  const j = r.journee;
  const manageUrl = `${appUrl()}/inscription/${manageToken(r.tokenSalt)}`;
  const ticket = opts.withTicket && r.status === "CONFIRMED";
  const payload = ticketPayload(r.tokenSalt);
  const paragraphs = [
    ...fillPlaceholders(opts.body, r).split(/\n\s*\n/),
    `${j.title}\n${formatDayRange(j.startsAt, j.endsAt)}\n${j.venue}, ${j.address}`,
    ...(ticket ? [`Votre billet (à présenter à l'accueil, QR code en pièce jointe) : ${payload}`] : []),
    ...(opts.withManageLink ? [`Voir, modifier ou annuler votre inscription : ${manageUrl}`] : []),
  ];
  const text = [...paragraphs, FOOTER].join("\n\n");
  const p = (t: string) => `<p>${escapeHtml(t.trim()).replace(/\n/g, "<br>")}</p>`;
  const html = [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Émarge</title></head>',
    '<body style="font-family:system-ui,Arial,sans-serif;color:#1d232a;line-height:1.5;max-width:40rem">',
    ...paragraphs.map(p),
    ticket
      ? '<p><strong>Votre billet</strong> — présentez ce QR code à l\'accueil :</p><p><img src="cid:billet-qr" width="220" height="220" alt="QR code de votre billet"></p>'
      : "",
    `<p style="color:#4b5563;font-size:0.9em">${escapeHtml(FOOTER)}</p>`,
    "</body></html>",
  ].join("\n");
  const png = ticket ? ticketQrPng(payload) : null;
  return {
    to: r.email ?? "",
    subject: fillPlaceholders(opts.subject, r).replace(/[\r\n]+/g, " "),
    text,
    html,
    attachments: png
      ? [
          { filename: "billet-qr.png", content: png, contentType: "image/png", cid: "billet-qr" },
          { filename: "billet.png", content: png, contentType: "image/png" },
        ]
      : [],
  };
}

/** The e-mail every live registrant receives when the journée is cancelled. */
export const JOURNEE_CANCELLED_MAIL = {
  subject: "Journée annulée — {journee}",
  body: "Bonjour {prenom} {nom},\n\nNous sommes au regret de vous informer que la journée « {journee} » du {date} est annulée. Vous n'avez aucune démarche à faire.\n\nVeuillez nous excuser pour ce changement.",
  withTicket: false,
  withManageLink: false,
};
