import { describe, expect, it } from "vitest";
import { readSlaForm, targetInUnits } from "./StageSla.tsx";

const H = 3_600_000;

describe("the SLA form", () => {
  it("reads a target in days, hours or minutes, with an optional trimmed label", () => {
    expect(readSlaForm("2", "d", "")).toEqual({ targetMs: 48 * H });
    expect(readSlaForm("4,5", "h", "  Reply fast ")).toEqual({ targetMs: 4.5 * H, label: "Reply fast" });
    expect(readSlaForm("90", "min", "")).toEqual({ targetMs: 1.5 * H });
  });
  it("names the field of a bad value", () => {
    for (const bad of ["", "soon", "0", "-1"])
      expect(readSlaForm(bad, "d", "")).toEqual({
        problem: expect.stringMatching(/^Target: enter a number/),
      });
    expect(readSlaForm("4000", "d", "")).toEqual({ problem: "Target: at most 3,660 days (ten years)." });
    expect(readSlaForm("1", "d", "x".repeat(201))).toEqual({ problem: "Label: at most 200 characters." });
  });
  it("shows a stored target in the largest whole unit", () => {
    expect(targetInUnits(48 * H)).toEqual({ amount: "2", unit: "d" });
    expect(targetInUnits(5 * H)).toEqual({ amount: "5", unit: "h" });
    expect(targetInUnits(90 * 60_000)).toEqual({ amount: "90", unit: "min" });
    expect(targetInUnits(5.5 * H)).toEqual({ amount: "330", unit: "min" });
    expect(targetInUnits(5.5 * H + 30_000)).toEqual({ amount: "5.508", unit: "h" });
    expect(targetInUnits(1500)).toEqual({ amount: "0.025", unit: "min" });
  });
});
