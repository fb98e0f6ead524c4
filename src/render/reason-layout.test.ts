import { describe, expect, it } from "vitest";
import { neutralOf } from "../domain/index.ts";
import { buildTemplate, listTemplates } from "../domain/templates/index.ts";
import { levelScale } from "./emotion-geometry.ts";
import { emotionReasons } from "./PictureEmotionRow.tsx";
import { PICTURE } from "./picture-layout.ts";
import { layoutReasons, type ReasonBox } from "./reason-layout.ts";
import { emotionSeries } from "./series.ts";

const overlap = (a: ReasonBox, b: ReasonBox) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function check(boxes: ReasonBox[], neutralY: number, height: number) {
  for (const [i, a] of boxes.entries()) {
    expect(a.y < neutralY && a.y + a.h > neutralY, `${a.key} crosses the neutral line`).toBe(false);
    expect(a.y >= 0 && a.y + a.h <= height, `${a.key} inside the lane`).toBe(true);
    for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${a.key} overlaps ${b.key}`).toBe(false);
  }
}

describe("emotion reasons in the map picture", () => {
  it.each(listTemplates().map((t) => t.id))(
    "%s: every reason placed, none overlapping another or crossing the neutral line",
    (id) => {
      const t = buildTemplate(id);
      const lanes = t.map.lanes.filter((l) => l.type === "emotion");
      for (const lane of lanes) {
        const series = emotionSeries(t.map, t.personas, lane.personaId);
        const { boxes, dropped } = emotionReasons(t.map, series, PICTURE.emotionHeight);
        const layout = {
          columnWidth: PICTURE.columnWidth,
          height: PICTURE.emotionHeight,
          pad: PICTURE.emotionPad,
        };
        const neutralY = levelScale(t.map.emotionScale, layout).y(neutralOf(t.map.emotionScale));
        const withReason = series.flatMap((s) => s.points).filter((p) => p?.reason.trim()).length;
        expect(dropped).toEqual([]);
        expect(boxes).toHaveLength(withReason);
        check(boxes, neutralY, PICTURE.emotionHeight);
      }
    },
  );

  it("crowded points: two curves through the same values, long reasons, points on the neutral line", () => {
    const reason = "A long reason that needs two lines of text in the picture to be read in full";
    const points = [0, 1, 2, 3].flatMap((i) =>
      [0, 1].map((s) => ({ key: `${s}-${i}`, x: 120 + i * 240, y: [90, 88, 60, 120][i] ?? 90, reason })),
    );
    const { boxes, dropped } = layoutReasons(points, {
      width: 960,
      height: 180,
      neutralY: 90,
      maxWidth: 216,
    });
    expect(dropped).toEqual([]);
    check(boxes, 90, 180);
  });
});
