import { describe, expect, it } from "vitest";
import { mapToMarkdown } from "../../format/markdown.ts";
import { parseNativeText, toNativeDocument } from "../../format/native.ts";
import { buildTemplate } from "../../templates/index.ts";
import { sequentialIds } from "../../testing.ts";
import { fromYDoc } from "../../ydoc/from-ydoc.ts";
import { toYDoc } from "../../ydoc/to-ydoc.ts";
import { applyCommands } from "../apply.ts";
import { invertCommand } from "../invert.ts";
import { MapCommandSchema } from "../schema.ts";

const now = "2026-03-01T00:00:00.000Z";
const template = () => buildTemplate("pizza-restaurant", { now, newId: sequentialIds("t") });
const pizza = () => template().map;

describe("a stage's stated SLA", () => {
  it("is absent on maps that never set one, and in their JSON", () => {
    const map = pizza();
    expect(map.stages.every((s) => s.sla === undefined)).toBe(true);
    expect(JSON.stringify(toNativeDocument(map, [], now))).not.toContain('"sla"');
  });

  it("is set, replaced and cleared by updateStage, each undone by its inverse", () => {
    const doc = toYDoc(pizza());
    const id = fromYDoc(doc).stages[1]?.id as string;
    const sla = (m = fromYDoc(doc)) => m.stages.find((s) => s.id === id)?.sla;
    const run = (c: unknown) => {
      const cmd = MapCommandSchema.parse(c);
      const back = invertCommand(fromYDoc(doc), cmd);
      applyCommands(doc, [cmd], { now, newId: sequentialIds("n") });
      return back;
    };
    const undoSet = run({ type: "updateStage", id, sla: { targetMs: 7_200_000, label: "Seated in 2 h" } });
    expect(sla()).toEqual({ targetMs: 7_200_000, label: "Seated in 2 h" });
    expect(undoSet).toEqual([{ type: "updateStage", id, sla: null }]);
    const undoReplace = run({ type: "updateStage", id, sla: { targetMs: 60_000 } });
    expect(sla()).toEqual({ targetMs: 60_000 });
    expect(undoReplace).toEqual([
      { type: "updateStage", id, sla: { targetMs: 7_200_000, label: "Seated in 2 h" } },
    ]);
    run(undoReplace[0]);
    expect(sla()).toEqual({ targetMs: 7_200_000, label: "Seated in 2 h" });
    run({ type: "updateStage", id, sla: null });
    expect(sla()).toBeUndefined();
    // Other fields are left alone by an SLA-only update.
    expect(fromYDoc(doc).stages[1]?.description).toBe(pizza().stages[1]?.description);
  });

  it("survives the JSON format and the Y.Doc round trip", () => {
    const { map, personas } = template();
    const withSla = {
      ...map,
      stages: map.stages.map((s, i) => (i === 0 ? { ...s, sla: { targetMs: 900_000 } } : s)),
    };
    const doc = parseNativeText(JSON.stringify(toNativeDocument(withSla, personas, now)));
    expect(doc.map.stages[0]?.sla).toEqual({ targetMs: 900_000 });
    expect(fromYDoc(toYDoc(doc.map)).stages[0]?.sla).toEqual({ targetMs: 900_000 });
  });

  it("is written in the Markdown export, its label as text", () => {
    const { map, personas } = template();
    const stages = map.stages.map((s, i) =>
      i === 0 ? { ...s, sla: { targetMs: 5_400_000, label: "<b>fast</b>" } } : s,
    );
    const text = mapToMarkdown({ map: { ...map, stages }, personas });
    expect(text).toContain("*SLA: 1 h 30 min in stage (");
    expect(text).not.toContain("<b>");
  });

  it.each([
    [{ targetMs: 0 }, "targetMs"],
    [{ targetMs: 1.5 }, "targetMs"],
    [{ targetMs: 3661 * 86_400_000 }, "targetMs"],
    [{ targetMs: 1000, label: "" }, "label"],
    [{ targetMs: 1000, colour: "red" }, ""],
  ])("rejects the SLA %j", (sla, field) => {
    const r = MapCommandSchema.safeParse({ type: "updateStage", id: "s1", sla });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(field);
  });
});
