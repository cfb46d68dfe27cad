import { STRUCTURE_TYPE_LABELS } from "@/lib/registration/labels";
import type { ExportKind } from "./schema";

export { STRUCTURE_TYPE_LABELS };

/** Short labels for charts and table headers (the long ones live in lib/registration/labels.ts). */
export const STRUCTURE_TYPE_SHORT: Record<string, string> = {
  COMMUNE_CCAS: "Commune / CCAS",
  EPCI_METROPOLE: "EPCI / Métropole",
  ETAT: "État",
  BAILLEUR_SOCIAL: "Bailleur social",
  ASSOCIATION: "Association",
  LOGEMENT_ACCOMPAGNE: "Logement accompagné",
  SANITAIRE_MEDICO_SOCIAL: "Sanitaire / médico-social",
  AUTRE: "Autre",
};

export function structureTypeLabel(value: string): string {
  return STRUCTURE_TYPE_SHORT[value] ?? value;
}

/** Short labels of the structure's network, for charts, tables and exports ("" = not given). */
export const NETWORK_SHORT: Record<string, string> = {
  UNAFO: "Unafo",
  FAS: "FAS (acteurs de la solidarité)",
  USH: "AR Hlm PACA & Corse / USH",
  UNCCAS: "UNCCAS",
  FONDATION_LOGEMENT: "Fondation pour le logement",
  SOLIHA: "Soliha",
  URIOPSS: "URIOPSS",
  UNHAJ: "UNHAJ",
  AUCUN: "Aucun réseau",
  AUTRE: "Autre réseau",
};

export function networkLabel(value: string | null): string {
  return value ? (NETWORK_SHORT[value] ?? value) : "Non renseigné";
}

export const REGISTRATION_STATUS_LABELS: Record<string, string> = {
  CONFIRMED: "Confirmée",
  WAITLISTED: "Liste d'attente",
  CANCELLED: "Annulée",
};

export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  "inscriptions-csv": "Inscriptions — CSV pour Excel (séparateur ;)",
  "inscriptions-donnees-csv":
    "Inscriptions — CSV de données pour les programmes (valeurs telles que saisies, séparateur , et dates ISO 8601 ; pour un tableur, prendre le CSV Excel ou le XLSX)",
  "inscriptions-xlsx": "Inscriptions — classeur XLSX",
  "emargement-pdf": "Feuille d'émargement à signer (PDF)",
  "emargement-numerique-pdf": "Émargement numérique avec heures d'arrivée (PDF)",
  "badges-pdf": "Badges à imprimer (PDF, A4)",
  "attestations-zip": "Attestations de présence (ZIP de PDF)",
  "synthese-xlsx": "Synthèse DDETS (XLSX)",
  "synthese-pdf": "Synthèse DDETS (PDF)",
  "historique-scans-csv": "Historique des scans — CSV pour Excel",
  "historique-scans-xlsx": "Historique des scans — classeur XLSX",
  "traiteur-csv": "Liste traiteur — CSV pour Excel (repas, régimes avec les noms)",
  "traiteur-xlsx": "Liste traiteur — classeur XLSX",
  "traiteur-pdf": "Liste traiteur — PDF à transmettre au traiteur",
};

export const STATUS_FILTER_LABELS: Record<string, string> = {
  all: "Toutes les inscriptions",
  confirmed: "Confirmées",
  waitlisted: "Liste d'attente",
  cancelled: "Annulées",
  present: "Présentes",
  absent: "Confirmées absentes",
};

export const EXPORT_REFUSALS: Record<string, string> = {
  forbidden: "Vous n'avez pas accès à cet export.",
  invalid: "Paramètres d'export invalides.",
  journee_required: "Choisissez une journée pour cet export.",
  unknown_journee: "Journée introuvable.",
  not_finished: "Les attestations sont disponibles après la journée.",
  unknown_question:
    "Cette question n'existe pas pour cette journée, ou sa réponse ne peut pas figurer sur ce document (données personnelles).",
};

/** « 7 h 00 », « 3 h 30 » */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${h} h ${String(m).padStart(2, "0")}`;
}

export function percent(part: number, whole: number): string {
  if (!whole) return "—";
  return `${Math.round((part / whole) * 100)} %`;
}

/** The columns of the registration exports (CSV and XLSX), in order. */
export type ExportColumn<Row> = {
  header: string;
  width: number;
  kind?: "date" | "datetime-seconds";
  value: (row: Row) => string | number | boolean | Date | null;
};

/** One row of the registration exports, as lib/reports/queries/export-rows.ts reads it. */
export type ExportRow = {
  seq: number;
  lastName: string;
  firstName: string;
  email: string;
  structure: string;
  structureType: string;
  /** Network code, "" when not given. */
  network: string;
  jobTitle: string;
  commune: string;
  status: string;
  walkIn: boolean;
  createdAt: Date;
  cancelledAt: Date | null;
  journeeTitle: string;
  journeeDate: Date;
  parts: string;
  present: boolean;
  firstArrival: Date | null;
  presentParts: string;
  /** Place in the waiting list (1 = next in line), null unless waitlisted. */
  waitlistRank: number | null;
  /** Answers to the journée's questions by question id (one-journée exports), several choices joined. */
  answers: Record<string, string>;
  /** Each half-day's status, arrival, departure and hours attended, by partKey (attendance-columns.ts). */
  byPart: Record<string, { status: string; arrival: Date | null; departure: Date | null; hours: number | null }>;
  hoursAttended: number | null;
  /** « Matinée : En retard ; Après-midi : Absent » (exports of several journées). */
  attendanceSummary: string;
};

export const REGISTRATION_COLUMNS: ExportColumn<ExportRow>[] = [
  { header: "N°", width: 8, value: (r) => r.seq },
  { header: "Nom", width: 20, value: (r) => r.lastName },
  { header: "Prénom", width: 16, value: (r) => r.firstName },
  { header: "E-mail", width: 28, value: (r) => r.email },
  { header: "Structure", width: 30, value: (r) => r.structure },
  { header: "Type de structure", width: 22, value: (r) => structureTypeLabel(r.structureType) },
  { header: "Réseau ou fédération", width: 24, value: (r) => (r.network ? networkLabel(r.network) : "") },
  { header: "Fonction", width: 22, value: (r) => r.jobTitle },
  { header: "Commune", width: 18, value: (r) => r.commune },
  { header: "Journée", width: 30, value: (r) => r.journeeTitle },
  { header: "Date de la journée", width: 17, kind: "date", value: (r) => r.journeeDate },
  { header: "Statut", width: 14, value: (r) => REGISTRATION_STATUS_LABELS[r.status] ?? r.status },
  { header: "Position en liste d'attente", width: 12, value: (r) => r.waitlistRank ?? "" },
  { header: "Inscription sur place", width: 10, value: (r) => r.walkIn },
  { header: "Inscrit·e le", width: 17, kind: "date", value: (r) => r.createdAt },
  { header: "Annulé·e le", width: 17, kind: "date", value: (r) => r.cancelledAt },
  { header: "Demi-journées choisies", width: 26, value: (r) => r.parts },
  { header: "Présent·e", width: 10, value: (r) => r.present },
  { header: "Arrivée", width: 17, kind: "date", value: (r) => r.firstArrival },
  { header: "Présences", width: 26, value: (r) => r.presentParts },
];

/** One column per question of the journée (values as answered; a number question as a number). */
export function questionColumns(
  questions: { id: string; header: string; number: boolean }[],
): ExportColumn<ExportRow>[] {
  return questions.map((q) => ({
    header: q.header,
    width: 24,
    value: (r) => {
      const v = r.answers[q.id];
      if (v === undefined) return "";
      return q.number && /^-?\d+$/.test(v) ? Number(v) : v;
    },
  }));
}
