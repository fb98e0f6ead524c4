import { createHash } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PictureOverlay } from "../domain/index.ts";
import { buildTemplate, listTemplates } from "../domain/templates/index.ts";
import { sequentialIds } from "../domain/testing.ts";
import { MapPicture, type MapPictureProps } from "./MapPicture.tsx";

/**
 * The picture's markup of every template is pinned: light and dark, one font run and split runs,
 * with a data overlay (figures and survey band) and without. Guards refactors of the picture
 * components (the file split of MapPicture.tsx kept every byte). An intended change of the
 * picture updates the pinned digests with `npx vitest run src/render/MapPicture.test.tsx -u`.
 */
const NOW = "2026-03-01T09:00:00.000Z";

/** Splits every text at its first space into two runs (exercises the per-run tspans). */
const twoRuns: MapPictureProps["fontFor"] = (t) => {
  const i = t.indexOf(" ");
  return i <= 0
    ? [{ text: t, family: "Inter" }]
    : [
        { text: t.slice(0, i), family: "Inter" },
        { text: t.slice(i), family: "'Noto Sans Math'" },
      ];
};

function overlayOf(map: MapPictureProps["map"]): PictureOverlay {
  return {
    source: "event log Claims (1 104 cases) · surveys (120 responses)",
    stages: Object.fromEntries(
      map.stages.map((s, i) => [
        s.id,
        i === 1
          ? { reached: null, reachShare: null, conversion: null, medianEntryMs: null, emotion: null }
          : {
              reached: 1000 - i * 100,
              reachShare: 1 - i * 0.1,
              conversion: i === 0 ? null : 0.9,
              medianEntryMs: i * 3_600_000,
              emotion: { value: 3 + (i % 2), low: 2.5, high: 4.2 },
            },
      ]),
    ),
  };
}

const render = (props: MapPictureProps) => renderToStaticMarkup(createElement(MapPicture, props));

describe.each(listTemplates().map((t) => t.id))("the picture of %s", (id) => {
  const { map, personas } = buildTemplate(id, { now: NOW, newId: sequentialIds("t") });
  it("keeps its markup in every variant", () => {
    const variants = [
      render({ map, personas }),
      render({ map, personas, theme: "dark", fontFor: twoRuns }),
      render({ map, personas, overlay: overlayOf(map) }),
    ];
    // A digest, not 1.8 MB of markup in the repository; the sizes say which variant changed.
    const digest = createHash("sha256").update(variants.join("\n\n")).digest("hex");
    expect({ digest, sizes: variants.map((v) => v.length) }).toMatchSnapshot();
  });
});

it("draws a map whose stage list is out of order as the sorted map (curve under its header)", () => {
  const { map, personas } = buildTemplate("pizza-restaurant", { now: NOW, newId: sequentialIds("t") });
  const shuffled = { ...map, stages: [...map.stages].reverse() };
  const overlay = overlayOf(map);
  expect(render({ map: shuffled, personas, overlay })).toBe(render({ map, personas, overlay }));
});
