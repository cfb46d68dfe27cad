import { describe, expect, it } from "vitest";
import { compactOptions, editorValues, questionFieldErrors, questionValuesFromForm } from "./editor-form";
import { questionInputSchema } from "./editor-schema";

function posted(fields: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of fields) fd.append(k, v);
  return fd;
}

describe("question editor form values", () => {
  it("nests the numbered option rows, drops blank rows and maps errors back to the rows shown", () => {
    const raw = questionValuesFromForm(
      posted([
        ["$ACTION_ID_x", ""],
        ["kind", "ONE_CHOICE"],
        ["label", "Atelier ?"],
        ["options.0.label", "Logement"],
        ["options.1.label", "  "],
        ["options.2.label", "Emploi"],
        ["options.2.capacity", "dix"],
      ]),
    );
    expect(raw).toMatchObject({ kind: "ONE_CHOICE", options: [{ label: "Logement" }, { label: "  " }, {}] });
    expect(raw).not.toHaveProperty("$ACTION_ID_x");
    const { values, rowOf } = compactOptions(raw);
    expect(rowOf).toEqual([0, 2]);
    const parsed = questionInputSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(questionFieldErrors(parsed.error, rowOf)).toEqual({ "options.2.capacity": "Indiquez un nombre entier." });
  });

  it("offers spare rows (none for oui / non) and restores what a refused post kept", () => {
    expect(editorValues(null).options).toHaveLength(4);
    const yesNo = {
      kind: "YES_NO" as const,
      label: "Déjeuner ?",
      help: "",
      purpose: "",
      required: true,
      personal: false,
      isMeal: true,
      maxLength: null,
      minValue: null,
      maxValue: null,
      options: [
        { id: "o1", label: "Oui", capacity: 80 },
        { id: "o2", label: "Non", capacity: null },
      ],
    };
    expect(editorValues(yesNo).options).toEqual([
      { id: "o1", label: "Oui", capacity: "80" },
      { id: "o2", label: "Non", capacity: "" },
    ]);
    const kept = editorValues(yesNo, { kind: "YES_NO", label: "", required: "on", "options.0.capacity": "x" });
    expect(kept).toMatchObject({ label: "", required: true, isMeal: false, options: [{ capacity: "x" }] });
  });
});
