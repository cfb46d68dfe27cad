import { type Evaluation, evaluateScan, type JourneeSnapshot, type RegistrationSnapshot } from "@/lib/checkin/evaluate";
import type { OfflineRegistration, OfflineSnapshot } from "@/lib/checkin/schema";
import { foldForSearch } from "@/lib/text/normalize";
import type { Mark, QueuedWalkIn } from "./types";

/**
 * The snapshot in memory, indexed for a scan in well under a millisecond: by ticket hash, by id,
 * other journées' hash prefixes; plus this device's check-ins (marks) and pending walk-ins.
 */
export type LocalIndex = {
  snapshot: OfflineSnapshot;
  journee: JourneeSnapshot;
  byHash: Map<string, OfflineRegistration>;
  byId: Map<string, OfflineRegistration>;
  others: Map<string, number>;
  marks: Map<string, Mark>;
  folded: Map<string, string>;
};

export const markKey = (journeeId: string, registrationId: string, partKey: string) =>
  `${journeeId}|${registrationId}|${partKey}`;

export function buildIndex(snapshot: OfflineSnapshot, marks: Mark[], walkIns: QueuedWalkIn[]): LocalIndex {
  const j = snapshot.journee;
  const index: LocalIndex = {
    snapshot,
    journee: { id: j.id, status: j.status, startsAt: new Date(j.startsAt), endsAt: new Date(j.endsAt), parts: j.parts },
    byHash: new Map(),
    byId: new Map(),
    others: new Map(snapshot.otherTickets.map((o) => [o.h, o.j])),
    marks: new Map(),
    folded: new Map(),
  };
  for (const r of snapshot.registrations) addRegistration(index, r);
  for (const w of walkIns) if (w.journeeId === j.id) addRegistration(index, walkInRegistration(w));
  for (const m of marks) index.marks.set(m.key, m);
  return index;
}

export function addRegistration(index: LocalIndex, r: OfflineRegistration): void {
  if (r.ticketHash) index.byHash.set(r.ticketHash, r);
  index.byId.set(r.id, r);
  index.folded.set(r.id, foldForSearch(`${r.firstName} ${r.lastName} ${r.structure}`));
}

/** A walk-in recorded offline: known locally under a local id until the server creates it. */
export function walkInRegistration(w: QueuedWalkIn): OfflineRegistration {
  const { firstName, lastName, structure, partKey, door, scannedAt } = w.walkIn;
  return {
    id: `local-${w.nonce}`,
    ticketHash: "",
    status: "CONFIRMED",
    firstName,
    lastName,
    structure,
    walkIn: true,
    waitlistPosition: null,
    partIds: [],
    checkIns: [{ partKey, at: scannedAt, door: door ?? "", agentName: "cet appareil" }],
  };
}

function toSnapshot(index: LocalIndex, r: OfflineRegistration, partKey: string): RegistrationSnapshot {
  const j = index.snapshot.journee;
  const mark = index.marks.get(markKey(j.id, r.id, partKey));
  const checkIns = r.checkIns
    .filter((c) => c.partKey === partKey)
    .map((c) => ({ id: "", partKey, checkedInAt: new Date(c.at), door: c.door, agentName: c.agentName }));
  if (mark && !checkIns.length) {
    checkIns.push({ id: "", partKey, checkedInAt: new Date(mark.at), door: mark.door, agentName: "cet appareil" });
  }
  return {
    ...r,
    journeeId: j.id,
    journee: { title: j.title, city: j.city, startsAt: new Date(j.startsAt) },
    checkIns,
  };
}

/** evaluateScan on the snapshot: the same vocabulary as online. */
export function evaluateLocal(
  index: LocalIndex,
  key: { ticketHash: string | null } | { registrationId: string },
  partKey: string,
  now: Date,
): Evaluation & { registrationId?: string } {
  const reg =
    "registrationId" in key
      ? index.byId.get(key.registrationId)
      : key.ticketHash
        ? index.byHash.get(key.ticketHash)
        : undefined;
  if (reg) {
    const evaluation = evaluateScan(toSnapshot(index, reg, partKey), index.journee, partKey, now);
    // Issue 13: the pad follows an ok scan when the journée asks for it and this half-day is unsigned,
    // and a present but unsigned person scanned again is offered it again. A walk-in recorded
    // offline has no server id yet: once synced, scanning their ticket again (or searching their
    // name) offers the pad, and the organiser's sheet page lets an agent attest their presence.
    const asks = index.snapshot.journee.signatureRequired && !reg.id.startsWith("local-");
    const unsigned = !reg.signedPartKeys?.includes(partKey);
    if (evaluation.result === "ok" && asks)
      evaluation.details = { ...evaluation.details, signatureRequired: unsigned, partKey };
    if (evaluation.result === "already_checked_in" && asks && unsigned)
      evaluation.details = { ...evaluation.details, needsSignature: true, partKey };
    return { ...evaluation, registrationId: reg.id };
  }
  const other = "ticketHash" in key && key.ticketHash ? index.others.get(key.ticketHash.slice(0, 16)) : undefined;
  const o = other === undefined ? undefined : index.snapshot.otherJournees[other];
  if (!o) return evaluateScan(null, index.journee, partKey, now);
  // Another journée's ticket: its public title, city and date, no name (the snapshot holds none).
  const otherJournee = { title: o.title, city: o.city, startsAt: o.startsAt };
  return { result: "wrong_journee", details: { otherJournee } };
}

export type LocalHit = {
  registrationId: string;
  firstName: string;
  lastName: string;
  structure: string;
  status: OfflineRegistration["status"];
  walkIn: boolean;
  checkedInAt: string | null;
};

/** Name or structure, accents and case ignored, every word must match (no e-mail offline). */
export function searchLocal(index: LocalIndex, q: string, partKey: string, take = 12): LocalHit[] {
  const words = foldForSearch(q).split(" ").filter(Boolean).slice(0, 5);
  if (!words.length) return [];
  const hits: LocalHit[] = [];
  for (const r of index.byId.values()) {
    const text = index.folded.get(r.id) ?? "";
    if (!words.every((w) => text.includes(w))) continue;
    const existing = toSnapshot(index, r, partKey).checkIns[0];
    const { id, firstName, lastName, structure, status, walkIn } = r;
    hits.push({
      registrationId: id,
      firstName,
      lastName,
      structure,
      status,
      walkIn,
      checkedInAt: existing?.checkedInAt.toISOString() ?? null,
    });
  }
  hits.sort((a, b) => a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr"));
  return hits.slice(0, take);
}
