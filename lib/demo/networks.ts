import type { NetworkValue } from "@/lib/registration/schema";

/**
 * The network each fictional demo structure belongs to, as its staff would answer « Réseau ou
 * fédération de votre structure » — plausible for the Bouches-du-Rhône actors of Logement d'abord.
 */
const BY_NAME: Record<string, NetworkValue> = {
  "Association Accueil et Logement 13": "FAS",
  "Association Passerelle Logement": "SOLIHA",
  "Association Le Relais de l'Huveaune": "FAS",
  "Collectif Un Toit d'Abord": "FONDATION_LOGEMENT",
  "Association Ouest Étang Solidarités": "URIOPSS",
  "SIAO des Bouches-du-Rhône": "FAS",
  "Foyer de jeunes travailleurs Les Tilleuls": "UNHAJ",
  "Pension de famille Le Mistral": "FAS",
  "Équipe mobile psychiatrie précarité Nord": "URIOPSS",
  "CSAPA Provence Ouest": "AUTRE",
  "Université — laboratoire de sociologie urbaine": "AUCUN",
};

const BY_TYPE: Record<string, NetworkValue> = {
  EPCI_METROPOLE: "AUCUN",
  ETAT: "AUCUN",
  BAILLEUR_SOCIAL: "USH",
  ASSOCIATION: "FAS",
  LOGEMENT_ACCOMPAGNE: "UNAFO",
  SANITAIRE_MEDICO_SOCIAL: "URIOPSS",
  AUTRE: "AUTRE",
};

/** `skipped` (0–1, from the caller's own random stream): about 1 person in 5 leaves it empty. */
export function demoNetwork(structure: { name: string; type: string }, skipped: number): NetworkValue | null {
  if (skipped < 0.2) return null;
  if (structure.type === "COMMUNE_CCAS") return structure.name.startsWith("CCAS") ? "UNCCAS" : "AUCUN";
  return BY_NAME[structure.name] ?? BY_TYPE[structure.type] ?? "AUTRE";
}
