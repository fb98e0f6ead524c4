import { describe, expect, it } from "vitest";
import { PRESENCE_COLORS } from "../state/presence.ts";
import { contrastRatio, textColorOn } from "./contrast.ts";

describe("text colour on a coloured background", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("picks white on dark and dark on light colours", () => {
    expect(textColorOn("#1971c2")).toBe("#ffffff");
    expect(textColorOn("#ffe08a")).toBe("#111111");
    expect(textColorOn("not a colour")).toBe("#ffffff");
  });

  it("gives every presence colour text of at least 4.5:1 (WCAG AA)", () => {
    for (const c of PRESENCE_COLORS) expect(contrastRatio(c, textColorOn(c))).toBeGreaterThanOrEqual(4.5);
  });
});
