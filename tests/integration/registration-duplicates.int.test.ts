import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { cancelRegistration, register, updateRegistration } from "@/lib/registration/mutations";
import { findLiveRegistrationId } from "@/lib/registration/queries";
import { registrationSchema, updateSchema } from "@/lib/registration/schema";
import { manageToken } from "@/lib/security/tokens";
import { makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

const person = {
  firstName: "Camille",
  lastName: "Durand",
  structure: "CCAS de Test",
  structureType: "COMMUNE_CCAS",
  jobTitle: "Directrice",
  commune: "Aubagne",
  privacyAck: true,
};
const input = (journeeId: string, email: string) => registrationSchema.parse({ journeeId, email, ...person });

describe(`duplicates, window and management (${testDbKind()})`, () => {
  it("the same e-mail (case and spaces ignored) never makes a second registration, even at once", async () => {
    const journee = await makeJournee();
    const emails = ["anne@example.org", " Anne@Example.org ", "ANNE@EXAMPLE.ORG", "anne@example.org"];
    const results = await Promise.all(emails.map((e) => register(input(journee.id, e))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "already_registered")).toBe(true);
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(1);
    // The refused attempts did not keep a place either.
    expect((await db.journee.findUniqueOrThrow({ where: { id: journee.id } })).confirmedCount).toBe(1);
    expect(await findLiveRegistrationId(journee.id, "  ANNE@example.org")).toBeTruthy();
  });

  it("after cancelling, the same e-mail may register again", async () => {
    const journee = await makeJournee();
    const first = await register(input(journee.id, "paul@example.org"));
    if (!first.ok) throw new Error("registration refused");
    await cancelRegistration(manageToken(first.tokenSalt));
    expect(await register(input(journee.id, "paul@example.org"))).toMatchObject({ ok: true });
  });

  it.each([
    ["not_open_yet", { registrationOpensAt: new Date(Date.now() + 86400_000) }],
    ["closed", { registrationClosesAt: new Date(Date.now() - 1000) }],
    ["closed", { status: "CLOSED" as const }],
    ["past", { startsAt: new Date(Date.now() - 2 * 86400_000), endsAt: new Date(Date.now() - 86400_000) }],
    ["cancelled", { status: "CANCELLED" as const }],
    ["unknown_journee", { status: "DRAFT" as const }],
  ])("refuses with reason %s, writing nothing", async (reason, overrides) => {
    const journee = await makeJournee(overrides);
    expect(await register(input(journee.id, "x@example.org"))).toMatchObject({ ok: false, reason });
    const db = await getDb();
    expect(await db.registration.count({ where: { journeeId: journee.id } })).toBe(0);
  });

  it("refuses an unknown journée id and a tampered atelier id", async () => {
    expect(await register(input("c-does-not-exist", "x@example.org"))).toMatchObject({ reason: "unknown_journee" });
    const journee = await makeJournee();
    const other = await makeJournee();
    const db = await getDb();
    const foreign = await db.journeePart.create({
      data: {
        journeeId: other.id,
        kind: "WORKSHOP",
        title: "Ailleurs",
        startsAt: other.startsAt,
        endsAt: other.endsAt,
      },
    });
    const tampered = { ...input(journee.id, "y@example.org"), workshopId: foreign.id };
    expect(await register(tampered)).toMatchObject({
      ok: false,
      reason: "invalid_part",
      fieldErrors: { workshopId: expect.any(String) },
    });
  });

  it("updates details and switches atelier within capacity", async () => {
    const journee = await makeJournee();
    const db = await getDb();
    const mk = (title: string, capacity: number) =>
      db.journeePart.create({
        data: {
          journeeId: journee.id,
          kind: "WORKSHOP",
          title,
          startsAt: journee.startsAt,
          endsAt: journee.endsAt,
          capacity,
        },
      });
    const a = await mk("A", 5);
    const b = await mk("B", 1);
    const other = await register({ ...input(journee.id, "b@example.org"), workshopId: b.id });
    expect(other.ok).toBe(true);
    const me = await register({ ...input(journee.id, "me@example.org"), workshopId: a.id });
    if (!me.ok) throw new Error("refused");
    const token = manageToken(me.tokenSalt);
    const change = (workshopId: string) =>
      updateRegistration(token, updateSchema.parse({ ...person, firstName: "Camille-Rose", workshopId }));
    expect(await change(b.id)).toMatchObject({ ok: false, reason: "part_full" });
    expect(await change("")).toMatchObject({ ok: true });
    const counts = await db.journeePart.findMany({ where: { journeeId: journee.id }, orderBy: { title: "asc" } });
    expect(counts.map((p) => p.confirmedCount)).toEqual([0, 1]);
    expect((await db.registration.findUniqueOrThrow({ where: { id: me.registrationId } })).firstName).toBe(
      "Camille-Rose",
    );
  });
});
