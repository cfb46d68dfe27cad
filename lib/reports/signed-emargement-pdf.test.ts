import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import type { SignedSheet, SignedSheetRow } from "@/lib/attendance/sheet-types";
import { signedEmargementPdf } from "./signed-emargement-pdf";

function signaturePng(seed: number): Uint8Array {
  const png = new PNG({ width: 300, height: 120, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.alloc(300 * 120, 255);
  for (let x = 10; x < 290; x++) png.data[(60 + Math.round(30 * Math.sin((x + seed) / 20))) * 300 + x] = 0;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

const at = (hm: string) => new Date(`2024-04-16T${hm}:00+02:00`);
function row(i: number, extra: Partial<SignedSheetRow> = {}): SignedSheetRow {
  return {
    lastName: `Nom${i}`,
    firstName: "Łukasz",
    structure: "CCAS de Marseille",
    presence: "present",
    late: false,
    leftEarly: false,
    arrivalAt: at("09:02"),
    departureAt: null,
    hoursAttended: 3.5,
    signature: { kind: "image", png: signaturePng(i) },
    justification: null,
    lateSync: false,
    extra: null,
    ...extra,
  };
}

function sheet(people: number): SignedSheet {
  const rows = [
    row(0, { lastName: "Nguyễn", late: true, arrivalAt: at("09:40") }),
    row(1, { lastName: "العربي", leftEarly: true, departureAt: at("11:00") }),
    row(2, { signature: { kind: "attested", reason: "main blessée" } }),
    row(3, { presence: "absent", signature: { kind: "missing" }, arrivalAt: null }),
    row(4, { presence: "justified", justification: "arrêt maladie", signature: { kind: "missing" }, arrivalAt: null }),
    ...Array.from({ length: people - 5 }, (_, i) => row(i + 5)),
  ];
  const half = (partKey: string, title: string) => ({
    partKey,
    title,
    startsAt: at("09:00"),
    endsAt: at("12:30"),
    rows,
    countersignature: { name: "Claire Organisatrice", signedAt: at("12:35"), png: signaturePng(99) },
    closedAt: at("12:35"),
    verificationCode: "K7Q2M9",
    fingerprint: "3f9a1c2b",
  });
  return {
    journee: {
      title: "Journée plénière",
      city: "Marseille",
      venue: "Palais du Pharo",
      address: "58 bd Charles-Livon",
      startsAt: at("09:00"),
      endsAt: at("17:00"),
    },
    partners: ["DDETS 13", "Métropole", "FAS"],
    verifyUrl: "https://emarge.example/attestations/verifier",
    halfDays: [half("am", "Matinée"), half("pm", "Après-midi")],
  };
}

describe("signed émargement PDF", () => {
  it("prints statuses, times, page numbers and the footer code, with one image per signature", async () => {
    const pdf = await signedEmargementPdf(sheet(40));
    const file = path.join(os.tmpdir(), `signed-${process.pid}.pdf`);
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const s of [
      "en retard",
      "parti avant la fin",
      "attestée par l'agent : main blessée",
      "absent",
      "arrêt maladie",
    ])
      expect(text).toContain(s);
    expect(text).toContain("NGUYỄN");
    expect(text).toMatch(/9 h 40|09:40/);
    expect(text).toContain("Code de vérification K7Q2M9");
    expect(text).toContain("DDETS 13");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`page ${p} / ${pages}`);
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
    // 37 drawn signatures (40 rows less attested, absent, justified) + 1 countersignature, per half-day.
    expect(images).toHaveLength(2 * 38);
    fs.rmSync(file);
  });
});
