import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { parisTime } from "@/lib/format/dates";
import { addReadyMade } from "@/lib/questions/mutations";
import { getQuestionReports } from "@/lib/reports/queries/questions";
import { applyRetention } from "@/lib/retention/mutations";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

/** Retention of the answers to organisers' questions (issue 14 point 6), at a fixed date. */
const policy = { fullMonths: 6, proofYears: 3, daily: false, dailyHour: 3 };
const NOW = new Date("2026-11-26T10:00:00Z");
const actor = { id: "u-test", email: "orga@example.org", ip: null };

const day = (d: string) => ({
  status: "CLOSED" as const,
  startsAt: parisTime(d, "09:00"),
  endsAt: parisTime(d, "17:00"),
  registrationOpensAt: parisTime(d, "00:00"),
  registrationClosesAt: parisTime(d, "00:00"),
});

async function journeeWithAnswers(title: string, date: string, email: string | null) {
  const db = await getDb();
  const j = await makeJournee({ title, ...day(date) });
  for (const key of ["repas", "regime"] as const) await addReadyMade(j.id, key, actor);
  const qs = await db.registrationQuestion.findMany({
    where: { journeeId: j.id },
    orderBy: { position: "asc" },
    include: { options: { orderBy: { position: "asc" } } },
  });
  const [repas, regime, precisez] = qs;
  const r = await insertRegistration(
    j.id,
    email ?? `x-${j.id}@example.org`,
    email ? {} : { email: null, emailNormalized: null, liveEmailKey: null },
  );
  await db.registrationAnswer.createMany({
    data: [
      { registrationId: r.id, questionId: repas.id, optionId: repas.options[0].id },
      { registrationId: r.id, questionId: regime.id, optionId: regime.options[4].id },
      { registrationId: r.id, questionId: precisez.id, text: "Arachides" },
    ],
  });
  return { j, r, repas };
}

describe(`retention of question answers (${testDbKind()})`, () => {
  it("deletes diets and free text with the full data, keeps the lunch counts, and a second run changes nothing", async () => {
    const db = await getDb();
    const recent = await journeeWithAnswers("Récente", "2026-09-15", "recent@example.org");
    // Already without contact details (a walk-in with no e-mail): the diet alone makes it due.
    const proof = await journeeWithAnswers("Preuve", "2026-05-19", null);
    const ancient = await journeeWithAnswers("Ancienne", "2023-04-20", "ancient@example.org");
    const answers = (registrationId: string) =>
      db.registrationAnswer.findMany({ where: { registrationId }, select: { questionId: true, text: true } });

    const dry = await applyRetention({ now: NOW, policy, dryRun: true });
    expect(dry.proofOnly.registrations).toBeGreaterThanOrEqual(1);

    const run = await applyRetention({ now: NOW, policy });
    expect(run.changed).toBe(true);
    expect(await answers(recent.r.id)).toHaveLength(3);
    for (const stage of [proof, ancient]) {
      const left = await answers(stage.r.id);
      expect(left).toEqual([{ questionId: stage.repas.id, text: null }]);
      const report = await getQuestionReports({}, stage.j.id, { texts: true });
      expect(report?.meal?.registered).toBe(1);
      expect(report?.questions.find((q) => q.label === "Régime alimentaire")?.answered).toBe(0);
    }
    const again = await applyRetention({ now: NOW, policy });
    expect(again.changed).toBe(false);
    expect(again.proofOnly.registrations).toBe(0);
  });
});
