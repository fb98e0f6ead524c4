import { describe, expect, it } from "vitest";
import { viewportOf } from "./presence.ts";

describe("a collaborator's viewport from awareness (untrusted)", () => {
  const ok = { x: 1500, y: 300, width: 1280, height: 600, zoom: 1 };
  it("keeps a sane viewport", () => {
    expect(viewportOf(ok)).toEqual(ok);
    expect(viewportOf({ ...ok, zoom: 0.5, x: 0, y: 0 })).toEqual({ ...ok, zoom: 0.5, x: 0, y: 0 });
  });
  it("drops anything that is not finite numbers within bounds", () => {
    for (const bad of [
      null,
      "x",
      42,
      { ...ok, x: Number.NaN },
      { ...ok, y: -1 },
      { ...ok, x: "10" },
      { ...ok, width: 0 },
      { ...ok, height: Number.POSITIVE_INFINITY },
      { ...ok, zoom: 0 },
      { ...ok, zoom: 100 },
      { ...ok, x: 1e12 },
      { x: 1, y: 1 },
    ])
      expect(viewportOf(bad), JSON.stringify(bad)).toBeNull();
  });
});
