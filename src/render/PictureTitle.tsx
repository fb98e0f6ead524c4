import type { JourneyMap, Persona } from "../domain/index.ts";
import { type Font, Label } from "./PictureLabel.tsx";
import { PICTURE_ICONS } from "./picture-icons.tsx";
import { PICTURE } from "./picture-layout.ts";
import type { PictureTheme } from "./picture-theme.ts";

/** The title block: the map's title, its goal and the personas it is for. */
export function PictureTitle({
  map,
  personas,
  theme,
  font,
}: {
  map: JourneyMap;
  personas: Persona[];
  theme: PictureTheme;
  font: Font;
}) {
  const people = personas.filter((p) => map.personaIds.includes(p.id));
  const sub = [map.goal.statement && `Goal: ${map.goal.statement}`].filter(Boolean).join("");
  return (
    <g>
      <Label
        x={PICTURE.pad * 2}
        y={34}
        lines={[map.title]}
        size={22}
        lineHeight={24}
        fill={theme.ink}
        font={font}
        bold
      />
      <Label
        x={PICTURE.pad * 2}
        y={56}
        lines={sub ? [sub] : []}
        size={12}
        lineHeight={14}
        fill={theme.muted}
        font={font}
      />
      {people.map((p, i) => (
        <g key={p.id}>
          <PICTURE_ICONS.persona
            x={PICTURE.pad * 2 + i * 200}
            y={64}
            width={14}
            height={14}
            color={p.avatar.color}
          />
          <Label
            x={PICTURE.pad * 2 + 18 + i * 200}
            y={75}
            lines={[p.name]}
            size={12}
            lineHeight={14}
            fill={theme.ink}
            font={font}
          />
        </g>
      ))}
    </g>
  );
}
