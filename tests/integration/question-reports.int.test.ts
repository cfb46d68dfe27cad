import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addQuestion, addReadyMade, removeQuestion } from "@/lib/questions/mutations";
import { buildExport } from "@/lib/reports/exports";
import { getCatererList } from "@/lib/reports/queries/caterer";
import { getProgrammeQuestionTotals, getQuestionReports } from "@/lib/reports/queries/questions";
import { type ExportKind, exportFiltersSchema } from "@/lib/reports/schema";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { insertRegistration, makeJournee } from "../fixtures/factories";
import { parseCsv } from "../fixtures/office";
import { testDbKind } from "../setup/test-db";

const actor = { id: "u-test", email: "orga@example.org", ip: null };

async function readyMade(journeeId: string) {
  for (const key of ["repas", "regime", "transport"] as const) {
    const r = await addReadyMade(journeeId, key, actor);
    if (!r.ok) throw new Error(r.reason);
  }
  const extra = await addQuestion(
    journeeId,
    {
      kind: "NUMBER",
      label: "Nombre d'accompagnants",
      help: "",
      purpose: "",
      required: false,
      personal: false,
      isMeal: false,
      maxLength: null,
      minValue: 0,
      maxValue: 10,
      options: [],
    },
    actor,
  );
  if (!extra.ok) throw new Error(extra.reason);
  const db = await getDb();
  const qs = await db.registrationQuestion.findMany({
    where: { journeeId },
    orderBy: { position: "asc" },
    include: { options: { orderBy: { position: "asc" } } },
  });
  const [repas, regime, precisez, transport, accompagnants] = qs;
  const opt = (q: (typeof qs)[number], label: string) => q.options.find((o) => o.label === label)?.id ?? "";
  return { repas, regime, precisez, transport, accompagnants, opt };
}

type Answers = { optionIds?: string[]; text?: [string, string]; number?: [string, number] };

async function person(journeeId: string, n: number, q: Awaited<ReturnType<typeof readyMade>>, a: Answers, extra = {}) {
  const r = await insertRegistration(journeeId, `p${n}-${journeeId}@example.org`, {
    lastName: `Nom${n}`,
    firstName: `Prénom${n}`,
    ...extra,
  });
  const db = await getDb();
  const all = [q.repas, q.regime, q.transport];
  for (const optionId of a.optionIds ?? []) {
    const question = all.find((x) => x.options.some((o) => o.id === optionId));
    await db.registrationAnswer.create({
      data: { registrationId: r.id, questionId: question?.id ?? "", optionId, holdsPlace: true },
    });
  }
  if (a.text)
    await db.registrationAnswer.create({ data: { registrationId: r.id, questionId: a.text[0], text: a.text[1] } });
  if (a.number)
    await db.registrationAnswer.create({
      data: { registrationId: r.id, questionId: a.number[0], number: a.number[1] },
    });
  return r;
}

async function file(kind: ExportKind, journeeId: string) {
  const result = await buildExport({}, kind, exportFiltersSchema.parse({ journeeId }));
  if (!result.ok) throw new Error(result.reason);
  return Buffer.isBuffer(result.body) ? result.body : await streamToBuffer(result.body);
}

let journee: Awaited<ReturnType<typeof makeJournee>>;
let q: Awaited<ReturnType<typeof readyMade>>;
let parts: { id: string }[];

beforeAll(async () => {
  const db = await getDb();
  // A journée under way (started an hour ago) with two half-days.
  const startsAt = new Date(Date.now() - 3600_000);
  journee = await makeJournee({ startsAt, endsAt: new Date(startsAt.getTime() + 8 * 3600_000) });
  parts = await Promise.all(
    ["Matin", "Après-midi"].map((title, i) =>
      db.journeePart.create({
        data: {
          journeeId: journee.id,
          kind: "HALF_DAY",
          title,
          position: i,
          startsAt: new Date(startsAt.getTime() + i * 4 * 3600_000),
          endsAt: new Date(startsAt.getTime() + (i + 1) * 4 * 3600_000),
        },
      }),
    ),
  );
  q = await readyMade(journee.id);
  const { opt } = q;
  const yes = opt(q.repas, "Oui");
  const no = opt(q.repas, "Non");
  const p1 = await person(journee.id, 1, q, {
    optionIds: [yes, opt(q.regime, "Végétarien"), opt(q.transport, "Voiture")],
    number: [q.accompagnants.id, 2],
  });
  const p2 = await person(journee.id, 2, q, {
    optionIds: [yes, opt(q.regime, "Allergies (précisez ci-dessous)")],
    text: [q.precisez.id, '=HYPERLINK("http://evil.example","x")'],
    number: [q.accompagnants.id, 1],
  });
  const p3 = await person(journee.id, 3, q, { optionIds: [yes, opt(q.regime, "Aucun"), opt(q.transport, "Voiture")] });
  await person(journee.id, 4, q, { optionIds: [no, opt(q.transport, "Covoiturage proposé")] });
  // Cancelled: never counted.
  await person(
    journee.id,
    5,
    q,
    { optionIds: [yes, opt(q.regime, "Sans porc")] },
    { status: "CANCELLED", liveEmailKey: null },
  );
  const checkIn = (registrationId: string, partId: string) =>
    db.checkIn.create({
      data: { registrationId, journeeId: journee.id, partId, partKey: partId, checkedInAt: new Date(), method: "QR" },
    });
  // p1 came morning and afternoon, p2 the morning only, p3 not at all.
  await checkIn(p1.id, parts[0].id);
  await checkIn(p1.id, parts[1].id);
  await checkIn(p2.id, parts[0].id);
  void p3;
});

describe(`question reports (${testDbKind()})`, () => {
  it("counts per option among confirmed registrations, numbers summed and averaged, free text only when asked", async () => {
    const r = await getQuestionReports({}, journee.id, { texts: true });
    const byLabel = (label: string) => r?.questions.find((x) => x.label === label);
    const counts = (label: string) => Object.fromEntries(byLabel(label)?.options.map((o) => [o.label, o.count]) ?? []);
    expect(counts("Déjeunerez-vous sur place ?")).toEqual({ Oui: 3, Non: 1 });
    expect(counts("Régime alimentaire")).toMatchObject({ Aucun: 1, Végétarien: 1, "Sans porc": 0 });
    expect(counts("Comment venez-vous ?")).toMatchObject({ Voiture: 2, "Covoiturage proposé": 1 });
    expect(byLabel("Comment venez-vous ?")?.answered).toBe(3);
    expect(byLabel("Nombre d'accompagnants")?.numbers).toEqual({ sum: 3, average: 1.5 });
    expect(byLabel("Allergies ou autre régime : précisez")?.texts).toEqual(['=HYPERLINK("http://evil.example","x")']);
    const hidden = await getQuestionReports({}, journee.id, { texts: false });
    expect(hidden?.questions.every((x) => x.texts === null)).toBe(true);
    // Outside the caller's scope: nothing.
    expect(await getQuestionReports({ id: { in: ["nope"] } }, journee.id, { texts: false })).toBeNull();
  });

  it("« repas »: lunches registered, and among the people present per half-day once the door is open", async () => {
    const r = await getQuestionReports({}, journee.id, { texts: false });
    expect(r?.meal).toMatchObject({ registered: 3, doorOpen: true, present: 2 });
    expect(r?.meal?.parts.map((p) => [p.title, p.present])).toEqual([
      ["Matin", 2],
      ["Après-midi", 1],
    ]);
  });

  it("the programme dashboard sums lunches and options across journées", async () => {
    const other = await makeJournee();
    const q2 = await readyMade(other.id);
    await person(other.id, 10, q2, { optionIds: [q2.opt(q2.repas, "Oui"), q2.opt(q2.transport, "Voiture")] });
    const t = await getProgrammeQuestionTotals({ id: { in: [journee.id, other.id] } });
    expect(t.meal).toEqual({ journees: 2, registered: 4, present: 2 });
    expect(t.options.find((o) => o.question === "Comment venez-vous ?" && o.option === "Voiture")).toMatchObject({
      count: 3,
      journees: 2,
    });
  });

  it("the liste traiteur counts the people present on the day and names the diets, « Aucun » left out", async () => {
    const c = await getCatererList({}, journee.id);
    expect(c?.title).toBe("Liste traiteur le jour même (présents)");
    expect(c?.lines.find((l) => l.section === "Repas")?.count).toBe(2);
    expect(c?.lines.find((l) => l.label === "Végétarien")?.count).toBe(1);
    expect(c?.people.map((p) => [p.lastName, p.diet])).toEqual([
      ["Nom1", "Régime alimentaire : Végétarien"],
      [
        "Nom2",
        'Régime alimentaire : Allergies (précisez ci-dessous) ; Allergies ou autre régime : précisez : =HYPERLINK("http://evil.example","x")',
      ],
    ]);
    // Two days before: the confirmed registrations who lunch (p3 has « Aucun »: counted, not named).
    const before = await getCatererList({}, journee.id, new Date(journee.startsAt.getTime() - 2 * 86400_000));
    expect(before?.mode).toBe("present"); // check-ins exist: the day's list
    const future = await makeJournee();
    const qf = await readyMade(future.id);
    await person(future.id, 20, qf, { optionIds: [qf.opt(qf.repas, "Oui"), qf.opt(qf.regime, "Sans gluten")] });
    await person(future.id, 21, qf, { optionIds: [qf.opt(qf.repas, "Non"), qf.opt(qf.regime, "Végétarien")] });
    const j2 = await getCatererList({}, future.id);
    expect(j2?.title).toBe("Liste traiteur à J-2 (inscrit·es confirmé·es)");
    expect(j2?.lines.find((l) => l.section === "Repas")?.count).toBe(1);
    expect(j2?.people.map((p) => p.diet)).toEqual(["Régime alimentaire : Sans gluten"]);
    const csv = (await file("traiteur-csv", future.id)).toString("utf8");
    expect(csv).toContain("Liste traiteur à J-2");
    expect(csv).toContain("Sans gluten");
    expect(await getCatererList({ id: { in: ["nope"] } }, future.id)).toBeNull();
  });

  it("registrations exports: one column per question, several choices joined, « question retirée » kept, formulas neutralised", async () => {
    const db = await getDb();
    // p1 also chose two options of a several-choices question that is then removed.
    const added = await addQuestion(
      journee.id,
      {
        kind: "MULTI_CHOICE",
        label: "Ateliers",
        help: "",
        purpose: "",
        required: false,
        personal: false,
        isMeal: false,
        maxLength: null,
        minValue: null,
        maxValue: null,
        options: [
          { id: "", label: "A", capacity: null },
          { id: "", label: "B", capacity: null },
        ],
      },
      actor,
    );
    if (!added.ok) throw new Error(added.reason);
    const ateliers = await db.registrationQuestion.findUniqueOrThrow({
      where: { id: added.ids[0] },
      include: { options: { orderBy: { position: "asc" } } },
    });
    const p1 = await db.registration.findFirstOrThrow({ where: { journeeId: journee.id, lastName: "Nom1" } });
    for (const o of ateliers.options)
      await db.registrationAnswer.create({ data: { registrationId: p1.id, questionId: ateliers.id, optionId: o.id } });
    expect((await removeQuestion(journee.id, ateliers.id, actor)).ok).toBe(true);

    const rows = parseCsv((await file("inscriptions-csv", journee.id)).toString("utf8").replace(/^\uFEFF/, ""), ";");
    const header = rows[0];
    const col = (h: string) => header.indexOf(h);
    const row = (name: string) => rows.find((r) => r[col("Nom")] === name) ?? [];
    expect(header.slice(-6)).toEqual([
      "Déjeunerez-vous sur place ?",
      "Régime alimentaire",
      "Allergies ou autre régime : précisez",
      "Comment venez-vous ?",
      "Nombre d'accompagnants",
      "Ateliers (question retirée)",
    ]);
    expect(row("Nom1")[col("Ateliers (question retirée)")]).toBe("A ; B");
    expect(row("Nom1")[col("Déjeunerez-vous sur place ?")]).toBe("Oui");
    expect(row("Nom1")[col("Nombre d'accompagnants")]).toBe("2");
    expect(row("Nom2")[col("Allergies ou autre régime : précisez")]).toBe(`'=HYPERLINK("http://evil.example","x")`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file("inscriptions-xlsx", journee.id)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const xCol = (h: string) => headers.indexOf(h) + 1;
    const xRow = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.getCell(2).value === "Nom2");
    const cell = xRow?.getCell(xCol("Allergies ou autre régime : précisez"));
    expect(cell?.value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.numFmt).toBe("@");
    expect(xRow?.getCell(xCol("Nombre d'accompagnants")).value).toBe(1);
    expect(headers).toContain("Ateliers (question retirée)");
  });
});
