import { formatLongDate, formatTime } from "@/lib/format/dates";
import type { OutgoingMail } from "@/lib/mail/transport";
import { manageToken, ticketPayload } from "@/lib/security/tokens";
import { escapeHtml } from "./escape-html";
import { buildIcs } from "./ics";
import { waitlistPositionText } from "./labels";
import { ticketQrPng } from "./ticket-qr";

export type MailKind = "confirmation" | "resend" | "promotion" | "cancellation";
export type MailInput = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  waitlistRank: number | null;
  tokenSalt: string;
  parts: { partId: string }[];
  /** Answers to the journée's questions, « Question : réponse » (none when it asks nothing). */
  answerTexts?: string[];
  journee: {
    title: string;
    venue: string;
    address: string;
    city: string;
    accessInfo: string;
    startsAt: Date;
    endsAt: Date;
    slug: string;
    parts: { id: string; title: string; startsAt: Date; endsAt: Date }[];
  };
};

export function appUrl(): string {
  return (process.env.APP_URL || "http://localhost:3000").replace(/\/+$/, "");
}

function subjectOf(kind: MailKind, m: MailInput): string {
  const j = `${m.journee.title} (${m.journee.city})`;
  if (kind === "cancellation") return `Inscription annulée — ${j}`;
  if (kind === "promotion") return `Une place s'est libérée : votre inscription est confirmée — ${j}`;
  if (m.status === "WAITLISTED") return `Liste d'attente — ${j}`;
  return `${kind === "resend" ? "Rappel : " : ""}Votre inscription est confirmée — ${j}`;
}

/** The paragraphs of the message, as plain text; the HTML part escapes each of them. */
function paragraphsOf(kind: MailKind, m: MailInput, dropped: string[]): string[] {
  const j = m.journee;
  const chosen = j.parts.filter((p) => m.parts.some((c) => c.partId === p.id));
  const status =
    kind === "cancellation"
      ? "Votre inscription à cette journée est annulée. Votre place a été libérée. Vous pouvez vous réinscrire tant que les inscriptions sont ouvertes."
      : kind === "promotion"
        ? "Une place s'est libérée : vous quittez la liste d'attente et votre inscription est confirmée."
        : m.status === "WAITLISTED"
          ? `La journée est complète : vous êtes inscrit·e sur la liste d'attente. ${waitlistPositionText(m.waitlistRank ?? 1)} Vous recevrez un e-mail si une place se libère.`
          : "Votre inscription est confirmée.";
  return [
    `Bonjour ${m.firstName} ${m.lastName},`,
    status,
    ...(dropped.length
      ? [
          `Complet : votre choix « ${dropped.join(" », « ")} » a été retiré. Vous pouvez en choisir un autre avec votre lien de gestion.`,
        ]
      : []),
    `${j.title}\n${formatLongDate(j.startsAt)}, ${formatTime(j.startsAt)} – ${formatTime(j.endsAt)}\n${j.venue}, ${j.address}`,
    ...(j.accessInfo ? [`Accès : ${j.accessInfo}`] : []),
    ...(chosen.length && kind !== "cancellation"
      ? [
          `Vos choix : ${chosen.map((p) => `${p.title} (${formatTime(p.startsAt)} – ${formatTime(p.endsAt)})`).join(" ; ")}`,
        ]
      : []),
    ...(m.answerTexts?.length && kind !== "cancellation" ? [`Vos réponses :\n${m.answerTexts.join("\n")}`] : []),
  ];
}

const TEXT_FOOTER =
  "Vos données servent uniquement à l'organisation de la journée (voir la page « Données personnelles » du site).";

/** The complete message: plain text + HTML (user values escaped), QR ticket and .ics when confirmed. */
export async function buildRegistrationMail(
  kind: MailKind,
  m: MailInput,
  dropped: string[] = [],
): Promise<OutgoingMail> {
  const base = appUrl();
  const manageUrl = `${base}/inscription/${manageToken(m.tokenSalt)}`;
  const confirmed = m.status === "CONFIRMED" && kind !== "cancellation";
  const payload = ticketPayload(m.tokenSalt);
  const paragraphs = paragraphsOf(kind, m, dropped);
  const ticketText = confirmed ? [`Votre billet (à présenter à l'accueil, QR code en pièce jointe) : ${payload}`] : [];
  const manageText = kind === "cancellation" ? [] : [`Voir, modifier ou annuler votre inscription : ${manageUrl}`];
  const text = [...paragraphs, ...ticketText, ...manageText, TEXT_FOOTER].join("\n\n");

  const p = (t: string) => `<p>${escapeHtml(t).replace(/\n/g, "<br>")}</p>`;
  const html = [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Émarge</title></head>',
    '<body style="font-family:system-ui,Arial,sans-serif;color:#1d232a;line-height:1.5;max-width:40rem">',
    ...paragraphs.map(p),
    confirmed
      ? `<p><strong>Votre billet</strong> — présentez ce QR code à l'accueil :</p><p><img src="cid:billet-qr" width="220" height="220" alt="QR code de votre billet"></p><p style="font-family:monospace">${escapeHtml(payload)}</p>`
      : "",
    kind === "cancellation"
      ? ""
      : `<p><a href="${escapeHtml(manageUrl)}">Voir, modifier ou annuler votre inscription</a></p>`,
    `<p style="color:#4b5563;font-size:0.9em">${escapeHtml(TEXT_FOOTER)}</p>`,
    "</body></html>",
  ].join("\n");

  const attachments: OutgoingMail["attachments"] = [];
  if (confirmed) {
    const png = ticketQrPng(payload);
    attachments.push({ filename: "billet-qr.png", content: png, contentType: "image/png", cid: "billet-qr" });
    attachments.push({ filename: "billet.png", content: png, contentType: "image/png" });
    const ics = buildIcs({
      uid: `${m.id}@emarge`,
      start: m.journee.startsAt,
      end: m.journee.endsAt,
      summary: m.journee.title,
      location: `${m.journee.venue}, ${m.journee.address}`,
      description: `Journée professionnelle Logement d'abord.\nGérer votre inscription : ${manageUrl}`,
      url: `${base}/journees/${m.journee.slug}`,
    });
    attachments.push({
      filename: "journee.ics",
      content: ics,
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    });
  }
  return { to: m.email ?? "", subject: subjectOf(kind, m), text, html, attachments };
}
