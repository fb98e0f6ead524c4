import { describe, expect, it } from "vitest";
import { type Card, defaultFields, type FieldsOf } from "../../domain/index.ts";
import { formatFigure, ideasFixing, kpiDisplay, ownershipDisplay } from "./card-display.ts";

const kpi = (p: Partial<FieldsOf<"kpi">>): FieldsOf<"kpi"> => ({
  ...(defaultFields("kpi") as FieldsOf<"kpi">),
  ...p,
});

describe("kpiDisplay", () => {
  it("shows no placeholder figures when value and target are empty", () => {
    const d = kpiDisplay(kpi({}), "");
    expect(d).toEqual({ title: "Untitled KPI", value: null, target: null, note: null });
  });
  it("does not repeat the name and figures the card text restates", () => {
    const d = kpiDisplay(
      kpi({ name: "Google Maps profile views", value: 420, target: 900, unit: "/month" }),
      "Google Maps profile views: 420 → 900 /month",
    );
    expect(d).toEqual({
      title: "Google Maps profile views",
      value: "420 /month",
      target: "900 /month",
      note: null,
    });
  });
  it("keeps text that says more than the name", () => {
    const d = kpiDisplay(kpi({ name: "Conversion", value: 12.5, unit: "%" }), "Measured on the booking page");
    expect(d.note).toBe("Measured on the booking page");
    expect(d.value).toBe("12.5 %");
  });
  it("takes the first line as title when the KPI has no name", () => {
    expect(kpiDisplay(kpi({}), "Visits\nfrom the site").title).toBe("Visits");
    expect(kpiDisplay(kpi({}), "Visits\nfrom the site").note).toBe("from the site");
  });
  it("groups thousands", () => {
    expect(formatFigure(12400, "")).toBe("12 400");
    expect(formatFigure(0.256, "")).toBe("0.26");
  });
});

describe("ownershipDisplay", () => {
  it("shows the department once when the text is the same", () => {
    expect(ownershipDisplay({ kind: "ownership", department: "Marketing" }, "marketing ")).toEqual({
      title: "Marketing",
      note: null,
    });
  });
  it("keeps a text that adds to the department", () => {
    expect(ownershipDisplay({ kind: "ownership", department: "Kitchen" }, "Head chef decides")).toEqual({
      title: "Kitchen",
      note: "Head chef decides",
    });
  });
});

describe("ideasFixing", () => {
  const card = (id: string, fields: Card["fields"]) => ({ id, text: id, fields }) as unknown as Card;
  const idea0 = defaultFields("idea") as FieldsOf<"idea">;
  const pain = card("p1", defaultFields("pain"));
  const idea = card("i1", { ...idea0, painPointIds: ["p1" as never], quickWin: true });
  const other = card("i2", idea0);
  it("lists the ideas linked to a pain point", () => {
    expect(ideasFixing([pain, idea, other], "p1").map((c) => c.id)).toEqual(["i1"]);
    expect(ideasFixing([pain, idea, other], "nope")).toEqual([]);
  });
  it("keeps the same array when the pain point's ideas did not change", () => {
    const first = ideasFixing([pain, idea, other], "p1");
    const renamed = { ...other, text: "changed" } as Card;
    expect(ideasFixing([pain, idea, renamed], "p1")).toBe(first);
  });
});
