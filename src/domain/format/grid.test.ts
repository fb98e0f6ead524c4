import { describe, expect, it } from "vitest";
import { WaylineError } from "../errors.ts";
import { buildTemplate, listTemplates } from "../templates/index.ts";
import { sequentialIds } from "../testing.ts";
import { fromCsv, parseCsv, toCsv, writeCsv } from "./csv.ts";
import { mapToGrid } from "./grid.ts";
import { guessLaneType } from "./lane-guess.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const ctx = () => ({ now: NOW, newId: sequentialIds("g") });
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof WaylineError) return e.details?.problems as { path: string; message: string }[];
    throw e;
  }
  throw new Error("did not throw");
};

describe("CSV grid of every template", () => {
  it.each(listTemplates().map((t) => t.id))(
    "%s: the CSV reads back as the same cells and the same map grid",
    (id) => {
      const t = buildTemplate(id, { now: NOW, newId: sequentialIds("t") });
      const grid = mapToGrid(t.map, t.personas);
      const csv = toCsv(t);
      expect(parseCsv(csv)).toEqual(grid);
      const { map: back, personas } = fromCsv(csv, ctx()).document;
      expect(back.stages.map((s) => s.name)).toEqual(grid[0]?.slice(1));
      const curves = t.map.personaIds.filter((id) => t.map.emotionPoints.some((e) => e.personaId === id));
      expect(personas.map((p) => p.name)).toEqual(
        curves.map((id) => t.personas.find((p) => p.id === id)?.name),
      );
      expect(mapToGrid(back, personas)).toEqual(
        grid.map((r, i) =>
          i === 0
            ? r
            : [
                r[0],
                ...r.slice(1).map((c) =>
                  c
                    .split("\n")
                    .map((x) => x.trim())
                    .filter(Boolean)
                    .join("\n"),
                ),
              ],
        ),
      );
      for (const lane of t.map.lanes.filter(
        (l) => l.type !== "emotion" && ![null, "emotion"].includes(guessLaneType(l.name)),
      ))
        expect(back.lanes.find((l) => l.name === lane.name)?.type, lane.name).toBe(lane.type);
    },
  );
});

describe("spreadsheet import of a team's grid", () => {
  const german = writeCsv([
    ["Kundenreise", "Entdecken", "Kaufen", "Nutzen"],
    ["Berührungspunkte", "Website\nAnzeige", "Kasse", "App"],
    ["Schmerzpunkte", "Zu viele Optionen", "", "Absturz beim Start"],
    ["Emotionen", "4", "2 — lange Wartezeit", "5"],
    ["Ideen & Chancen", "Vergleichstabelle", "", ""],
    ["Kanäle", "Web", "In store", "Mobile app"],
  ]);

  it("guesses lane types from names in several languages and reads numbers as emotion points", () => {
    const r = fromCsv(german, ctx());
    expect(r.preview.lanes.map((l) => [l.name, l.type, l.guessed])).toEqual([
      ["Berührungspunkte", "touchpoints", true],
      ["Schmerzpunkte", "pain_points", true],
      ["Emotionen", "emotion", true],
      ["Ideen & Chancen", "ideas", true],
      ["Kanäle", "channels", true],
    ]);
    const m = r.document.map;
    expect(m.title).toBe("Kundenreise");
    expect(m.emotionScale).toMatchObject({ min: 1, max: 5 });
    expect(m.emotionPoints.map((e) => [e.value, e.reason])).toEqual([
      [4, ""],
      [2, "lange Wartezeit"],
      [5, ""],
    ]);
    expect(m.cards.filter((c) => c.fields.kind === "touchpoint").map((c) => c.text)).toEqual([
      "Website",
      "Anzeige",
      "Kasse",
      "App",
    ]);
    expect(
      m.cards
        .filter((c) => c.fields.kind === "channel")
        .map((c) => (c.fields as { channel: string }).channel),
    ).toEqual(["web", "in_store", "mobile_app"]);
  });

  it.each([
    ["Points de contact", "touchpoints"],
    ["Puntos de dolor", "pain_points"],
    ["Oportunidades", "ideas"],
    ["Точки контакта", "touchpoints"],
    ["Pensieri", "thoughts"],
    ["Thoughts & feelings", "thoughts"],
    ["Métricas", "kpis"],
    ["Notes", null],
  ])("guesses %s → %s", (name, type) => expect(guessLaneType(name)).toBe(type));

  it("takes the lane types confirmed in the preview over the guess", () => {
    const r = fromCsv(german, ctx(), { laneTypes: { 5: "thoughts" } });
    expect(r.preview.lanes.find((l) => l.row === 5)).toMatchObject({ type: "thoughts", guessed: false });
  });

  it("an emotion row with words becomes a Feels lane with a warning", () => {
    const r = fromCsv(
      writeCsv([
        ["Map", "A", "B"],
        ["Emotions", "happy", "3"],
      ]),
      ctx(),
    );
    expect(r.preview.lanes[0]?.type).toBe("feels");
    expect(r.warnings[0]?.path).toBe("CSV!A2");
  });

  it("reports every bad cell by sheet, row and column, and creates nothing", () => {
    const bad = writeCsv([
      ["Map", "A", "B"],
      ["Mood", "3", "very bad"],
      ["", "orphan", ""],
    ]);
    expect(problemsOf(() => fromCsv(bad, ctx(), { laneTypes: { 2: "emotion" } }))).toEqual([
      expect.objectContaining({ path: "CSV!A3" }),
      expect.objectContaining({ path: "CSV!C2" }),
    ]);
    expect(problemsOf(() => fromCsv("just one cell\n", ctx()))[0]?.path).toBe("CSV!B1");
  });

  it("parses quoted fields, doubled quotes, semicolons and reports an unclosed quote by line", () => {
    expect(parseCsv('a;"b ""x""\nc";d\r\n1;2;3\n')).toEqual([
      ["a", 'b "x"\nc', "d"],
      ["1", "2", "3"],
    ]);
    expect(problemsOf(() => parseCsv('a,b\n"open,c\n'))[0]?.path).toBe("line 3");
  });
});
