import { describe, expect, it } from "vitest";
import { sampleDoc } from "../testing.ts";
import { fromYDoc } from "../ydoc/from-ydoc.ts";
import { CardFieldsSchema, defaultFields } from "./card.ts";
import { convertLevel, DEFAULT_EMOTION_SCALE, EmotionScaleSchema, neutralOf } from "./emotion-scale.ts";
import { EvidenceLinkSchema } from "./evidence.ts";
import { MapIdSchema } from "./ids.ts";
import { JourneyMapSchema } from "./journey-map.ts";
import { createPersona, PersonaInputSchema, PersonaSchema } from "./persona.ts";

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("ids", () => {
  it("reject empty, long and unsafe ids", () => {
    expect(MapIdSchema.safeParse("").success).toBe(false);
    expect(MapIdSchema.safeParse("a".repeat(65)).success).toBe(false);
    expect(MapIdSchema.safeParse("../etc").success).toBe(false);
    expect(MapIdSchema.safeParse("map_1-x").success).toBe(true);
  });
});

describe("emotion scale", () => {
  it("accepts the default and common ranges", () => {
    for (const s of [DEFAULT_EMOTION_SCALE, { min: 1, max: 5, levels: [] }, { min: 1, max: 10, levels: [] }])
      expect(EmotionScaleSchema.safeParse(s).success).toBe(true);
  });
  it("rejects inverted, huge and mislabelled scales", () => {
    expect(paths(EmotionScaleSchema.safeParse({ min: 3, max: 1, levels: [] }))).toContain("max");
    expect(EmotionScaleSchema.safeParse({ min: 0, max: 50, levels: [] }).success).toBe(false);
    expect(
      paths(EmotionScaleSchema.safeParse({ min: 1, max: 5, levels: [{ value: 9, label: "x", emoji: "" }] })),
    ).toContain("levels.0.value");
    expect(EmotionScaleSchema.safeParse({ min: 1.5, max: 5, levels: [] }).success).toBe(false);
  });
  it("converts linearly between scales and finds neutral", () => {
    expect(convertLevel(-3, DEFAULT_EMOTION_SCALE, { min: 1, max: 5 })).toBe(1);
    expect(convertLevel(0, DEFAULT_EMOTION_SCALE, { min: 1, max: 5 })).toBe(3);
    expect(convertLevel(10, { min: 1, max: 10 }, DEFAULT_EMOTION_SCALE)).toBe(3);
    expect(neutralOf({ min: 1, max: 5 })).toBe(3);
    expect(neutralOf(DEFAULT_EMOTION_SCALE)).toBe(0);
  });
});

describe("cards", () => {
  it("rejects out-of-range and mistyped fields", () => {
    expect(paths(CardFieldsSchema.safeParse({ ...defaultFields("pain"), reach: 2 }))).toEqual(["reach"]);
    expect(paths(CardFieldsSchema.safeParse({ ...defaultFields("pain"), dueDate: "31/01/2027" }))).toEqual([
      "dueDate",
    ]);
    expect(paths(CardFieldsSchema.safeParse({ ...defaultFields("touchpoint"), channel: "pigeon" }))).toEqual([
      "channel",
    ]);
    expect(
      paths(CardFieldsSchema.safeParse({ ...defaultFields("link"), url: "javascript:alert(1)" })),
    ).toEqual(["url"]);
    expect(CardFieldsSchema.safeParse({ kind: "note", extra: 1 }).success).toBe(false);
    expect(CardFieldsSchema.safeParse({ kind: "unknown" }).success).toBe(false);
  });
  it("accepts the defaults of every kind", () => {
    for (const k of [
      "note",
      "touchpoint",
      "channel",
      "pain",
      "idea",
      "kpi",
      "ownership",
      "blueprint",
      "handoff",
      "image",
      "link",
    ] as const)
      expect(CardFieldsSchema.safeParse(defaultFields(k)).success).toBe(true);
  });
  it("evidence needs a title and an http(s) url", () => {
    const ok = { id: "e", kind: "survey", title: "NPS survey", url: "https://x.org", date: null, note: "" };
    expect(EvidenceLinkSchema.safeParse(ok).success).toBe(true);
    expect(paths(EvidenceLinkSchema.safeParse({ ...ok, title: "" }))).toEqual(["title"]);
    expect(paths(EvidenceLinkSchema.safeParse({ ...ok, url: "ftp://x" }))).toEqual(["url"]);
    expect(paths(EvidenceLinkSchema.safeParse({ ...ok, kind: "rumour" }))).toEqual(["kind"]);
  });
});

describe("personas", () => {
  const now = "2026-01-01T00:00:00.000Z";
  it("creates a complete persona with initials and a colour", () => {
    const p = createPersona({ name: "Eva Moline", age: 29 }, { id: "p1" as never, now });
    expect(PersonaSchema.parse(p)).toMatchObject({ avatar: { initials: "EM" }, age: 29, needs: [] });
  });
  it("rejects bad input with paths", () => {
    expect(paths(PersonaInputSchema.safeParse({ name: "" }))).toEqual(["name"]);
    expect(paths(PersonaInputSchema.safeParse({ name: "A", age: -1 }))).toEqual(["age"]);
    expect(paths(PersonaInputSchema.safeParse({ name: "A", techSavviness: 9 }))).toEqual(["techSavviness"]);
    expect(paths(PersonaInputSchema.safeParse({ name: "A", preferredChannels: ["fax"] }))).toEqual([
      "preferredChannels.0",
    ]);
    expect(PersonaInputSchema.safeParse({ name: "A", favouriteColour: "red" }).success).toBe(false);
  });
});

describe("journey map cross-references", () => {
  const base = () => fromYDoc(sampleDoc());
  it("accepts a consistent map", () => {
    expect(JourneyMapSchema.safeParse(base()).success).toBe(true);
  });
  it("rejects dangling ids, kind mismatches, duplicates and off-scale emotions with paths", () => {
    const m = base();
    const card = {
      id: "c1",
      laneId: "l-actions",
      stageId: "nope",
      stepId: null,
      order: "a0",
      text: "",
      color: null,
      confidence: "assumed",
      evidence: [],
      isSample: false,
      fields: { kind: "pain", impact: null, reach: null, owner: null, dueDate: null, status: "open" },
    };
    const bad = {
      ...m,
      stages: [...m.stages, { ...m.stages[0] }],
      cards: [card],
      emotionPoints: [
        { personaId: null, stageId: "s1", stepId: null, value: 9, emoji: null, reason: "", isSample: false },
      ],
    };
    expect(paths(JourneyMapSchema.safeParse(bad)).sort()).toEqual(
      ["cards.0.fields.kind", "cards.0.stageId", "emotionPoints.0.value", "stages.3.id"].sort(),
    );
  });
  it("rejects unknown fields and malformed order keys", () => {
    expect(JourneyMapSchema.safeParse({ ...base(), colour: "red" }).success).toBe(false);
    const m = base();
    const broken = { ...m, stages: m.stages.map((s, i) => (i === 0 ? { ...s, order: "!!" } : s)) };
    expect(paths(JourneyMapSchema.safeParse(broken))).toEqual(["stages.0.order"]);
  });
});
