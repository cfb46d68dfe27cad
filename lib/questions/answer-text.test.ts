import { describe, expect, it } from "vitest";
import { buildRegistrationMail } from "@/lib/registration/emails";
import { answerDefaults, answerLines, answerLineText, type StoredAnswer, writtenAnswerTexts } from "./answer-text";

process.env.EMARGE_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

const removed = new Date("2026-12-01T10:00:00Z");
const q = (label: string, position: number, gone = false) => ({ label, position, removedAt: gone ? removed : null });
const o = (label: string, position: number, gone = false) => ({ label, position, removedAt: gone ? removed : null });
const stored: StoredAnswer[] = [
  {
    questionId: "t",
    optionId: "car",
    text: null,
    number: null,
    question: q("Transport", 0, true),
    option: o("Voiture", 0),
  },
  { questionId: "a", optionId: "a2", text: null, number: null, question: q("Atelier", 1), option: o("Atelier 2", 1) },
  { questionId: "m", optionId: "m2", text: null, number: null, question: q("Matériel", 2), option: o("Clé", 1) },
  {
    questionId: "m",
    optionId: "m1",
    text: null,
    number: null,
    question: q("Matériel", 2),
    option: o("Livre", 0, true),
  },
  { questionId: "n", optionId: null, text: null, number: 3, question: q("Collègues", 3), option: null },
  { questionId: "x", optionId: null, text: "<b>Arachides</b>", number: null, question: q("Remarque", 4), option: null },
];

describe("answers as lines", () => {
  it("one line per question in the form's order, several choices joined, removed questions last and marked", () => {
    const lines = answerLines(stored);
    expect(lines.map(answerLineText)).toEqual([
      "Atelier : Atelier 2",
      "Matériel : Livre (réponse retirée) ; Clé",
      "Collègues : 3",
      "Remarque : <b>Arachides</b>",
      "Transport (question retirée) : Voiture",
    ]);
  });

  it("gives the form's current values for the live questions and live options only", () => {
    const questions = [
      { id: "a", kind: "ONE_CHOICE", options: [{ id: "a1" }, { id: "a2" }] },
      { id: "m", kind: "MULTI_CHOICE", options: [{ id: "m2" }] },
      { id: "n", kind: "NUMBER", options: [] },
      { id: "x", kind: "SHORT_TEXT", options: [] },
      { id: "y", kind: "YES_NO", options: [{ id: "oui" }, { id: "non" }] },
    ];
    expect(answerDefaults(questions, stored)).toEqual({
      "answers.a": "a2",
      "answers.m": ["m2"],
      "answers.n": "3",
      "answers.x": "<b>Arachides</b>",
      "answers.y": "",
    });
  });

  it("the confirmation e-mail lists the answers just written, escaped in HTML", async () => {
    const texts = writtenAnswerTexts(
      [
        { id: "a", label: "Atelier", options: [{ id: "a1", label: "Atelier 1" }] },
        { id: "x", label: "Remarque", options: [] },
        { id: "z", label: "Sans réponse", options: [] },
      ],
      [
        { questionId: "a", optionId: "a1", text: null, number: null },
        { questionId: "x", optionId: null, text: "<b>Arachides</b>", number: null },
      ],
    );
    expect(texts).toEqual(["Atelier : Atelier 1", "Remarque : <b>Arachides</b>"]);
    const mail = await buildRegistrationMail("confirmation", {
      id: "r1",
      firstName: "Inès",
      lastName: "Lunel",
      email: "ines@example.org",
      status: "WAITLISTED",
      waitlistRank: 2,
      tokenSalt: "c2FsdHNhbHRzYWx0c2FsdA",
      parts: [],
      answerTexts: texts,
      journee: {
        title: "Journée",
        venue: "Salle",
        address: "1 rue",
        city: "Istres",
        accessInfo: "",
        slug: "istres",
        startsAt: new Date("2026-12-10T08:00:00Z"),
        endsAt: new Date("2026-12-10T16:00:00Z"),
        parts: [],
      },
    });
    expect(mail.text).toContain("Vos réponses :\nAtelier : Atelier 1\nRemarque : <b>Arachides</b>");
    expect(mail.html).toContain("Remarque : &lt;b&gt;Arachides&lt;/b&gt;");
  });
});
