import { describe, expect, it } from "vitest";
import { applyCommands } from "../commands/apply.ts";
import { MapCommandSchema } from "../commands/schema.ts";
import { WaylineError } from "../errors.ts";
import { createMapDoc } from "../factory.ts";
import type { MapId } from "../model/ids.ts";
import { JourneyMapSchema } from "../model/journey-map.ts";
import { sequentialIds } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { buildTemplate } from "./index.ts";
import {
  blankMapCommands,
  LANE_SETS,
  laneSet,
  parseStageNames,
  STAGE_PRESETS,
  stagePreset,
} from "./presets.ts";

const NOW = "2026-12-01T10:00:00.000Z";

function build(stages: ReturnType<typeof parseStageNames>, phases: { name: string }[], lanes: string) {
  const doc = createMapDoc("Blank", "current_state", { id: "m1" as MapId, now: NOW });
  const commands = blankMapCommands(stages, phases, laneSet(lanes).lanes, sequentialIds("b"));
  // Every command passes the wire schema the API and the editor use.
  for (const c of commands) MapCommandSchema.parse(c);
  applyCommands(doc, commands, { now: NOW, newId: sequentialIds("x") });
  return JourneyMapSchema.parse(fromYDoc(doc));
}

describe("stage presets", () => {
  it("offers the five classic stage sets with the templates' stage names", () => {
    expect(STAGE_PRESETS.map((p) => p.id)).toEqual([
      "five-stage",
      "seven-stage",
      "lead-funnel",
      "support",
      "b2b",
    ]);
    const seven = buildTemplate("classic-seven-stage", { now: NOW, newId: sequentialIds("t") }).map;
    expect(stagePreset("seven-stage").stages.map((s) => s.name)).toEqual(seven.stages.map((s) => s.name));
    expect(stagePreset("five-stage").stages.map((s) => s.name)).toEqual([
      "Awareness",
      "Consideration",
      "Decision",
      "Retention",
      "Advocacy",
    ]);
    expect(() => stagePreset("nope")).toThrow(WaylineError);
  });

  it("builds a ready grid: stages in their phases, lanes of the set in order", () => {
    const p = stagePreset("seven-stage");
    const map = build([...p.stages], [...p.phases], "essentials");
    expect(map.stages.map((s) => s.name)).toEqual(p.stages.map((s) => s.name));
    expect(map.phases.map((ph) => ph.name)).toEqual(["Pre-sale", "Sale", "Post-sale"]);
    const phaseOf = (name: string) =>
      map.phases.find((ph) => ph.id === map.stages.find((s) => s.name === name)?.phaseId);
    expect(phaseOf("Need")?.name).toBe("Pre-sale");
    expect(phaseOf("Loyalty")?.name).toBe("Post-sale");
    expect(map.lanes.map((l) => l.type)).toEqual([
      "actions",
      "touchpoints",
      "thoughts",
      "emotion",
      "pain_points",
      "ideas",
    ]);
    expect(map.cards).toEqual([]);
  });

  it("names lanes of the service blueprint set and skips phases no stage uses", () => {
    const map = build(parseStageNames("Book\nStay"), [{ name: "Unused" }], "service-blueprint");
    expect(map.phases).toEqual([]);
    expect(map.lanes.map((l) => l.name).slice(0, 2)).toEqual(["Customer actions", "Physical evidence"]);
    expect(map.lanes.map((l) => l.type)).toContain("backstage");
    expect(LANE_SETS.find((l) => l.id === "minimal")?.lanes.length).toBe(3);
  });
});

describe("pasted stage names", () => {
  it("takes one name per line, trimmed, without blank lines or list markers", () => {
    expect(
      parseStageNames("  1. Discover \n\n- Compare\r\n• Buy\n2) Use\nKeep using").map((s) => s.name),
    ).toEqual(["Discover", "Compare", "Buy", "Use", "Keep using"]);
  });

  it("rejects an empty paste, too many lines and over-long names", () => {
    expect(() => parseStageNames(" \n\n")).toThrow(/at least one/);
    expect(() => parseStageNames(Array.from({ length: 61 }, (_, i) => `S${i}`).join("\n"))).toThrow(
      /at most 60/,
    );
    expect(() => parseStageNames(`ok\n${"x".repeat(201)}`)).toThrow(/line 2/);
  });
});
