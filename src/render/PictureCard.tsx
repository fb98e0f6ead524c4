import { type Font, Label } from "./PictureLabel.tsx";
import { CHANNEL_SVG_ICONS } from "./picture-icons.tsx";
import type { CardBox } from "./picture-layout.ts";
import { PICTURE } from "./picture-layout.ts";
import type { PictureTheme } from "./picture-theme.ts";

/** A card of the picture: its box, channel icon, wrapped text and typed-field lines. */
export function PictureCard({ box, theme, font }: { box: CardBox; theme: PictureTheme; font: Font }) {
  const f = box.card.fields;
  const channel = f.kind === "touchpoint" || f.kind === "channel" ? f.channel : null;
  const Icon = channel ? CHANNEL_SVG_ICONS[channel] : null;
  const tx = box.x + PICTURE.cardPad + (f.kind === "touchpoint" || f.kind === "channel" ? 18 : 0);
  const textTop = box.y + PICTURE.cardPad + PICTURE.fontSize;
  const metaTop = textTop + box.lines.length * PICTURE.lineHeight + 2;
  return (
    <g>
      <rect
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={6}
        fill={box.card.color ?? theme.card[f.kind]}
        stroke={theme.cardEdge}
      />
      {Icon ? <Icon x={box.x + 6} y={box.y + 7} width={14} height={14} color={theme.cardInk} /> : null}
      <Label
        x={tx}
        y={textTop}
        lines={box.lines}
        size={PICTURE.fontSize}
        lineHeight={PICTURE.lineHeight}
        fill={theme.cardInk}
        font={font}
      />
      <Label
        x={tx}
        y={metaTop}
        lines={box.meta}
        size={PICTURE.metaSize}
        lineHeight={PICTURE.metaLineHeight}
        fill={theme.muted}
        font={font}
      />
    </g>
  );
}
