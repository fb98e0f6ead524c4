/** Splits a text into runs drawn with one font family each. */
export type Font = (text: string) => { text: string; family: string }[];

/** One run of Inter for the whole text (the editor, SVG and PNG: the renderer falls back per glyph). */
export const interRun: Font = (text) => [{ text, family: "Inter" }];

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

/** Lines of text, one `<text>` each (empty lines take their room but draw nothing). */
export function Label(props: {
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
