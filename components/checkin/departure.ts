import { formatTime } from "@/lib/format/dates";
import type { AnswerView } from "./result-panel";
import { newNonce, type ScanAnswer, type Station } from "./scan-client";

/**
 * Check-out mode (« Départ », issue 13 point 5): the ticket read goes straight to POST
 * /api/attendance/departure — never through the scan, which would check in a person not yet
 * present at the moment they leave. Departures need the network: the offline queue carries scans
 * and signatures, not departures, so the agent is told so instead of a silent failure.
 */
type Deps = {
  journeeId: string;
  partKey: string;
  station: Station;
  /** End of the half-day (ISO): a departure before it is « parti avant la fin ». */
  endsAt?: string;
  offline: { shouldQueue: () => boolean; networkFailed: () => void };
};
type Outcome = { answer: ScanAnswer; view: AnswerView };

const REASONS: Record<string, string> = {
  not_present:
    "Cette personne n'a pas été pointée à cette demi-journée : pas de départ à enregistrer (repassez en mode Scanner pour l'accueillir).",
  unknown_ticket: "Billet inconnu pour cette journée : pas de départ enregistré.",
  sheet_closed: "La feuille de cette demi-journée est close (contresignée) : un organisateur peut la rouvrir.",
  forbidden: "Vous n'avez pas les droits d'accueil sur cette journée.",
  unauthenticated: "Session expirée : reconnectez-vous pour continuer.",
};

export const NETWORK_NEEDED: AnswerView = {
  tone: "warning",
  icon: "⚠",
  title: "Départ : réseau nécessaire",
  lines: ["Hors ligne, les départs ne sont pas enregistrés. Réessayez dès que le réseau revient."],
  result: "departure_offline",
};

export async function scanDeparture(
  source: { ticket: string } | { registrationId: string },
  deps: Deps,
): Promise<Outcome> {
  const offline: ScanAnswer = { error: "network" };
  if (deps.offline.shouldQueue()) return { answer: offline, view: NETWORK_NEEDED };
  const reply = await postDeparture({
    ...source,
    journeeId: deps.journeeId,
    partKey: deps.partKey,
    door: deps.station.door,
  });
  if (reply.ok) {
    const { person } = reply;
    const name = `${person.firstName} ${person.lastName}`;
    const at = new Date(reply.departedAt);
    const early = deps.endsAt ? at.getTime() < new Date(deps.endsAt).getTime() : false;
    const lines = [name, person.structure, `Départ enregistré à ${formatTime(at)}.`];
    if (early && deps.endsAt)
      lines.push(`Statut : parti avant la fin (fin prévue à ${formatTime(new Date(deps.endsAt))}).`);
    return {
      answer: offline,
      view: { tone: "success", icon: "➜", title: "Départ enregistré", name, lines, result: "departure" },
    };
  }
  if (reply.reason === "network") {
    deps.offline.networkFailed();
    return { answer: offline, view: NETWORK_NEEDED };
  }
  const text = REASONS[reply.reason] ?? "Erreur du serveur : réessayez dans un instant.";
  return {
    answer: offline,
    view: { tone: "danger", icon: "✕", title: "Départ non enregistré", lines: [text], result: "departure_refused" },
  };
}

type DepartureBody = ({ ticket: string } | { registrationId: string }) & {
  journeeId: string;
  partKey: string;
  door: string;
};
type Person = { registrationId: string; firstName: string; lastName: string; structure: string };

async function postDeparture(body: DepartureBody) {
  const payload = JSON.stringify({ ...body, nonce: newNonce() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await fetch("/api/attendance/departure", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: payload,
        signal: AbortSignal.timeout(5000),
      });
      const reply = (await res.json().catch(() => null)) as
        | { ok: true; departedAt: string; person: Person }
        | { ok: false; reason: string }
        | null;
      if (reply) return reply;
      if (res.status < 500) return { ok: false as const, reason: "invalid" };
    } catch {
      if (!navigator.onLine) break;
    }
  }
  return { ok: false as const, reason: "network" };
}
