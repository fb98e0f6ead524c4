import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WaylineError } from "../errors.ts";
import { buildTemplate, listTemplates } from "../templates/index.ts";
import { sequentialIds } from "../testing.ts";
import { canonicalMap, fromMermaid, toMermaid } from "./mermaid.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const DIR = join(import.meta.dirname, "../../../../shared/data/mermaid");
const ctx = (p = "m") => ({ now: NOW, newId: sequentialIds(p) });
const shared = readdirSync(DIR).filter((f) => f.endsWith(".mmd"));
const read = (f: string) => readFileSync(join(DIR, f), "utf8");
const visible = (text: string) =>
  text
    .split("\n")
    .filter((l) => !l.trim().startsWith("%%"))
    .join("\n");

describe("Mermaid import of the shared real-world files", () => {
  it("finds the files", () => expect(shared.length).toBeGreaterThanOrEqual(5));

  it("reads working-day.mmd: sections as phases, tasks as stages, scores and actors", () => {
    const { document: d } = fromMermaid(read("working-day.mmd"), ctx());
    expect(d.map.title).toBe("My working day");
    expect(d.map.phases.map((p) => p.name)).toEqual(["Go to work", "Go home"]);
    expect(d.map.stages.map((s) => s.name)).toEqual([
      "Make tea",
      "Go upstairs",
      "Do work",
      "Go downstairs",
      "Sit down",
    ]);
    expect(d.map.emotionPoints.map((e) => e.value)).toEqual([5, 3, 1, 5, 3]);
    expect(d.map.emotionScale).toMatchObject({ min: 1, max: 5 });
    const actors = d.map.lanes.find((l) => l.name === "Actors");
    expect(d.map.cards.filter((c) => c.laneId === actors?.id).map((c) => c.text)).toContain("Me, Cat");
  });

  it("reads front matter, empty actor lists and scores without a trailing colon", () => {
    const { document: d } = fromMermaid(read("onboarding-frontmatter.mmd"), ctx());
    expect(d.map.title).toBe("User Journey Example");
    expect(d.map.stages).toHaveLength(5);
    expect(d.map.emotionPoints.map((e) => e.value)).toEqual([5, 3, 4, 3, 4]);
    expect(d.map.lanes.map((l) => l.name)).toEqual(["Emotion"]);
  });

  it("keeps repeated sections apart and trims extra spaces around colons", () => {
    const { document: d } = fromMermaid(read("webhook-lifecycle.mmd"), ctx());
    expect(d.map.title).toBe("Web hook life cycle");
    expect(d.map.phases.map((p) => p.name)).toEqual(["Darkoob", "External Service", "Darkoob"]);
    expect(d.map.stages[3]?.name).toBe("set Darkoob slug as hook for an Event");
    const texts = d.map.cards.map((c) => c.text);
    expect(texts).toContain("admin Exjjjnjjjj qwerty");
    expect(texts).toContain("External Service");
  });

  it("keeps an empty section as a phase without stages", () => {
    const { document: d } = fromMermaid(read("empty-section.mmd"), ctx());
    expect(d.map.phases.map((p) => p.name)).toEqual(["Order from website"]);
    expect(d.map.stages).toHaveLength(0);
  });

  it.each(shared)("%s: export → import gives the same map, and without the wayline lines too", (f) => {
    const first = fromMermaid(read(f), ctx()).document;
    const text = toMermaid({ ...first, exportedAt: NOW });
    expect(fromMermaid(text, ctx("x")).document.map).toEqual(first.map);
    expect(fromMermaid(visible(text), ctx()).document.map).toEqual(first.map);
  });
});

describe("Mermaid quirks", () => {
  const quirky = [
    "%% a comment",
    "# a hash comment",
    "journey",
    "  title   Quirks: ünïcode & punctuation!  ",
    "  Early task : 4 : Me",
    "  section Start   # trailing comment",
    "    Too high:  7 : Me",
    "    Too low :0:",
    "    Half: 2.5",
    "    No score: : Me",
  ].join("\n");

  it("maps scores outside 1–5 onto the scale with a located warning", () => {
    const r = fromMermaid(quirky, ctx());
    expect(r.document.map.title).toBe("Quirks: ünïcode & punctuation!");
    expect(r.document.map.stages.map((s) => s.name)).toEqual([
      "Early task",
      "Too high",
      "Too low",
      "Half",
      "No score",
    ]);
    expect(r.document.map.stages[0]?.phaseId).toBeNull();
    expect(r.document.map.emotionPoints.map((e) => e.value)).toEqual([4, 5, 1, 3]);
    const paths = r.warnings.map((w) => w.path);
    expect(paths).toEqual(expect.arrayContaining(["line 5", "line 7", "line 8", "line 9", "line 10"]));
  });

  it("rejects a line Mermaid would reject, with its line number", () => {
    const bad = () => fromMermaid("journey\n  title T\n  section S\n    just words\n", ctx());
    expect(bad).toThrow(WaylineError);
    try {
      bad();
    } catch (e) {
      expect((e as WaylineError).details?.problems).toEqual([expect.objectContaining({ path: "line 4" })]);
    }
  });

  it("rejects text that is not a journey", () => {
    expect(() => fromMermaid("flowchart LR\n  A --> B\n", ctx())).toThrow(/not a valid Mermaid journey/);
  });

  it("ignores stale wayline lines when the diagram was edited by hand, with a warning", () => {
    const t = buildTemplate("pizza-restaurant", { now: NOW, newId: sequentialIds("t") });
    const text = toMermaid({ ...t, exportedAt: NOW }).replace("Aware", "Heard of us");
    const r = fromMermaid(text, ctx());
    expect(r.document.map.stages[0]?.name).toBe("Heard of us");
    expect(r.warnings.at(-1)?.message).toMatch(/edited after export/);
  });

  it("reports a broken wayline line by its line number", () => {
    const t = buildTemplate("mobile-app", { now: NOW, newId: sequentialIds("t") });
    const lines = toMermaid({ ...t, exportedAt: NOW }).split("\n");
    const i = lines.findIndex((l) => l.includes('"t":"card"'));
    lines[i] = "%% wayline: {not json";
    expect(() => fromMermaid(lines.join("\n"), ctx())).toThrow(new RegExp(`line ${i + 1}`));
  });
});

describe("Mermaid export of every template", () => {
  it.each(listTemplates().map((t) => t.id))("%s round-trips losslessly", (id) => {
    const t = buildTemplate(id, { now: NOW, newId: sequentialIds("t") });
    const text = toMermaid({ ...t, exportedAt: NOW });
    expect(text.startsWith("journey\n")).toBe(true);
    const back = fromMermaid(text, ctx()).document;
    expect(back.map).toEqual(canonicalMap(t.map));
    expect(back.personas).toEqual(t.personas);
  });
});
