import { type JourneyMap, type Persona, type PictureOverlay, sortOrdered } from "../domain/index.ts";
import { PictureDataRow } from "./PictureDataRow.tsx";
import { PictureHeaders } from "./PictureHeaders.tsx";
import { type Font, interRun } from "./PictureLabel.tsx";
import { PictureLaneRow } from "./PictureLaneRow.tsx";
import { PictureTitle } from "./PictureTitle.tsx";
import { layoutPicture, type PictureLayout } from "./picture-layout.ts";
import { PICTURE_THEMES } from "./picture-theme.ts";

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
  /** Data overlay: a row of observed figures per stage and the survey emotion band (exports). */
  overlay?: PictureOverlay;
}

/**
 * The whole map as one static SVG (pure: `renderToStaticMarkup` on the server, or inline in the
 * editor's view mode): title, phases, stage headers, a row per lane with its cards, and the
 * emotion lane drawn by the same `EmotionCurve` the editor uses. Icons are lucide SVG paths.
 */
export function MapPicture(props: MapPictureProps) {
  const { personas } = props;
  // Every part reads stages in their `order` (the layout's columns do): a stage list stored out of
  // order (a hand-written file) would otherwise put the emotion curve under the wrong headers.
  const map = { ...props.map, stages: sortOrdered(props.map.stages) };
  const theme = PICTURE_THEMES[props.theme ?? "light"];
  const font: Font = props.fontFor ?? interRun;
  const layout = props.layout ?? layoutPicture(map, { dataRow: !!props.overlay });
  const css = `.emotion-guide{stroke:${theme.grid};stroke-width:1}.emotion-neutral{stroke:${theme.muted};stroke-width:1;stroke-dasharray:4 4}.data-emotion-band{fill:${theme.accent};fill-opacity:0.16}.data-emotion-line{stroke:${theme.accent};stroke-width:2;stroke-dasharray:2 3}.data-emotion-point{fill:${theme.background};stroke:${theme.accent};stroke-width:2}`;
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
      <PictureTitle map={map} personas={personas} theme={theme} font={font} />
      <PictureHeaders map={map} layout={layout} theme={theme} font={font} />
      {props.overlay && layout.dataY !== null ? (
        <PictureDataRow overlay={props.overlay} layout={layout} theme={theme} font={font} />
      ) : null}
      {layout.rows.map((row) => (
        <PictureLaneRow
          key={row.lane.id}
          row={row}
          map={map}
          personas={personas}
          layout={layout}
          theme={theme}
          font={font}
          overlay={props.overlay}
        />
      ))}
    </svg>
  );
}
