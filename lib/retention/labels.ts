import { formatShortDate } from "@/lib/format/dates";

type StageCount = { journees: number; registrations: number };
type RunSummary = {
  fullBefore: Date;
  proofBefore: Date;
  proofOnly: StageCount;
  aggregatesOnly: StageCount;
  dryRun: boolean;
  ran: boolean;
  changed: boolean;
  skipped?: "locked";
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const stage = (c: StageCount) =>
  `${plural(c.registrations, "inscription", "inscriptions")} (${plural(c.journees, "journée", "journées")})`;

/** French lines describing a retention run or dry run (counts only, no names). */
export function describeRetentionRun(run: RunSummary): string[] {
  if (run.skipped === "locked") return ["Une autre instance applique déjà la conservation : rien n'a été fait."];
  const done = (c: StageCount, todo: string, one: string, many: string) =>
    run.dryRun ? `${stage(c)} à ${todo}` : `${stage(c)} ${c.registrations > 1 ? many : one}`;
  const lines = [
    run.dryRun ? "Simulation (--dry-run) : aucune donnée modifiée." : "Politique de conservation appliquée.",
    `Journées terminées au plus tard le ${formatShortDate(run.fullBefore)} (preuve de présence seulement) : ` +
      `${done(run.proofOnly, "alléger", "allégée", "allégées")} — e-mail, téléphone et besoins d'accessibilité retirés.`,
    `Journées terminées au plus tard le ${formatShortDate(run.proofBefore)} (statistiques seulement) : ` +
      `${done(run.aggregatesOnly, "anonymiser", "anonymisée", "anonymisées")}.`,
  ];
  const total = run.proofOnly.registrations + run.aggregatesOnly.registrations;
  if (total === 0) lines.push("Rien à faire : tout est déjà conforme à la politique de conservation.");
  return lines;
}
