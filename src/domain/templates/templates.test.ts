import { describe, expect, it } from "vitest";
import { runHealthCheck } from "../analysis/health/run.ts";
import { WaylineError } from "../errors.ts";
import { JourneyMapSchema } from "../model/journey-map.ts";
import { PersonaSchema } from "../model/persona.ts";
import { sequentialIds } from "../testing.ts";
import { buildFromSpec } from "./builder.ts";
import { buildTemplate, listTemplates, type TemplateContent } from "./index.ts";
import type { TemplateSpec } from "./spec.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const build = (id: string) => buildTemplate(id, { now: NOW, newId: sequentialIds("t") });
const infos = listTemplates();
const built = new Map<string, TemplateContent>(infos.map((t) => [t.id, build(t.id)]));
const get = (id: string): TemplateContent => {
  const t = built.get(id);
  if (!t) throw new Error(`template ${id} missing`);
  return t;
};
const lanesOf = (id: string) => get(id).map.lanes.map((l) => l.type);

describe("template catalogue", () => {
  it("offers at least 12 templates with unique kebab-case ids", () => {
    expect(infos.length).toBeGreaterThanOrEqual(12);
    const ids = infos.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("describes each template as it builds", () => {
    for (const info of infos) {
      const { map, personas } = get(info.id);
      expect(info.title).toBe(map.title);
      expect(info.kind).toBe(map.kind);
      expect(info.stageCount).toBe(map.stages.length);
      expect(info.personaNames).toEqual(personas.map((p) => p.name));
      expect(info.tags).toEqual(map.tags);
      expect(info.description.length).toBeGreaterThan(40);
    }
  });

  it("rejects an unknown id with not_found", () => {
    expect(() => buildTemplate("no-such-template")).toThrowError(WaylineError);
    try {
      buildTemplate("no-such-template");
    } catch (e) {
      expect((e as WaylineError).code).toBe("not_found");
    }
  });
});

describe.each(infos.map((t) => t.id))("template %s", (id) => {
  it("builds a valid map with attached, valid personas", () => {
    const { map, personas } = get(id);
    expect(JourneyMapSchema.safeParse(map).success).toBe(true);
    expect(personas.length).toBeGreaterThanOrEqual(1);
    for (const p of personas) expect(PersonaSchema.safeParse(p).success).toBe(true);
    expect(map.personaIds).toEqual(personas.map((p) => p.id));
  });

  it("has at least 4 stages, several lane types and a measurable goal with scope", () => {
    const { map } = get(id);
    expect(map.stages.length).toBeGreaterThanOrEqual(4);
    expect(new Set(map.lanes.map((l) => l.type)).size).toBeGreaterThanOrEqual(4);
    expect(map.goal.statement && map.goal.metric && map.goal.target).toBeTruthy();
    expect(map.scope.start && map.scope.end && map.scope.scenario).toBeTruthy();
  });

  it("has an emotion lane and a point for every persona at every stage", () => {
    const { map } = get(id);
    expect(map.lanes.some((l) => l.type === "emotion")).toBe(true);
    for (const personaId of map.personaIds)
      for (const stage of map.stages)
        expect(map.emotionPoints.some((p) => p.personaId === personaId && p.stageId === stage.id)).toBe(true);
  });

  it("flags all authored content as sample", () => {
    const { map, personas } = get(id);
    expect(map.cards.length).toBeGreaterThan(10);
    expect(map.cards.every((c) => c.isSample)).toBe(true);
    expect(map.emotionPoints.every((p) => p.isSample)).toBe(true);
    expect(personas.every((p) => p.isSample)).toBe(true);
  });

  it("is rich: filled personas, owned touchpoints, owned pain points and linked ideas", () => {
    const { map, personas } = get(id);
    for (const p of personas) {
      expect(p.role && p.quote && p.background).toBeTruthy();
      expect(p.needs.length + p.frustrations.length).toBeGreaterThan(1);
    }
    const kinds = map.cards.map((c) => c.fields.kind);
    for (const kind of ["touchpoint", "pain", "idea"] as const) expect(kinds).toContain(kind);
    for (const c of map.cards) {
      if (c.fields.kind === "touchpoint") expect(c.fields.ownerTeam).toBeTruthy();
      if (c.fields.kind === "pain")
        expect(c.fields.owner && c.fields.dueDate && c.fields.impact).toBeTruthy();
      if (c.fields.kind === "idea") expect(c.fields.painPointIds.length).toBeGreaterThan(0);
    }
  });

  it("passes the health check's content rules", () => {
    const report = runHealthCheck(get(id).map, {}, { today: NOW.slice(0, 10) });
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const rule of [
      "persona-missing",
      "emotion-missing",
      "negativity-missing",
      "pain-no-owner",
      "pain-no-due-date",
      "touchpoint-no-owner",
      "pain-unanchored",
      "handoff-missing",
      "kpi-missing",
      "goal-missing",
      "stage-no-touchpoints",
    ])
      expect(rules, rule).not.toContain(rule);
  });

  it("builds deterministically with a deterministic id factory", () => {
    expect(build(id)).toEqual(get(id));
  });
});

describe("specific templates", () => {
  it("pizza restaurant follows Eva Moline through the 8 stages in order", () => {
    const { map, personas } = get("pizza-restaurant");
    expect(map.stages.map((s) => s.name)).toEqual([
      "Aware",
      "Research",
      "Arrival",
      "Order",
      "Eat",
      "Leave",
      "Feedback",
      "Return",
    ]);
    const eva = personas.find((p) => p.name === "Eva Moline");
    expect(eva).toMatchObject({ age: 29, role: "Journalist" });
    expect(eva?.techSavviness).toBeLessThanOrEqual(2);
    expect(JSON.stringify(eva).toLowerCase()).toContain("peanut");
    const pains = map.cards.filter((c) => c.fields.kind === "pain").map((c) => c.text.toLowerCase());
    for (const word of ["reviews", "signage", "ingredients", "restroom"])
      expect(pains.some((t) => t.includes(word))).toBe(true);
  });

  it("e-commerce and NGO maps are a comparable, tagged pair", () => {
    const shop = get("ecommerce-purchase").map;
    const ngo = get("ngo-help-seeking").map;
    expect(shop.stages.map((s) => s.name)).toEqual(ngo.stages.map((s) => s.name));
    expect(shop.lanes.map((l) => [l.type, l.name])).toEqual(ngo.lanes.map((l) => [l.type, l.name]));
    const pairTag = shop.tags.find((t) => t.startsWith("pair:"));
    expect(pairTag).toBeTruthy();
    expect(ngo.tags).toContain(pairTag);
  });

  it("software evaluation follows Alana", () => {
    expect(get("software-evaluation").personas.map((p) => p.name)).toContain("Alana");
  });

  it("service blueprint has frontstage, backstage and support lanes", () => {
    const { map } = get("service-blueprint");
    expect(map.kind).toBe("service_blueprint");
    for (const t of ["frontstage", "backstage", "support"] as const)
      expect(lanesOf("service-blueprint")).toContain(t);
    for (const t of ["frontstage", "backstage", "support"]) {
      const lane = map.lanes.find((l) => l.type === t);
      expect(map.cards.filter((c) => c.laneId === lane?.id).length).toBeGreaterThanOrEqual(map.stages.length);
    }
  });

  it("hybrid support has bot touchpoints and a hand-off lane with triggers", () => {
    const { map } = get("hybrid-bot-support");
    expect(lanesOf("hybrid-bot-support")).toContain("handoff");
    expect(map.cards.some((c) => c.fields.kind === "touchpoint" && c.fields.isBot)).toBe(true);
    expect(map.cards.some((c) => c.fields.kind === "touchpoint" && !c.fields.isBot)).toBe(true);
    const triggers = map.cards.flatMap((c) => (c.fields.kind === "handoff" ? c.fields.triggers : []));
    expect(triggers.join(" ")).toMatch(/anger/i);
    expect(triggers.join(" ")).toMatch(/scope/i);
  });

  it("day in the life is about future parents, with times of day as stages", () => {
    const { map, personas } = get("day-in-the-life");
    expect(map.kind).toBe("day_in_the_life");
    for (const s of map.stages) expect(s.name).toMatch(/^\d{1,2}:\d{2}/);
    expect(personas.length).toBeGreaterThanOrEqual(2);
  });

  it("subscription loop is circular and classic templates keep their stage names", () => {
    expect(get("subscription-loop").map.kind).toBe("circular");
    const names = (id: string) => get(id).map.stages.map((s) => s.name.toLowerCase());
    expect(names("generic-five-stage")).toEqual([
      "awareness",
      "consideration",
      "decision",
      "retention",
      "advocacy",
    ]);
    expect(names("classic-seven-stage")).toHaveLength(7);
    expect(names("mobile-app")).toEqual(["discover", "install", "use", "delete"]);
  });
});

describe("builder", () => {
  const base: TemplateSpec = {
    id: "t",
    title: "T",
    kind: "current_state",
    description: "",
    tags: [],
    goal: { statement: "", metric: "", target: "" },
    scope: { start: "", end: "", scenario: "" },
    stages: ["A", "B"],
    personas: [{ name: "P", curve: [[1, "ok"]] }],
    lanes: [],
  };
  const opts = { now: NOW, newId: sequentialIds("b") };

  it("rejects authoring mistakes instead of building a half map", () => {
    expect(() => buildFromSpec(base, opts)).toThrow(/one point per stage/);
    const unknownStage = { ...base, personas: [], lanes: [{ type: "actions" as const, cells: { C: "x" } }] };
    expect(() => buildFromSpec(unknownStage, opts)).toThrow(/unknown stage "C"/);
    const badFix = {
      ...base,
      personas: [],
      lanes: [{ type: "ideas" as const, cells: [{ text: "i", fixes: ["nope"] }] }],
    };
    expect(() => buildFromSpec(badFix, opts)).toThrow(/unknown "nope"/);
  });

  it("sets pain due dates relative to the build time", () => {
    const spec = {
      ...base,
      personas: [],
      lanes: [{ type: "pain_points" as const, cells: [{ text: "p", dueInDays: 30 }] }],
    };
    const card = buildFromSpec(spec, opts).map.cards[0];
    expect(card?.fields).toMatchObject({ kind: "pain", dueDate: "2026-03-31" });
  });
});
