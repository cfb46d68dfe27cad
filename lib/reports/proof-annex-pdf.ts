import type { ChainCheck } from "@/lib/attendance/chain";
import { SIGNATURE_METHOD_LABELS } from "@/lib/attendance/labels";
import type { ProofFile, ProofRecord } from "@/lib/attendance/sheet-types";
import { formatLongDate, formatShortDateTimeSeconds, formatTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { breathe, newPdf, type Pdf, pdfBuffer } from "./emargement-pdf";
import { drawLine, drawLines, lineHeight, type TextStyle, textWidth, wrapLines } from "./pdf-text";

/**
 * The proof file's readable annex (« dossier de preuve », issue 13 point 8): the chain check stated
 * plainly at the top, then one block per record in chain order (server time, method, agent, device,
 * door, client address, offline and device time, SHA-256 of the signature, previous and own hash).
 */
const LEFT = 36;
const WIDTH = 523;
const TOP = 36;
const BOTTOM = 842 - 36 - 24;
const BODY: TextStyle = { size: 8 };
const SMALL: TextStyle = { size: 7.5 };

const PROBLEMS: Record<Exclude<ChainCheck, { valid: true }>["problem"], string> = {
  missing_record: "un enregistrement manque ou a été inséré",
  modified_record: "un enregistrement a été modifié",
  image_changed: "une image de signature ne correspond plus à son empreinte",
  head_mismatch: "la fin de la chaîne ne correspond plus à celle enregistrée à la clôture",
};

export function chainVerdict(file: ProofFile & { check?: ChainCheck }): string {
  const n = file.records.length;
  if (file.chainValid) {
    const records =
      n < 2
        ? `${plural(n, "enregistrement")} : rien ne manque`
        : `les ${n} enregistrements se suivent sans trou et chacun couvre le précédent`;
    return `Chaîne d'intégrité VALIDE : ${records} ; aucun n'a été supprimé ni modifié.`;
  }
  const where =
    file.check && !file.check.valid ? ` au rang ${file.check.brokenAtSeq} : ${PROBLEMS[file.check.problem]}` : "";
  return `Chaîne d'intégrité ROMPUE${where}. Les enregistrements ci-dessous ne prouvent plus la feuille.`;
}

function recordLines(r: ProofRecord): { text: string; style: TextStyle }[] {
  const agent = r.agentName ?? "aucun (signature de la personne)";
  const offline = r.offline
    ? `oui, heure de l'appareil ${r.clientSignedAt ? formatShortDateTimeSeconds(r.clientSignedAt) : "inconnue"}`
    : "non";
  return [
    {
      text: `n° ${r.seq} · ${formatShortDateTimeSeconds(r.signedAt)} (heure du serveur) · ${r.personName}`,
      style: { size: 9, bold: true },
    },
    { text: `Méthode : ${SIGNATURE_METHOD_LABELS[r.method]} · Agent : ${agent}`, style: BODY },
    {
      text: `Appareil : ${r.deviceId || "-"} · Porte : ${r.door || "-"} · Adresse du client : ${r.clientIp ?? "-"} · Hors ligne : ${offline}`,
      style: BODY,
    },
    { text: `SHA-256 de la signature : ${r.sha256 ?? "aucune image (présence attestée)"}`, style: SMALL },
    { text: `Empreinte précédente : ${r.prevHash}`, style: SMALL },
    { text: `Empreinte de l'enregistrement : ${r.recordHash}`, style: SMALL },
  ];
}

type Block = { lines: { lines: string[]; style: TextStyle }[]; height: number };

function layout(doc: Pdf, parts: { text: string; style: TextStyle }[], gap = 6): Block {
  const lines = parts.map((p) => ({ lines: wrapLines(doc, p.text, WIDTH, p.style), style: p.style }));
  return { lines, height: lines.reduce((n, l) => n + l.lines.length * lineHeight(l.style), 0) + gap };
}

function drawBlock(doc: Pdf, b: Block, y: number): number {
  let at = y;
  for (const l of b.lines) at += drawLines(doc, l.lines, LEFT, at, WIDTH, l.style);
  return y + b.height;
}

export async function drawProofAnnex(doc: Pdf, file: ProofFile & { check?: ChainCheck }) {
  const s = file.sheet;
  const closed = s.verificationCode
    ? `Feuille clôturée le ${s.closedAt ? formatShortDateTimeSeconds(s.closedAt) : "-"}${s.countersignature ? ` par ${s.countersignature.name}` : ""} · code de vérification ${s.verificationCode} · empreinte ${s.fingerprint ?? ""}`
    : "Feuille non clôturée : pas encore contre-signée ni de code de vérification.";
  const head = layout(
    doc,
    [
      { text: `Dossier de preuve - ${s.journeeTitle}`, style: { size: 13, bold: true } },
      {
        text: `${s.title} : ${formatLongDate(s.startsAt)}, ${formatTime(s.startsAt)} - ${formatTime(s.endsAt)}`,
        style: { size: 10, bold: true },
      },
      { text: chainVerdict(file), style: { size: 10, bold: true } },
      { text: closed, style: BODY },
      {
        text: "Chaque empreinte d'enregistrement (SHA-256) couvre ses données et l'empreinte précédente : retirer ou modifier un enregistrement rompt la chaîne.",
        style: BODY,
      },
    ],
    12,
  );
  const blocks = file.records.map((r) => layout(doc, recordLines(r)));
  if (!blocks.length) blocks.push(layout(doc, [{ text: "Aucune signature ni attestation enregistrée.", style: BODY }]));
  const pages: Block[][] = [[]];
  let y = TOP + head.height;
  for (const b of blocks) {
    if (y + b.height > BOTTOM && pages[pages.length - 1].length) {
      pages.push([]);
      y = TOP;
    }
    pages[pages.length - 1].push(b);
    y += b.height;
  }
  for (const [i, page] of pages.entries()) {
    doc.addPage();
    doc.fillColor("#000");
    let at = i === 0 ? drawBlock(doc, head, TOP) : TOP;
    for (const b of page) at = drawBlock(doc, b, at);
    const label = `page ${i + 1} / ${pages.length}`;
    const footer = `Dossier de preuve - ${s.journeeTitle} - ${s.title}`;
    drawLine(doc, footer, LEFT, 842 - 36 - 12, SMALL);
    drawLine(doc, label, LEFT + WIDTH - textWidth(doc, label, SMALL), 842 - 36 - 12, SMALL);
    await breathe();
  }
}

export async function proofAnnexPdf(file: ProofFile & { check?: ChainCheck }): Promise<Buffer> {
  const doc = newPdf(`Dossier de preuve - ${file.sheet.journeeTitle} - ${file.sheet.title}`);
  return pdfBuffer(doc, (d) => drawProofAnnex(d, file));
}
