import { formatDuration, type PictureOverlay } from "../domain/index.ts";
import { type Font, Label } from "./PictureLabel.tsx";
import { PICTURE_ICONS } from "./picture-icons.tsx";
import { PICTURE, type PictureLayout, wrapText } from "./picture-layout.ts";
import type { PictureTheme } from "./picture-theme.ts";

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Lines of a stage's cell in the data row: reach, conversion, median time to get there. */
export function overlayLines(s: PictureOverlay["stages"][string] | undefined): string[] {
  if (!s) return [];
  return [
    s.reached === null ? "" : `${s.reached} cases reach · ${pct(s.reachShare ?? 0)}`,
    s.conversion === null ? "" : `conversion ${pct(s.conversion)}`,
    s.medianEntryMs === null ? "" : `median ${formatDuration(s.medianEntryMs)} to get here`,
  ].filter(Boolean);
}

/** The data overlay row under the stage headers: the source, and per stage a reach bar and its figures. */
export function PictureDataRow({
  overlay,
  layout,
  theme,
  font,
}: {
  overlay: PictureOverlay;
  layout: PictureLayout;
  theme: PictureTheme;
  font: Font;
}) {
  const y = layout.dataY ?? 0;
  const h = PICTURE.dataHeight;
  const barW = PICTURE.columnWidth - 2 * PICTURE.pad;
  return (
    <g>
      <rect x={0} y={y} width={PICTURE.headerWidth} height={h} fill={theme.header} stroke={theme.grid} />
      <PICTURE_ICONS.data x={PICTURE.pad} y={y + 10} width={16} height={16} color={theme.accent} />
      <Label
        x={PICTURE.pad + 22}
        y={y + 23}
        lines={["Observed in data"]}
        size={13}
        lineHeight={16}
        fill={theme.ink}
        font={font}
        bold
      />
      <Label
        x={PICTURE.pad}
        y={y + 40}
        lines={wrapText(overlay.source, PICTURE.headerWidth - 2 * PICTURE.pad, 10, false, 2)}
        size={10}
        lineHeight={12}
        fill={theme.muted}
        font={font}
      />
      {layout.columns.map((c) => {
        const s = overlay.stages[c.stage.id];
        const lines = overlayLines(s);
        return (
          <g key={c.stage.id}>
            <rect
              x={c.x}
              y={y}
              width={PICTURE.columnWidth}
              height={h}
              fill={theme.background}
              stroke={theme.grid}
            />
            {s && s.reachShare !== null ? (
              <>
                <rect x={c.x + PICTURE.pad} y={y + 8} width={barW} height={6} rx={3} fill={theme.grid} />
                <rect
                  x={c.x + PICTURE.pad}
                  y={y + 8}
                  width={Math.max(1, barW * s.reachShare)}
                  height={6}
                  rx={3}
                  fill={theme.accent}
                />
              </>
            ) : null}
            <Label
              x={c.x + PICTURE.pad}
              y={y + 29}
              lines={lines.length ? lines : ["no data for this stage"]}
              size={11}
              lineHeight={13}
              fill={lines.length ? theme.ink : theme.muted}
              font={font}
            />
          </g>
        );
      })}
    </g>
  );
}
