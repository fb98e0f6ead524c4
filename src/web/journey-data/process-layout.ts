import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import type { ProcessEdge, ProcessGraph, ProcessNode } from "./process-graph.ts";
import { wrapText } from "./text-measure.ts";

/** Width in px of a text in one of the map's two fonts. */
export type Measure = (text: string, font: "name" | "small") => number;

/** Box metrics of the drawn map (px); the CSS fonts of `.pm-name` / `.pm-small` must match. */
export const METRICS = { padX: 12, padY: 8, nameLine: 17, smallLine: 15, maxNameWidth: 200, minWidth: 72 };

/** A node with its box and its name broken into lines that fit the box. */
export interface PlacedNode extends ProcessNode {
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  /** Second line: events or cases. */
  sub: string;
}

/** A point of a routed edge. */
export interface Point {
  x: number;
  y: number;
}

/** An edge as routed by ELK: its polyline sections and its label box. */
export interface PlacedEdge extends ProcessEdge {
  sections: Point[][];
  label: { x: number; y: number; w: number; h: number; text: string } | null;
}

/** The laid-out map. */
export interface ProcessLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.edgeRouting": "ORTHOGONAL",
  // Cycles broken in breadth-first order from the start node, so the main flow runs left to right.
  "elk.layered.cycleBreaking.strategy": "BFS_NODE_ORDER",
  // Thoroughness 1 and no greedy switch: ~5× faster on 27 activities / 100 edges (receipt log)
  // with hardly more crossings; network-simplex placement was 5× slower again.
  "elk.layered.thoroughness": "1",
  "elk.layered.crossingMinimization.greedySwitch.type": "OFF",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.layered.spacing.edgeNodeBetweenLayers": "16",
  "elk.layered.spacing.edgeEdgeBetweenLayers": "10",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.edgeNode": "16",
  "elk.spacing.edgeEdge": "10",
  "elk.spacing.edgeLabel": "4",
  "elk.layered.mergeEdges": "false",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
};

/** An ELK constructor as elkjs's CommonJS modules export it (the module itself, or its `default`). */
export type ElkCtor = new (args?: ELKConstructorArguments) => ELK;
/** The constructor of an imported elkjs module, whichever way the bundler exposes it. */
export const elkConstructor = (mod: unknown): ElkCtor =>
  ((mod as { default?: ElkCtor }).default ?? mod) as ElkCtor;

let inProcess: Promise<ELK> | null = null;
/** ELK running in this thread (Node, tests); loaded on first use so browsers that pass a worker skip it. */
const bundledElk = () => {
  inProcess ??= import("elkjs/lib/elk.bundled.js").then((m) => new (elkConstructor(m))());
  return inProcess;
};

/** Sizes the boxes to their text, then lets ELK's layered algorithm place nodes and route edges. */
export async function layoutProcess(
  graph: ProcessGraph,
  opts: {
    measure: Measure;
    sub: (n: ProcessNode) => string;
    edgeLabel: (e: ProcessEdge) => string;
    /** The ELK to use (a Web Worker one in the browser); ELK in this thread when omitted. */
    elk?: ELK;
  },
): Promise<ProcessLayout> {
  const { padX, padY, nameLine, smallLine, maxNameWidth, minWidth } = METRICS;
  const sized = graph.nodes.map((n) => {
    const lines = wrapText(n.label, maxNameWidth, (t) => opts.measure(t, "name"));
    const sub = opts.sub(n);
    const textW = Math.max(...lines.map((l) => opts.measure(l, "name")), opts.measure(sub, "small"));
    return {
      n,
      lines,
      sub,
      w: Math.ceil(Math.max(minWidth, textW + 2 * padX)),
      h: lines.length * nameLine + smallLine + 2 * padY,
    };
  });
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const labels = graph.edges.map((e) => opts.edgeLabel(e));
  const root: ElkNode = {
    id: "root",
    layoutOptions: LAYOUT_OPTIONS,
    children: sized.map((s) => ({ id: ids.get(s.n.id) as string, width: s.w, height: s.h })),
    edges: graph.edges.map(
      (e, i): ElkExtendedEdge => ({
        id: `e${i}`,
        sources: [ids.get(e.from) as string],
        targets: [ids.get(e.to) as string],
        labels: labels[i]
          ? [
              {
                text: labels[i],
                width: Math.ceil(opts.measure(labels[i] as string, "small")) + 6,
                height: smallLine,
                layoutOptions: { "elk.edgeLabels.placement": "CENTER" },
              },
            ]
          : [],
      }),
    ),
  };
  const elk = opts.elk ?? (await bundledElk());
  const out = await elk.layout(root);
  const byId = new Map((out.children ?? []).map((c) => [c.id, c]));
  const edgeById = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const nodes = sized.map((s): PlacedNode => {
    const c = byId.get(ids.get(s.n.id) as string);
    return { ...s.n, x: c?.x ?? 0, y: c?.y ?? 0, w: s.w, h: s.h, lines: s.lines, sub: s.sub };
  });
  const edges = graph.edges.map((e, i): PlacedEdge => {
    const r = edgeById.get(`e${i}`);
    const l = r?.labels?.[0];
    return {
      ...e,
      sections: (r?.sections ?? []).map((sec) => [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint]),
      label:
        l && l.x !== undefined && l.y !== undefined
          ? { x: l.x, y: l.y, w: l.width ?? 0, h: l.height ?? 0, text: labels[i] as string }
          : null,
    };
  });
  return { nodes, edges, width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0) };
}
