import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OfflineSnapshot } from "@/lib/checkin/schema";
import { buildIndex, evaluateLocal, markKey, searchLocal } from "./local-index";
import { parseTicket, sha256Base64url } from "./ticket-hash";

const H = 3600_000;
const now = new Date("2026-04-16T08:00:00Z");
const hash = (t: string) => createHash("sha256").update(t).digest("base64url");
const TOKEN = "abcdefghijklmnopqrstuv";
const OTHER = "zyxwvutsrqponmlkjihgfe";
const reg = (id: string, over = {}) => ({
  id,
  ticketHash: hash(`${id}-token`),
  status: "CONFIRMED" as const,
  firstName: "Élodie",
  lastName: "Martin",
  structure: "CCAS d'Istres",
  walkIn: false,
  waitlistPosition: null,
  partIds: [],
  checkIns: [],
  ...over,
});
const snapshot: OfflineSnapshot = {
  journee: {
    id: "j1",
    title: "Plénière",
    city: "Marseille",
    status: "PUBLISHED",
    startsAt: new Date(now.getTime() - H).toISOString(),
    endsAt: new Date(now.getTime() + 7 * H).toISOString(),
    capacity: 200,
    confirmedCount: 3,
    parts: [],
  },
  registrations: [
    reg("r1", { ticketHash: hash(TOKEN) }),
    reg("r2", { firstName: "Paul", lastName: "Blanc", status: "CANCELLED" }),
    reg("r3", { firstName: "Rita", lastName: "Attente", status: "WAITLISTED", waitlistPosition: 2 }),
  ],
  otherTickets: [{ h: hash(OTHER).slice(0, 16), j: 0 }],
  otherJournees: [{ id: "j2", title: "Istres", city: "Istres", startsAt: "2026-07-01T07:00:00.000Z" }],
  conflicts: [],
  generatedAt: now.toISOString(),
};

describe("offline evaluation on the snapshot", () => {
  it("hashes like the server and answers with the online vocabulary", async () => {
    expect(parseTicket(` EMT1.${TOKEN} `)).toBe(TOKEN);
    expect(parseTicket("https://example.org")).toBeNull();
    expect(await sha256Base64url(TOKEN)).toBe(hash(TOKEN));
    const index = buildIndex(snapshot, [], []);
    const byTicket = (t: string) => evaluateLocal(index, { ticketHash: hash(t) }, "journee", now).result;
    expect(byTicket(TOKEN)).toBe("ok");
    expect(byTicket(OTHER)).toBe("wrong_journee");
    expect(byTicket("AAAAAAAAAAAAAAAAAAAAAA")).toBe("unknown");
    expect(evaluateLocal(index, { ticketHash: null }, "journee", now).result).toBe("unknown");
    expect(evaluateLocal(index, { registrationId: "r2" }, "journee", now).result).toBe("cancelled");
    expect(evaluateLocal(index, { registrationId: "r3" }, "journee", now).details.waitlistPosition).toBe(2);
    const key = markKey("j1", "r1", "journee");
    index.marks.set(key, {
      key,
      journeeId: "j1",
      registrationId: "r1",
      partKey: "journee",
      at: now.toISOString(),
      door: "A",
      nonce: "n",
    });
    expect(evaluateLocal(index, { ticketHash: hash(TOKEN) }, "journee", now)).toMatchObject({
      result: "already_checked_in",
      details: { checkIn: { door: "A", agentName: "cet appareil" } },
    });
  });

  it("searches names and structures without accents or case", () => {
    const index = buildIndex(snapshot, [], []);
    expect(searchLocal(index, "ELODIE istres", "journee").map((h) => h.registrationId)).toEqual(["r1"]);
    expect(searchLocal(index, "blanc", "journee")).toMatchObject([{ status: "CANCELLED" }]);
    expect(searchLocal(index, "x", "journee")).toEqual([]);
  });
});

describe("catch-up signing offline (issue 13)", () => {
  it("a present, unsigned person scanned again is offered the pad; once signed, not", () => {
    const present = { partKey: "journee", at: now.toISOString(), door: "A", agentName: "Agent" };
    const signing = { ...snapshot, journee: { ...snapshot.journee, signatureRequired: true } };
    const withPeople = (over: object) => ({ ...signing, registrations: [reg("r9", { checkIns: [present], ...over })] });
    const unsigned = evaluateLocal(buildIndex(withPeople({}), [], []), { registrationId: "r9" }, "journee", now);
    expect(unsigned).toMatchObject({
      result: "already_checked_in",
      details: { needsSignature: true, partKey: "journee" },
    });
    const signed = withPeople({ signedPartKeys: ["journee"] });
    const again = evaluateLocal(buildIndex(signed, [], []), { registrationId: "r9" }, "journee", now);
    expect(again.result).toBe("already_checked_in");
    expect(again.details.needsSignature).toBeUndefined();
  });
});
