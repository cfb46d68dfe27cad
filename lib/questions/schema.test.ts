import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formDataToValues, keptValues, registrationSchema } from "@/lib/registration/schema";
import { answersSchema, isAnswered, type QuestionDef } from "./schema";

const lunch: QuestionDef = {
  id: "qlunch",
  kind: "YES_NO",
  label: "Déjeunerez-vous sur place ?",
  required: true,
  options: [
    { id: "oyes", label: "Oui" },
    { id: "ono", label: "Non" },
  ],
};
const diet: QuestionDef = {
  id: "qdiet",
  kind: "ONE_CHOICE",
  label: "Régime alimentaire",
  required: false,
  options: [
    { id: "onone", label: "Aucun" },
    { id: "oveg", label: "Végétarien" },
  ],
};
const transport: QuestionDef = {
  id: "qtransport",
  kind: "MULTI_CHOICE",
  label: "Transport",
  required: true,
  options: [
    { id: "ocar", label: "Voiture" },
    { id: "obus", label: "Transports en commun" },
  ],
};
const note: QuestionDef = {
  id: "qnote",
  kind: "SHORT_TEXT",
  label: "Précisez",
  required: false,
  maxLength: 10,
  options: [],
};
const guests: QuestionDef = {
  id: "qguests",
  kind: "NUMBER",
  label: "Accompagnants",
  required: false,
  minValue: 0,
  maxValue: 3,
  options: [],
};
const all = [lunch, diet, transport, note, guests];
const schema = answersSchema(all);

function errors(value: unknown, questions = all) {
  const parsed = answersSchema(questions).safeParse(value);
  if (parsed.success) return {};
  return fieldErrorsOf({ issues: parsed.error.issues.map((i) => ({ ...i, path: ["answers", ...i.path] })) } as never);
}

describe("answersSchema", () => {
  it("parses every kind into options, text or number", () => {
    const out = schema.parse({
      qlunch: "oyes",
      qdiet: ["oveg"],
      qtransport: ["ocar", "obus", "ocar"],
      qnote: "  sans sel ",
      qguests: "2",
    });
    expect(out.qlunch.optionIds).toEqual(["oyes"]);
    expect(out.qdiet.optionIds).toEqual(["oveg"]);
    expect(out.qtransport.optionIds).toEqual(["ocar", "obus"]);
    expect(out.qnote).toEqual({ optionIds: [], text: "sans sel", number: null });
    expect(out.qguests.number).toBe(2);
    expect(schema.parse({ qlunch: "ono", qtransport: "obus", qguests: 3 }).qguests.number).toBe(3);
  });

  it("leaves optional questions unanswered, refuses unanswered required ones in French", () => {
    const out = schema.parse({ qlunch: "ono", qtransport: ["ocar"], qdiet: "", qnote: "", qguests: "" });
    expect(isAnswered(out.qdiet) || isAnswered(out.qnote) || isAnswered(out.qguests)).toBe(false);
    expect(errors({})).toEqual({
      "answers.qlunch": "Choisissez une réponse.",
      "answers.qtransport": "Choisissez au moins une réponse.",
    });
    expect(errors(undefined, [note, guests, diet])).toEqual({});
    expect(errors({ qnote: "   " }, [{ ...note, required: true }])).toEqual({
      "answers.qnote": "Répondez à cette question.",
    });
    expect(errors({}, [{ ...guests, required: true }])).toEqual({ "answers.qguests": "Indiquez un nombre." });
  });

  it("refuses options that do not exist and several answers to a one-choice question", () => {
    expect(errors({ qlunch: "oveg", qtransport: ["ocar"] })).toEqual({
      "answers.qlunch": "Ce choix n'existe pas pour cette question.",
    });
    expect(errors({ qlunch: "oyes", qtransport: ["ocar", "oplane"] })).toEqual({
      "answers.qtransport": "Ce choix n'existe pas pour cette question.",
    });
    expect(errors({ qlunch: ["oyes", "ono"], qtransport: ["ocar"] })).toEqual({
      "answers.qlunch": "Choisissez une seule réponse.",
    });
  });

  it("enforces text length and number limits", () => {
    const base = { qlunch: "oyes", qtransport: "ocar" };
    expect(errors({ ...base, qnote: "x".repeat(11) })).toEqual({ "answers.qnote": "10 caractères au maximum." });
    expect(errors({ ...base, qguests: "4" })).toEqual({ "answers.qguests": "Indiquez un nombre entre 0 et 3." });
    expect(errors({ ...base, qguests: "-1" })).toEqual({ "answers.qguests": "Indiquez un nombre entre 0 et 3." });
    expect(errors({ ...base, qguests: "1,5" })).toEqual({ "answers.qguests": "Indiquez un nombre entier." });
    expect(errors({ ...base, qguests: "deux" })).toEqual({ "answers.qguests": "Indiquez un nombre." });
    expect(errors({ ...base, qnote: { a: 1 } })).toEqual({ "answers.qnote": "Réponse invalide." });
    // Without a limit set, a short text is capped at 200 characters.
    expect(errors({ qx: "y".repeat(201) }, [{ ...note, id: "qx", maxLength: null }])).toEqual({
      "answers.qx": "200 caractères au maximum.",
    });
  });

  it("refuses unknown keys (a removed or another journée's question)", () => {
    const parsed = schema.safeParse({ qlunch: "oyes", qtransport: "ocar", qother: "x" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe("Question inconnue.");
    expect(answersSchema([]).safeParse({ qlunch: "oyes" }).success).toBe(false);
    expect(answersSchema([]).safeParse(undefined).success).toBe(true);
  });
});

describe("answers in the registration form", () => {
  it("nests answers.<id> form fields (repeated ones as an array), keeps them flat on refusal", () => {
    const form = new FormData();
    form.append("firstName", "Ana");
    form.append("answers.qlunch", "oyes");
    form.append("answers.qtransport", "ocar");
    form.append("answers.qtransport", "obus");
    const values = formDataToValues(form);
    expect(values.answers).toEqual({ qlunch: "oyes", qtransport: ["ocar", "obus"] });
    expect(keptValues(values)).toEqual({
      firstName: "Ana",
      "answers.qlunch": "oyes",
      "answers.qtransport": ["ocar", "obus"],
    });
  });

  it("passes answers through the fixed schema, refusing a non-object", () => {
    const parsed = registrationSchema.shape.answers.safeParse({ qlunch: "oyes" });
    expect(parsed.success && parsed.data).toEqual({ qlunch: "oyes" });
    expect(registrationSchema.shape.answers.safeParse("oui").success).toBe(false);
  });
});
