import { beforeAll, describe, expect, it } from "vitest";
import { attestationPdf, buildExport } from "@/lib/reports/exports";
import { type ExportKind, exportFiltersSchema } from "@/lib/reports/schema";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { insertRegistration, makeJournee, makePartner } from "@/tests/fixtures/factories";
import { pdfToText, writeTemp } from "@/tests/fixtures/office";

/**
 * Names in Polish, Vietnamese, Arabic and Chinese, and names too long for their cell, through
 * the real export code: every PDF must give them back whole to pdftotext (embedded Unicode
 * fonts, wrapping instead of « … »). (No lam-alef in the Arabic names: poppler reads that
 * ligature's two letters back in the wrong order, although it is drawn right.)
 */
const PEOPLE = [
  { firstName: "Łukasz", lastName: "Ñúñez-Wąsowski 李", structure: "Fundacja Źródło Łódź" },
  { firstName: "Thị Phương Thảo", lastName: "Nguyễn", structure: "Hội Người Việt Đồng Hành" },
  { firstName: "محمد", lastName: "العمري", structure: "جمعية النور" },
  { firstName: "小明", lastName: "王", structure: "马赛华人协会" },
  {
    firstName: "Marie-Geneviève-Bérénice",
    lastName: "Brzęczyszczykiewicz-de La Tour d'Auvergne",
    structure: "Centre communal d'action sociale de Saint-Rémy-de-Provence et des Alpilles",
  },
];

// pdftotext joins a word cut after a hyphen without its hyphen: compare without spaces and hyphens.
const squash = (s: string) => s.normalize("NFC").replace(/[\s-]+/g, "");

let journeeId: string;
beforeAll(async () => {
  const partner = await makePartner();
  const journee = await makeJournee({ partnerId: partner.id, title: "Journée Łódź – Hà Nội – 北京", venue: "Salle Ñ" });
  journeeId = journee.id;
  for (const [i, p] of PEOPLE.entries()) await insertRegistration(journee.id, `u${i}@example.org`, p);
});

async function pdfText(kind: ExportKind) {
  const result = await buildExport({}, kind, exportFiltersSchema.parse({ journeeId }));
  if (!result.ok) throw new Error(result.reason);
  const buffer = Buffer.isBuffer(result.body) ? result.body : await streamToBuffer(result.body);
  return pdfToText(await writeTemp(result.filename, buffer));
}

function expectWhole(text: string, upperCaseLastName: boolean) {
  const flat = squash(text);
  for (const p of PEOPLE) {
    expect(flat).toContain(squash(p.firstName));
    expect(flat).toContain(squash(upperCaseLastName ? p.lastName.toUpperCase() : p.lastName));
    expect(flat).toContain(squash(p.structure));
  }
  expect(text).not.toContain("?");
  expect(text).not.toContain("…");
}

describe("PDFs keep names in every script, whole", () => {
  it("paper émargement sheet", async () => {
    const text = await pdfText("emargement-pdf");
    expect(text).toContain("Journée Łódź – Hà Nội – 北京");
    expect(text).toContain("محمد");
    expect(text).toContain("ÑÚÑEZ-WĄSOWSKI 李");
    expectWhole(text, true);
  });

  it("digital émargement sheet", async () => {
    expectWhole(await pdfText("emargement-numerique-pdf"), true);
  });

  it("badges", async () => {
    expectWhole(await pdfText("badges-pdf"), true);
  });

  it("attestation", async () => {
    const journee = {
      id: journeeId,
      title: "Journée Łódź – Hà Nội – 北京",
      city: "Marseille",
      venue: "Salle Ñ",
      address: "1 rue Đông",
      startsAt: new Date("2024-04-16T07:00:00Z"),
      endsAt: new Date("2024-04-16T15:00:00Z"),
    };
    for (const p of PEOPLE) {
      const a = {
        ...p,
        registrationId: "r",
        email: null,
        code: "ABCD2345",
        halfDays: ["Matin"],
        statuses: ["Matin : présent (arrivée 9 h 00) - 3 h 30"],
        minutes: 210,
        journee,
      };
      const { pdf } = await attestationPdf(a, ["Fondation Œuvre 善"]);
      const text = await pdfToText(await writeTemp("attestation.pdf", pdf));
      expect(squash(text)).toContain(squash(`${p.firstName} ${p.lastName.toUpperCase()}`));
      expect(squash(text)).toContain(squash(p.structure));
      expect(text).toContain("Fondation Œuvre 善");
      expect(text).not.toContain("?");
    }
  });
});
