import { fmtCount, fmtDuration } from "./format.ts";
import { type ProcessView, strokeScale } from "./ProcessMap.tsx";
import {
  METRICS,
  type PlacedEdge,
  type PlacedNode,
  type Point,
  type ProcessLayout,
} from "./process-layout.ts";
import type { View } from "./useZoomPan.ts";

const path = (pts: Point[]) => pts.map((p, i) => `${i ? "L" : "M"}${p.x},${p.y}`).join(" ");

/** The laid-out process map as SVG: routed edges under the boxes, labels on a halo above them. */
export function ProcessMapSvg({
  layout,
  view,
  mode,
}: {
  layout: ProcessLayout;
  view: View;
  mode: ProcessView;
}) {
  const stroke = strokeScale(layout, mode);
  const maxEvents = Math.max(1, ...layout.nodes.filter((n) => n.kind === "activity").map((n) => n.events));
  const activities = layout.nodes.filter((n) => n.kind === "activity").length;
  return (
    <svg
      className={`dfg-svg pm-${mode}`}
      width="100%"
      height="100%"
      role="img"
      aria-label={`Process map: ${activities} activities, ${layout.edges.length} paths`}
    >
      <defs>
        <marker
          id="pm-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="dfg-arrowhead" />
        </marker>
      </defs>
      <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
        {layout.edges.map((e) => (
          <EdgeView key={e.id} edge={e} width={stroke(mode === "frequency" ? e.count : (e.medianMs ?? 0))} />
        ))}
        {layout.nodes.map((n) => (
          <NodeView key={n.id} node={n} heat={n.kind === "activity" ? n.events / maxEvents : 0} />
        ))}
        {layout.edges.map((e) =>
          e.label ? (
            <g key={e.id} className="pm-edge-label">
              <rect x={e.label.x - 1} y={e.label.y} width={e.label.w + 2} height={e.label.h} rx={3} />
              <text x={e.label.x + e.label.w / 2} y={e.label.y + METRICS.smallLine - 3.5} textAnchor="middle">
                {e.label.text}
              </text>
            </g>
          ) : null,
        )}
      </g>
    </svg>
  );
}

function EdgeView({ edge, width }: { edge: PlacedEdge; width: number }) {
  const name = (id: string) => (id.startsWith("\u0000") ? id.slice(1) : id);
  const time = edge.medianMs === null ? "" : `, median ${fmtDuration(edge.medianMs)}`;
  return (
    <g className={`dfg-edge${edge.from === edge.to ? " loop" : ""}`}>
      {edge.sections.map((s, i) => (
        <path
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are ELK's, in order
          key={i}
          d={path(s)}
          strokeWidth={width}
          markerEnd={i === edge.sections.length - 1 ? "url(#pm-arrow)" : undefined}
        >
          <title>{`${name(edge.from)} → ${name(edge.to)}: ${fmtCount(edge.count)} times${time}`}</title>
        </path>
      ))}
    </g>
  );
}

function NodeView({ node, heat }: { node: PlacedNode; heat: number }) {
  const { padY, nameLine, smallLine } = METRICS;
  const cls = node.kind === "activity" ? "dfg-node" : `pm-terminal pm-${node.kind}`;
  const fill =
    node.kind === "activity"
      ? `color-mix(in srgb, var(--accent) ${Math.round(6 + heat * 34)}%, var(--surface))`
      : undefined;
  return (
    <g className={cls} data-activity={node.kind === "activity" ? node.label : undefined}>
      <rect
        x={node.x}
        y={node.y}
        width={node.w}
        height={node.h}
        rx={node.kind === "activity" ? 6 : node.h / 2}
        style={{ fill }}
      />
      <text className="pm-name" x={node.x + node.w / 2} textAnchor="middle">
        {node.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one name, in order
          <tspan key={i} x={node.x + node.w / 2} y={node.y + padY + (i + 1) * nameLine - 4}>
            {l}
          </tspan>
        ))}
      </text>
      <text
        className="pm-small"
        x={node.x + node.w / 2}
        y={node.y + padY + node.lines.length * nameLine + smallLine - 3}
        textAnchor="middle"
      >
        {node.sub}
      </text>
      <title>{`${node.label}: ${node.sub}`}</title>
    </g>
  );
}
