import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSurvey } from "./parse-survey.ts";

const sample = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./samples/${name}`, import.meta.url)), "utf8");

describe("survey tools' exports (Qualtrics, SurveyMonkey, Typeform)", () => {
  it("Qualtrics: three header rows, NPS/CSAT/CES from the question texts, the open answer as comment, stage from embedded data", () => {
    const { responses, errors, tool } = parseSurvey(sample("qualtrics-export.csv"), "qualtrics-export.csv");
    expect(tool).toBe("Qualtrics survey export");
    expect(errors).toEqual([]);
    expect(responses.map((r) => [r.caseId, r.stage, r.metric, r.score])).toEqual([
      ["cust-1", "Delivery", "nps", 9],
      ["cust-1", "Delivery", "csat", 5],
      ["cust-1", "Delivery", "ces", 6],
      ["cust-2", "Delivery", "nps", 3],
      ["cust-2", "Delivery", "csat", 2],
      ["cust-2", "Delivery", "ces", 2],
      ["R_3c", "Order", "nps", 10],
      ["R_3c", "Order", "ces", 7],
    ]);
    expect(responses[3]?.comment).toBe("The pizza was cold");
  });

  it("SurveyMonkey: the sub-header row skipped, satisfaction labels read as 1–5, the stage named at import", () => {
    const text = sample("surveymonkey-export.csv");
    expect(() => parseSurvey(text, "monkey.csv")).toThrow(
      /monkey\.csv: a SurveyMonkey survey export has no stage column.*choose the stage/,
    );
    const { responses, tool } = parseSurvey(text, "monkey.csv", { stage: "Checkout" });
    expect(tool).toBe("SurveyMonkey survey export");
    expect(responses.map((r) => [r.caseId, r.stage, r.metric, r.score, r.comment])).toEqual([
      ["ana@example.com", "Checkout", "csat", 5, "Smooth"],
      ["ana@example.com", "Checkout", "nps", 9, "Smooth"],
      ["ben@example.com", "Checkout", "csat", 2, "Voucher did not work"],
      ["ben@example.com", "Checkout", "nps", 4, "Voucher did not work"],
    ]);
  });

  it("Typeform: hidden field stage, CES and CSAT questions", () => {
    const { responses, tool } = parseSurvey(sample("typeform-export.csv"), "typeform.csv");
    expect(tool).toBe("Typeform responses export");
    expect(responses.map((r) => [r.caseId, r.metric, r.score])).toEqual([
      ["a1b2c3", "ces", 6],
      ["a1b2c3", "csat", 4],
      ["d4e5f6", "ces", 2],
      ["d4e5f6", "csat", 2],
    ]);
    expect(responses[2]?.comment).toBe("Filters are confusing");
  });

  it("a survey in the long form is read as before", () => {
    const { responses, tool } = parseSurvey(
      "case_id,stage,metric,score,comment\nc1,Buy,csat,4,ok\n",
      "long.csv",
    );
    expect(tool).toBeUndefined();
    expect(responses).toHaveLength(1);
  });
});
