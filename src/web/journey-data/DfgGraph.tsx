import { scaleLinear } from "d3-scale";
import { useMemo, useState } from "react";
import type { ActivityCount, DfgEdge } from "../../domain/journey-data/index.ts";
import { layoutDfg } from "./dfg-layout.ts";
import { fmtCount, fmtDuration } from "./format.ts";

const NODE_W = 150;
const NODE_H = 40;
const GAP_X = 90;
const GAP_Y = 26;
const PAD = 16;

/**
 * The directly-follows graph drawn as a process map: activities as boxes in layers from the start,
 * arrows between them with thickness by count; a slider hides rare edges.
 */
export function DfgGraph({ edges, starts }: { edges: DfgEdge[]; starts: ActivityCount[] }) {
  const [keep, setKeep] = useState(100);
  const visible = useMemo(() => {
    const n = Math.max(1, Math.ceil((edges.length * keep) / 100));
    return edges.slice(0, n);
  }, [edges, keep]);
  const nodes = useMemo(() => layoutDfg(edges, starts), [edges, starts]);
  const pos = new Map(nodes.map((n) => [n.activity, n]));
  const layers = Math.max(1, ...nodes.map((n) => n.layer + 1));
  const rows = Math.max(1, ...nodes.map((n) => n.row + 1));
  const width = PAD * 2 + layers * NODE_W + (layers - 1) * GAP_X;
  const height = PAD * 2 + rows * NODE_H + (rows - 1) * GAP_Y + 40;
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  const stroke = scaleLinear().domain([1, maxCount]).range([1.2, 7]).clamp(true);
  const nx = (l: number) => PAD + l * (NODE_W + GAP_X);
  const ny = (r: number) => PAD + r * (NODE_H + GAP_Y);
  const startSet = new Set(starts.map((s) => s.activity));
  const bottom = ny(rows) - GAP_Y;
  return (
    <div className="dfg">
      <label className="dfg-filter">
        <span>Edges shown: {keep} %</span>
        <input
          type="range"
          min={5}
          max={100}
          step={5}
          value={keep}
          onChange={(e) => setKeep(Number(e.target.value))}
        />
        <span className="muted">
          {fmtCount(visible.length)} of {fmtCount(edges.length)} (most frequent first)
        </span>
      </label>
      <div className="dfg-scroll">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Directly-follows graph: ${nodes.length} activities, ${visible.length} edges`}
          className="dfg-svg"
        >
          <defs>
            <marker
              id="dfg-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="9"
              markerHeight="9"
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="dfg-arrowhead" />
            </marker>
          </defs>
          {visible.map((e) => {
            const a = pos.get(e.from);
            const b = pos.get(e.to);
            if (!a || !b) return null;
            const d = edgePath(a, b, nx, ny, bottom);
            return (
              <g key={`${e.from}\u0000${e.to}`} className="dfg-edge">
                <path d={d.path} strokeWidth={stroke(e.count)} markerEnd="url(#dfg-arrow)">
                  <title>{`${e.from} → ${e.to}: ${fmtCount(e.count)} times, median ${fmtDuration(e.medianMs)}`}</title>
                </path>
                <text x={d.lx} y={d.ly} textAnchor="middle" className="dfg-edge-label">
                  {fmtCount(e.count)}
                </text>
              </g>
            );
          })}
          {nodes.map((n) => (
            <g key={n.activity} className={`dfg-node${startSet.has(n.activity) ? " start" : ""}`}>
              <rect x={nx(n.layer)} y={ny(n.row)} width={NODE_W} height={NODE_H} rx={6} />
              <text x={nx(n.layer) + NODE_W / 2} y={ny(n.row) + 17} textAnchor="middle" className="dfg-name">
                {n.activity.length > 20 ? `${n.activity.slice(0, 19)}…` : n.activity}
                <title>{n.activity}</title>
              </text>
              <text x={nx(n.layer) + NODE_W / 2} y={ny(n.row) + 32} textAnchor="middle" className="dfg-count">
                {fmtCount(n.events)} events
              </text>
            </g>
          ))}
        </svg>
      </div>
    </div>
  );
}

type Placed = { layer: number; row: number };

function edgePath(
  a: Placed,
  b: Placed,
  nx: (l: number) => number,
  ny: (r: number) => number,
  bottom: number,
) {
  const ay = ny(a.row) + NODE_H / 2;
  const by = ny(b.row) + NODE_H / 2;
  if (a.layer === b.layer && a.row === b.row) {
    // Self-loop above the box.
    const x = nx(a.layer) + NODE_W - 24;
    const y = ny(a.row);
    return {
      path: `M${x},${y} C${x - 10},${y - 26} ${x + 26},${y - 26} ${x + 14},${y}`,
      lx: x + 8,
      ly: y - 20,
    };
  }
  if (b.layer > a.layer) {
    const x1 = nx(a.layer) + NODE_W;
    const x2 = nx(b.layer);
    const mx = (x1 + x2) / 2;
    return { path: `M${x1},${ay} C${mx},${ay} ${mx},${by} ${x2},${by}`, lx: mx, ly: (ay + by) / 2 - 4 };
  }
  if (a.layer === b.layer) {
    // Same layer: a bulge to the right of the column, arriving on the right side of the box.
    const x = nx(a.layer) + NODE_W;
    const bulge = x + 28 + 6 * Math.abs(a.row - b.row);
    const y1 = ay + (b.row > a.row ? 6 : -6);
    const y2 = by + (b.row > a.row ? -6 : 6);
    return {
      path: `M${x},${y1} C${bulge},${y1} ${bulge},${y2} ${x + 2},${y2}`,
      lx: bulge - 4,
      ly: (y1 + y2) / 2,
    };
  }
  // Backward edge: an arc under every box, entering the target from below.
  const x1 = nx(a.layer) + NODE_W / 2 - 12;
  const x2 = nx(b.layer) + NODE_W / 2 + 12;
  const y1 = ny(a.row) + NODE_H;
  const y2 = ny(b.row) + NODE_H;
  const low = bottom + 14 + 4 * (a.layer - b.layer);
  return { path: `M${x1},${y1} C${x1},${low} ${x2},${low} ${x2},${y2 + 2}`, lx: (x1 + x2) / 2, ly: low - 4 };
}
