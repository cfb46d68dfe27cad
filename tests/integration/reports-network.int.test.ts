import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { register, updateRegistration } from "@/lib/registration/mutations";
import { registrationSchema, updateSchema } from "@/lib/registration/schema";
import { buildExport } from "@/lib/reports/exports";
import { getJourneeDashboard, getProgrammeDashboard } from "@/lib/reports/queries/dashboards";
import { exportFiltersSchema } from "@/lib/reports/schema";
import { getSummary } from "@/lib/reports/summary";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { manageToken } from "@/lib/security/tokens";
import { makeJournee } from "@/tests/fixtures/factories";
import { parseCsv, pdfToText, writeTemp } from "@/tests/fixtures/office";
import { testDbKind } from "@/tests/setup/test-db";
import { seedReportFixture } from "./reports-fixture";

/**
 * The structure's network ("réseau ou fédération") end to end on the data side: stored by both
 * registration paths and by the update, counted by the dashboards' single GROUPING SETS pass
 * (confirmed and present only; "" = not given), exported as a column and summarised for the DDETS.
 */
let f: Awaited<ReturnType<typeof seedReportFixture>>;
const all = {};
const asMap = (rows: { key: string; registered: number; present: number }[] | undefined) =>
  Object.fromEntries((rows ?? []).map((b) => [b.key, [b.registered, b.present]]));

beforeAll(async () => {
  f = await seedReportFixture();
  const db = await getDb();
  const set = (id: string, network: "UNCCAS" | "USH" | "FAS" | "UNAFO" | "AUCUN") =>
    db.registration.update({ where: { id }, data: { network } });
  const p = f.people;
  await set(p.zoe.id, "UNCCAS");
  await set(p.jerome.id, "USH");
  await set(p.anais.id, "FAS"); // confirmed, absent
  await set(p.loic.id, "FAS"); // walk-in, present
  await set(p.noel.id, "UNAFO"); // waitlisted: not counted
  await set(p.helene.id, "AUCUN"); // cancelled: not counted
  // p.zoe2 (the other journée) gives no network.
});

describe(`network of the structure (${testDbKind()})`, () => {
  it("both registration paths and the update store it; empty means not given", async () => {
    const journee = await makeJournee();
    const workshop = await (await getDb()).journeePart.create({
      data: {
        journeeId: journee.id,
        kind: "WORKSHOP",
        title: "Atelier",
        startsAt: journee.startsAt,
        endsAt: journee.endsAt,
      },
    });
    const input = (email: string, extra: object) =>
      registrationSchema.parse({
        journeeId: journee.id,
        firstName: "Inès",
        lastName: "Réseau",
        email,
        structure: "Résidence sociale",
        structureType: "LOGEMENT_ACCOMPAGNE",
        jobTitle: "Responsable",
        commune: "Marseille",
        privacyAck: true,
        ...extra,
      });
    const fast = await register(input("rapide@example.org", { network: "UNAFO" }));
    const withChoice = await register(input("atelier@example.org", { network: "SOLIHA", workshopId: workshop.id }));
    const none = await register(input("aucun@example.org", { network: "" }));
    if (!fast.ok || !withChoice.ok || !none.ok) throw new Error("registration refused");
    const db = await getDb();
    const networkOf = async (id: string) =>
      (await db.registration.findUniqueOrThrow({ where: { id }, select: { network: true } })).network;
    expect(await networkOf(fast.registrationId)).toBe("UNAFO");
    expect(await networkOf(withChoice.registrationId)).toBe("SOLIHA");
    expect(await networkOf(none.registrationId)).toBeNull();

    const change = (network: string) =>
      updateSchema.parse({ ...input("x@example.org", { network }), workshopId: workshop.id });
    expect((await updateRegistration(manageToken(withChoice.tokenSalt), change("FAS"))).ok).toBe(true);
    expect(await networkOf(withChoice.registrationId)).toBe("FAS");
    expect((await updateRegistration(manageToken(withChoice.tokenSalt), change(""))).ok).toBe(true);
    expect(await networkOf(withChoice.registrationId)).toBeNull();
  });

  it("journée dashboard: registered and present per network, waitlisted and cancelled excluded", async () => {
    const d = await getJourneeDashboard(all, f.plenary.id);
    expect(asMap(d?.byNetwork)).toEqual({ FAS: [2, 1], UNCCAS: [1, 1], USH: [1, 1] });
    expect(d?.byNetwork[0].key).toBe("FAS"); // most registered first
    // The other breakdowns of the same pass are unchanged by the extra grouping set.
    expect(d?.byType.reduce((n, b) => n + b.registered, 0)).toBe(4);
  });

  it("programme dashboard: adds up the journées; not given is its own line", async () => {
    const p = await getProgrammeDashboard({ partnerId: { in: [f.partner.id] } });
    expect(asMap(p.byNetwork)).toEqual({ FAS: [2, 1], UNCCAS: [1, 1], USH: [1, 1], "": [1, 1] });
  });

  it("exports carry a « Réseau ou fédération » column (empty when not given)", async () => {
    const result = await buildExport({}, "inscriptions-csv", exportFiltersSchema.parse({}));
    if (!result.ok) throw new Error(result.reason);
    const text = (await streamToBuffer(result.body as ReadableStream<Uint8Array>))
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    const rows = parseCsv(text, ";");
    const col = rows[0].indexOf("Réseau ou fédération");
    expect(col).toBe(rows[0].indexOf("Type de structure") + 1);
    const last = rows[0].indexOf("Nom");
    const of = (name: string) => rows.filter((r) => r[last] === name).map((r) => r[col]);
    expect(of("Dubœuf")).toEqual(["FAS (acteurs de la solidarité)"]);
    expect(of("Çelik")).toEqual(["AR Hlm PACA & Corse / USH"]);
    expect(of("Lefèvre").sort()).toEqual(["", "UNCCAS"]);
  });

  it("the DDETS summary has a per-network section with French labels", async () => {
    const s = await getSummary({ partnerId: { in: [f.partner.id] } });
    expect(s.byNetwork).toEqual([
      { label: "FAS (acteurs de la solidarité)", registered: 2, present: 1 },
      { label: "Non renseigné", registered: 1, present: 1 },
      { label: "UNCCAS", registered: 1, present: 1 },
      { label: "AR Hlm PACA & Corse / USH", registered: 1, present: 1 },
    ]);
    const filters = exportFiltersSchema.parse({ journeeId: f.plenary.id });
    const xlsx = await buildExport({}, "synthese-xlsx", filters);
    const pdf = await buildExport({}, "synthese-pdf", filters);
    if (!xlsx.ok || !pdf.ok) throw new Error("summary refused");
    const { unzipSync, strFromU8 } = await import("fflate");
    const book = unzipSync(xlsx.body as Buffer);
    expect(strFromU8(book["xl/workbook.xml"])).toContain('name="Par réseau"');
    const pdfFile = await writeTemp(pdf.filename, await streamToBuffer(pdf.body as ReadableStream<Uint8Array>));
    const text = await pdfToText(pdfFile);
    expect(text).toContain("Par réseau ou fédération de la structure");
    expect(text).toContain("FAS (acteurs de la solidarité)");
  });
});
