import { type JourneyMap, LANE_TYPES, type Persona, type PictureOverlay } from "../domain/index.ts";
import { PictureCard } from "./PictureCard.tsx";
import { PictureEmotionRow } from "./PictureEmotionRow.tsx";
import { type Font, Label } from "./PictureLabel.tsx";
import { LANE_ICONS } from "./picture-icons.tsx";
import { PICTURE, type PictureLayout, type RowBox, wrapText } from "./picture-layout.ts";
import type { PictureTheme } from "./picture-theme.ts";

/** A lane's row: its header (icon, name), the grid of its cells, and its cards or emotion curve. */
export function PictureLaneRow({
  row,
  map,
  personas,
  layout,
  theme,
  font,
  overlay,
}: {
  row: RowBox;
  map: JourneyMap;
  personas: Persona[];
  layout: PictureLayout;
  theme: PictureTheme;
  font: Font;
  overlay: PictureOverlay | undefined;
}) {
  const Icon = LANE_ICONS[row.lane.type];
  const name = row.lane.name || LANE_TYPES[row.lane.type].label;
  return (
    <g>
      <rect
        x={0}
        y={row.y}
        width={PICTURE.headerWidth}
        height={row.h}
        fill={theme.header}
        stroke={theme.grid}
      />
      <Icon x={PICTURE.pad} y={row.y + 10} width={16} height={16} color={theme.accent} />
      <Label
        x={PICTURE.pad + 22}
        y={row.y + 23}
        lines={wrapText(name, PICTURE.headerWidth - 40, 13, true, 3)}
        size={13}
        lineHeight={16}
        fill={theme.ink}
        font={font}
        bold
      />
      {layout.columns.map((c) => (
        <rect
          key={c.stage.id}
          x={c.x}
          y={row.y}
          width={PICTURE.columnWidth}
          height={row.h}
          fill="none"
          stroke={theme.grid}
        />
      ))}
      {row.lane.type === "emotion" && overlay && Object.values(overlay.stages).some((x) => x.emotion) ? (
        <Label
          x={PICTURE.pad}
          y={row.y + row.h - 26}
          lines={["Dotted: measured by surveys,", "shaded: its 95 % band"]}
          size={10}
          lineHeight={12}
          fill={theme.muted}
          font={font}
        />
      ) : null}
      {row.lane.type === "emotion" ? (
        <g transform={`translate(${PICTURE.headerWidth} ${row.y})`}>
          <PictureEmotionRow
            map={map}
            personas={personas}
            personaId={row.lane.personaId}
            height={row.h}
            theme={theme}
            font={font}
            overlay={overlay}
          />
        </g>
      ) : (
        row.cards.map((b) => <PictureCard key={b.card.id} box={b} theme={theme} font={font} />)
      )}
    </g>
  );
}
