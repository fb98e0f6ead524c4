import { type JourneyMap, sortOrdered } from "../domain/index.ts";
import { type Font, Label } from "./PictureLabel.tsx";
import { PICTURE_ICONS } from "./picture-icons.tsx";
import { PICTURE, type PictureLayout } from "./picture-layout.ts";
import type { PictureTheme } from "./picture-theme.ts";

/** The phase band and the stage header row (moment-of-truth marks included). */
export function PictureHeaders({
  map,
  layout,
  theme,
  font,
}: {
  map: JourneyMap;
  layout: PictureLayout;
  theme: PictureTheme;
  font: Font;
}) {
  const cw = PICTURE.columnWidth;
  return (
    <g>
      {layout.phaseY === null
        ? null
        : sortOrdered(map.phases).map((p) => {
            const cols = layout.columns.filter((c) => c.stage.phaseId === p.id);
            const first = cols[0];
            if (!first) return null;
            return (
              <g key={p.id}>
                <rect
                  x={first.x}
                  y={layout.phaseY ?? 0}
                  width={cols.length * cw}
                  height={PICTURE.phaseHeight}
                  fill={p.color ?? theme.phase}
                  stroke={theme.grid}
                />
                <Label
                  x={first.x + 10}
                  y={(layout.phaseY ?? 0) + 19}
                  lines={[p.name]}
                  size={13}
                  lineHeight={16}
                  fill={theme.ink}
                  font={font}
                  bold
                />
              </g>
            );
          })}
      {layout.columns.map((c) => (
        <g key={c.stage.id}>
          <rect
            x={c.x}
            y={layout.stageY}
            width={cw}
            height={layout.stageHeight}
            fill={theme.header}
            stroke={theme.grid}
          />
          <Label
            x={c.x + PICTURE.pad}
            y={layout.stageY + 24}
            lines={c.name}
            size={PICTURE.stageSize}
            lineHeight={18}
            fill={theme.ink}
            font={font}
            bold
          />
          {c.stage.momentOfTruth ? (
            <PICTURE_ICONS.momentOfTruth
              x={c.x + cw - 26}
              y={layout.stageY + 10}
              width={16}
              height={16}
              color={theme.accent}
            />
          ) : null}
        </g>
      ))}
    </g>
  );
}
