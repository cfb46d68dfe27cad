import { SCAN_METHOD_LABELS, SCAN_RESULT_LABELS } from "@/lib/checkin/labels";
import type { ScanMethod, ScanResult } from "@/lib/checkin/schema";
import type { ExportColumn } from "./labels";
import type { ScanExportRow } from "./queries/scans";

/** Shown in place of a person when the ticket named nobody (unknown or forged code). */
export const UNKNOWN_PERSON = "inconnu";

const resultLabel = (code: string) => SCAN_RESULT_LABELS[code as ScanResult]?.title ?? code;

/** The columns of the scan history exports (CSV and XLSX), in order; times to the second. */
export const SCAN_COLUMNS: ExportColumn<ScanExportRow>[] = [
  { header: "Heure", width: 20, kind: "datetime-seconds", value: (r) => r.scannedAt },
  { header: "Demi-journée", width: 18, value: (r) => r.partTitle },
  { header: "Porte", width: 14, value: (r) => r.door },
  { header: "Appareil", width: 16, value: (r) => r.deviceId },
  { header: "Agent", width: 18, value: (r) => r.agent },
  { header: "Mode", width: 12, value: (r) => SCAN_METHOD_LABELS[r.method as ScanMethod] ?? r.method },
  { header: "Code résultat", width: 20, value: (r) => r.result },
  { header: "Résultat", width: 26, value: (r) => resultLabel(r.result) },
  { header: "Nom", width: 20, value: (r) => r.person?.lastName ?? UNKNOWN_PERSON },
  { header: "Prénom", width: 16, value: (r) => r.person?.firstName ?? "" },
  { header: "Structure", width: 30, value: (r) => r.person?.structure ?? "" },
  { header: "Hors ligne", width: 10, value: (r) => r.offline },
  { header: "Reçu après la fermeture", width: 12, value: (r) => r.lateSync },
];
