import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSurvey } from "./parse-survey.ts";

const sample = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./samples/${name}`, import.meta.url)), "utf8");

/** A Typeform export without its Submit Date (UTC) column: detection no longer knows it. */
function trimmedTypeform(): string {
  const rows = sample("typeform-export.csv").trimEnd().split("\n");
  return rows
    .map((r) =>
      r
        .split(",")
        .filter((_, i) => i !== 6)
        .join(","),
    )
    .join("\n");
}

describe("survey import: the tool option", () => {
  it("reads an export detection misses as the tool named", () => {
    const text = trimmedTypeform();
    expect(() => parseSurvey(text, "typeform.csv")).toThrow(/typeform\.csv/);
    const { responses, tool } = parseSurvey(text, "typeform.csv", { tool: "typeform" });
    expect(tool).toBe("Typeform responses export");
    expect(responses.map((r) => [r.caseId, r.metric, r.score])).toEqual([
      ["a1b2c3", "ces", 6],
      ["a1b2c3", "csat", 4],
      ["d4e5f6", "ces", 2],
      ["d4e5f6", "csat", 2],
    ]);
  });

  it("none reads the long form even when a tool's header is recognised; auto is the default", () => {
    const text = sample("typeform-export.csv");
    expect(parseSurvey(text, "t.csv", { tool: "auto" }).tool).toBe("Typeform responses export");
    expect(() => parseSurvey(text, "t.csv", { tool: "none" })).toThrow(/t\.csv/);
  });
});
