import type { CurrentUser } from "@/lib/auth/permissions";
import { agentDisplayName } from "@/lib/checkin/labels";
import { getDb } from "@/lib/db/client";
import { type ChainCheck, verifyChain } from "../chain";
import { normaliseFingerprint, sheetFingerprint } from "../fingerprint";
import type { ProofFile } from "../sheet-types";
import { sheetJournee } from "./sheet";

/** A half-day's records in chain order, with their images, and the chain checked against the sheet's head. */
async function chainOf(journeeId: string, partKey: string) {
  const db = await getDb();
  const [records, sheet] = await Promise.all([
    db.attendanceSignature.findMany({
      where: { journeeId, partKey },
      orderBy: { chainSeq: "asc" },
      include: { registration: { select: { firstName: true, lastName: true } } },
    }),
    db.halfDaySheet.findUnique({ where: { journeeId_partKey: { journeeId, partKey } } }),
  ]);
  const head = { seq: sheet?.headSeq ?? 0, hash: sheet?.headHash ?? "" };
  const check: ChainCheck = verifyChain(
    journeeId,
    partKey,
    records.map((r) => ({ ...r, seq: r.chainSeq })),
    head,
  );
  return { records, sheet, check };
}

/**
 * The proof file (« dossier de preuve ») of one half-day: for each record its server time, method,
 * agent, device, door, client address, image hash and chain hashes, and whether the chain is intact.
 * Staff with report rights on the journée; null out of scope or for an unknown half-day.
 */
export async function proofRecords(
  user: CurrentUser,
  journeeId: string,
  partKey: string,
): Promise<(ProofFile & { check: ChainCheck }) | null> {
  const journee = await sheetJournee(user, journeeId);
  const half = journee?.halfDays.find((h) => h.partKey === partKey);
  if (!journee || !half) return null;
  const db = await getDb();
  const { records, sheet, check } = await chainOf(journeeId, partKey);
  const agentIds = [...new Set(records.flatMap((r) => (r.agentId ? [r.agentId] : [])))];
  const agents = await db.user.findMany({
    where: { id: { in: agentIds } },
    select: { id: true, name: true, email: true },
  });
  const agentName = (id: string | null) => {
    const agent = id ? agents.find((a) => a.id === id) : null;
    return agent ? agentDisplayName(agent) : null;
  };
  const closed = sheet?.closedAt ? sheet : null;
  return {
    sheet: {
      ...half,
      journeeTitle: journee.title,
      countersignature:
        closed?.countersignPng && closed.countersignedAt
          ? { name: closed.countersignName ?? "", signedAt: closed.countersignedAt, png: closed.countersignPng }
          : null,
      closedAt: closed?.closedAt ?? null,
      verificationCode: closed?.verificationCode ?? null,
      fingerprint: closed?.fingerprint ?? null,
    },
    records: records.map((r) => ({
      seq: r.chainSeq,
      signedAt: r.signedAt,
      personName: `${r.registration.firstName} ${r.registration.lastName}`.trim(),
      method: r.method,
      agentName: agentName(r.agentId),
      deviceId: r.deviceId,
      door: r.door,
      clientIp: r.clientIp,
      offline: r.offline,
      clientSignedAt: r.clientSignedAt,
      sha256: r.pngSha256,
      prevHash: r.prevHash,
      recordHash: r.recordHash,
    })),
    chainValid: check.valid,
    check,
  };
}

/**
 * /attestations/verifier: a sheet's code and fingerprint. `matches` only when the sheet is closed,
 * the fingerprint given is the one printed, and the stored records still give that fingerprint
 * (chain intact, same head, same countersignature). Public: answers nothing personal.
 */
export async function verifySheet(code: string, fingerprint: string) {
  const none = { found: false, matches: false, journeeTitle: null, partTitle: null, closedAt: null, count: 0 };
  const db = await getDb();
  const sheet = await db.halfDaySheet.findUnique({
    where: { verificationCode: code.trim().toUpperCase() },
    include: { journee: { select: { title: true, parts: { select: { id: true, title: true } } } } },
  });
  if (!sheet) return none;
  const { records, check } = await chainOf(sheet.journeeId, sheet.partKey);
  const recomputed =
    sheet.closedAt && sheet.countersignSha256
      ? sheetFingerprint({ ...sheet, countersignSha256: sheet.countersignSha256, closedAt: sheet.closedAt })
      : null;
  const matches =
    check.valid &&
    recomputed !== null &&
    recomputed === sheet.fingerprint &&
    normaliseFingerprint(fingerprint) === sheet.fingerprint;
  return {
    found: true,
    matches,
    journeeTitle: sheet.journee.title,
    partTitle: sheet.journee.parts.find((p) => p.id === sheet.partKey)?.title ?? "Journée",
    closedAt: sheet.closedAt,
    count: records.length,
  };
}
