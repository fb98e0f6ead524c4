import { describe, expect, it } from "vitest";
import type { DfgEdge } from "../../domain/journey-data/index.ts";
import { processGraph } from "./process-graph.ts";
import { layoutProcess, type PlacedNode } from "./process-layout.ts";
import { wrapText } from "./text-measure.ts";

// A monospace stand-in for the browser's font metrics: 7 px per character.
const measure = (t: string) => t.length * 7;
const e = (from: string, to: string, count: number): DfgEdge => ({ from, to, count, meanMs: 1, medianMs: 1 });
const long = "T06 Determine necessity of stop advice for the receipt";
const dfg = [
  e("Register", long, 5),
  e(long, "Decide", 5),
  e("Decide", "Register", 2),
  e("Decide", "Decide", 1),
];
const graph = processGraph({
  edges: dfg,
  starts: [{ activity: "Register", count: 5 }],
  ends: [{ activity: "Decide", count: 5 }],
  coverage: null,
  minShare: 0,
});

const overlap = (a: PlacedNode, b: PlacedNode) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const strictlyInside = (p: { x: number; y: number }, n: PlacedNode) =>
  p.x > n.x + 1 && p.x < n.x + n.w - 1 && p.y > n.y + 1 && p.y < n.y + n.h - 1;

describe("process map layout", () => {
  it("wraps names at word breaks without cutting words", () => {
    expect(wrapText(long, 105, measure)).toEqual([
      "T06 Determine",
      "necessity of",
      "stop advice for",
      "the receipt",
    ]);
    expect(wrapText("Supercalifragilistic", 50, measure)).toEqual(["Supercalifragilistic"]);
  });

  it("sizes boxes to their text and routes every edge around the boxes", async () => {
    const layout = await layoutProcess(graph, {
      measure: (t) => measure(t),
      sub: (n) => `${n.events} events`,
      edgeLabel: (x) => String(x.count),
    });
    const longNode = layout.nodes.find((n) => n.label === long) as PlacedNode;
    expect(longNode.lines.join(" ")).toBe(long);
    for (const line of longNode.lines) expect(measure(line)).toBeLessThanOrEqual(longNode.w - 24);
    expect(longNode.lines.length).toBeGreaterThan(1);
    for (let i = 0; i < layout.nodes.length; i++)
      for (let j = i + 1; j < layout.nodes.length; j++)
        expect(overlap(layout.nodes[i] as PlacedNode, layout.nodes[j] as PlacedNode)).toBe(false);
    expect(layout.edges).toHaveLength(graph.edges.length);
    for (const edge of layout.edges) {
      expect(edge.sections.length).toBeGreaterThan(0);
      const points = edge.sections.flat();
      // Orthogonal routing: each segment is horizontal or vertical, and no bend sits inside a box.
      for (const sec of edge.sections)
        for (let k = 1; k < sec.length; k++) {
          const a = sec[k - 1] as { x: number; y: number };
          const b = sec[k] as { x: number; y: number };
          expect(Math.abs(a.x - b.x) < 0.5 || Math.abs(a.y - b.y) < 0.5).toBe(true);
        }
      for (const p of points) for (const n of layout.nodes) expect(strictlyInside(p, n)).toBe(false);
      expect(edge.label).not.toBeNull();
    }
    for (const n of layout.nodes) {
      expect(n.x + n.w).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.h).toBeLessThanOrEqual(layout.height);
    }
  });
});
