import type { ReactNode } from "react";
import { type JourneyMap, LANE_TYPES, neutralOf, type Persona, sortOrdered } from "../domain/index.ts";
import { EmotionCurve, type EmotionSeries, type PointArgs } from "./EmotionCurve.tsx";
import { columnX, curveSamples, levelScale } from "./emotion-geometry.ts";
import { CHANNEL_SVG_ICONS, faceIcon, LANE_ICONS, PICTURE_ICONS } from "./picture-icons.tsx";
import { type CardBox, layoutPicture, PICTURE, type PictureLayout, wrapText } from "./picture-layout.ts";
import { PICTURE_THEMES, type PictureTheme } from "./picture-theme.ts";
import { layoutReasons, REASON, type ReasonBox } from "./reason-layout.ts";
import { emotionSeries } from "./series.ts";

/** Props of the map picture. */
export interface MapPictureProps {
  map: JourneyMap;
  personas: Persona[];
  theme?: "light" | "dark";
  /**
   * Font runs of a text; exports to PDF split each text into runs of the bundled font that has
   * its glyphs. The editor and SVG/PNG leave the default (one "Inter" run; the renderer falls back).
   */
  fontFor?: Font;
  /** Precomputed layout (exports reuse it to place PDF bookmarks and tiles). */
  layout?: PictureLayout;
}

/** Splits a text into runs drawn with one font family each. */
export type Font = (text: string) => { text: string; family: string }[];

const inter: Font = (text) => [{ text, family: "Inter" }];

function Runs({ text, font }: { text: string; font: Font }) {
  const runs = font(text);
  if (runs.length === 1) return <>{text}</>;
  return (
    <>
      {runs.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
        <tspan key={i} fontFamily={r.family}>
          {r.text}
        </tspan>
      ))}
    </>
  );
}

function Label(props: {
  x: number;
  y: number;
  lines: string[];
  size: number;
  lineHeight: number;
  fill: string;
  font: Font;
  bold?: boolean;
  anchor?: "middle" | "start";
}) {
  return (
    <>
      {props.lines.map((l, i) =>
        l ? (
          <text
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one wrapped text, in order
            key={i}
            x={props.x}
            y={props.y + i * props.lineHeight}
            fontSize={props.size}
            fill={props.fill}
            fontFamily={props.font(l)[0]?.family}
            fontWeight={props.bold ? "bold" : undefined}
            textAnchor={props.anchor}
          >
            <Runs text={l} font={props.font} />
          </text>
        ) : null,
      )}
    </>
  );
}

function PictureCard({ box, theme, font }: { box: CardBox; theme: PictureTheme; font: Font }) {
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

/** Where the reasons of an emotion lane go (no two overlap, none crosses the neutral line). */
export function emotionReasons(
  map: JourneyMap,
  series: readonly EmotionSeries[],
  height: number,
): ReturnType<typeof layoutReasons> {
  const layout = { columnWidth: PICTURE.columnWidth, height, pad: PICTURE.emotionPad };
  const { y } = levelScale(map.emotionScale, layout);
  const points = series.flatMap((s, si) =>
    s.points.flatMap((p, i) =>
      p ? [{ key: `${si}-${i}`, x: columnX(i, layout), y: y(p.value), reason: p.reason }] : [],
    ),
  );
  // The same points the curves are drawn through (runs without a point are skipped, as drawn).
  const curves = series.flatMap((s) =>
    curveSamples(
      s.points.flatMap((p, i) => (p ? [[columnX(i, layout), y(p.value)] as [number, number]] : [])),
    ),
  );
  return layoutReasons(
    points,
    {
      width: map.stages.length * PICTURE.columnWidth,
      height,
      neutralY: y(neutralOf(map.emotionScale)),
      maxWidth: PICTURE.columnWidth - 24,
    },
    curves,
  );
}

function pointRenderer(
  map: JourneyMap,
  theme: PictureTheme,
  font: Font,
  reasons: ReadonlyMap<string, ReasonBox>,
) {
  const range = map.emotionScale.max - map.emotionScale.min;
  return ({ x, y, value, series, seriesIndex, stageIndex }: PointArgs): ReactNode => {
    if (value === null) return null;
    const Face = faceIcon((value - map.emotionScale.min) / range);
    const box = reasons.get(`${seriesIndex}-${stageIndex}`);
    return (
      <>
        <circle cx={x} cy={y} r={5} fill={series.color} />
        <Face x={x - 9} y={y - 29} width={18} height={18} color={series.color} />
        {box ? (
          <Label
            x={box.x + box.w / 2}
            y={box.baseline}
            lines={box.lines}
            size={REASON.size}
            lineHeight={REASON.lineHeight}
            fill={theme.muted}
            font={font}
            anchor="middle"
          />
        ) : null}
      </>
    );
  };
}

function EmotionRow({
  map,
  personas,
  personaId,
  height,
  theme,
  font,
}: {
  map: JourneyMap;
  personas: Persona[];
  personaId: string | null;
  height: number;
  theme: PictureTheme;
  font: Font;
}) {
  const series = emotionSeries(map, personas, personaId);
  const reasons = new Map(emotionReasons(map, series, height).boxes.map((b) => [b.key, b]));
  return (
    <EmotionCurve
      scale={map.emotionScale}
      series={series}
      stageCount={map.stages.length}
      layout={{ columnWidth: PICTURE.columnWidth, height, pad: PICTURE.emotionPad }}
      renderPoint={pointRenderer(map, theme, font, reasons)}
    />
  );
}

function TitleBlock({
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

function Headers({
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

/**
 * The whole map as one static SVG (pure: `renderToStaticMarkup` on the server, or inline in the
 * editor's view mode): title, phases, stage headers, a row per lane with its cards, and the
 * emotion lane drawn by the same `EmotionCurve` the editor uses. Icons are lucide SVG paths.
 */
export function MapPicture(props: MapPictureProps) {
  const { map, personas } = props;
  const theme = PICTURE_THEMES[props.theme ?? "light"];
  const font: Font = props.fontFor ?? inter;
  const layout = props.layout ?? layoutPicture(map);
  const css = `.emotion-guide{stroke:${theme.grid};stroke-width:1}.emotion-neutral{stroke:${theme.muted};stroke-width:1;stroke-dasharray:4 4}`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      fontFamily="Inter"
      role="img"
      aria-label={`Journey map: ${map.title}`}
    >
      <style>{css}</style>
      <rect x={0} y={0} width={layout.width} height={layout.height} fill={theme.background} />
      <TitleBlock map={map} personas={personas} theme={theme} font={font} />
      <Headers map={map} layout={layout} theme={theme} font={font} />
      {layout.rows.map((row) => {
        const Icon = LANE_ICONS[row.lane.type];
        const name = row.lane.name || LANE_TYPES[row.lane.type].label;
        return (
          <g key={row.lane.id}>
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
            {row.lane.type === "emotion" ? (
              <g transform={`translate(${PICTURE.headerWidth} ${row.y})`}>
                <EmotionRow
                  map={map}
                  personas={personas}
                  personaId={row.lane.personaId}
                  height={row.h}
                  theme={theme}
                  font={font}
                />
              </g>
            ) : (
              row.cards.map((b) => <PictureCard key={b.card.id} box={b} theme={theme} font={font} />)
            )}
          </g>
        );
      })}
    </svg>
  );
}
