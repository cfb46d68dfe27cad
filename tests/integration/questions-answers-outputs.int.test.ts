import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeQuestion } from "@/lib/questions/mutations";
import { notifyRegistration } from "@/lib/registration/notify";
import { buildExport } from "@/lib/reports/exports";
import { exportFiltersSchema } from "@/lib/reports/schema";
import { streamToBuffer } from "@/lib/reports/xlsx";
import { pdfToText, writeTemp } from "@/tests/fixtures/office";
import { makeJournee } from "../fixtures/factories";
import { actor, atelier, question, registered } from "../fixtures/questions";
import { smtpSink } from "../fixtures/smtp";
import { testDbKind } from "../setup/test-db";

/** Issue 14 points 3 and 5b: the answers in the e-mails (real SMTP) and on the badges and the émargement sheet. */
async function pdfText(kind: "badges-pdf" | "emargement-pdf", journeeId: string, questionId?: string) {
  const result = await buildExport({}, kind, exportFiltersSchema.parse({ journeeId, questionId }));
  if (!result.ok) return result.reason;
  const buffer = Buffer.isBuffer(result.body) ? result.body : await streamToBuffer(result.body);
  return pdfToText(await writeTemp(result.filename, buffer));
}

describe(`a chosen answer on badges and émargement (${testDbKind()})`, () => {
  it("prints the chosen answer on the badges and the émargement sheet; a personal question is refused", async () => {
    const j = await makeJournee({ capacity: 10, title: "Journée badges réponses" });
    const q = await atelier(j.id);
    const diet = await question(j.id, {
      kind: "ONE_CHOICE",
      label: "Régime",
      personal: true,
      purpose: "Pour le traiteur.",
      options: [
        { id: "", label: "Végétarien", capacity: null },
        { id: "", label: "Sans porc", capacity: null },
      ],
    });
    await registered(j.id, "Alice", { [q.id]: q.options[0].id, [diet.id]: diet.options[0].id });
    await registered(j.id, "Bruno", { [q.id]: q.options[1].id });
    const badges = await pdfText("badges-pdf", j.id, q.id);
    expect(badges).toContain("Atelier 1");
    expect(badges).toContain("Atelier 2");
    expect(await pdfText("badges-pdf", j.id)).not.toContain("Atelier 1");
    const sheet = await pdfText("emargement-pdf", j.id, q.id);
    expect(sheet).toContain("Quel atelier ?");
    expect(sheet).toContain("Atelier 2");
    expect(await pdfText("badges-pdf", j.id, diet.id)).toBe("unknown_question");
  }, 30_000);
});

describe("answers in the e-mails (real SMTP)", () => {
  const { received, start, stop } = smtpSink();
  const saved = process.env.SMTP_URL;
  beforeAll(async () => {
    process.env.SMTP_URL = await start();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
    await stop();
  });

  it("the confirmation lists the answers; a later e-mail too, a removed question marked", async () => {
    const j = await makeJournee({ capacity: 10 });
    const q = await atelier(j.id);
    const count = await question(j.id, { kind: "NUMBER", label: "Combien de collègues ?" });
    const a = await registered(j.id, "Éloïse", { [q.id]: q.options[1].id, [count.id]: "3" });
    const confirmation = await simpleParser(received.at(-1) as Buffer);
    expect(confirmation.text).toContain("Vos réponses :\nQuel atelier ? : Atelier 2\nCombien de collègues ? : 3");
    expect(confirmation.html).toContain("Quel atelier ? : Atelier 2");
    await removeQuestion(j.id, count.id, actor);
    expect(await notifyRegistration(a.registrationId, "resend")).toBe(true);
    const resent = await simpleParser(received.at(-1) as Buffer);
    expect(resent.text).toContain("Quel atelier ? : Atelier 2\nCombien de collègues ? (question retirée) : 3");
  }, 30_000);
});
