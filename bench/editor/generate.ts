import {
  applyCommands,
  createMapDoc,
  fromYDoc,
  type JourneyMap,
  type LaneType,
  type MapCommand,
  type MapId,
} from "../../src/domain/index.ts";

/** Lane types of the benchmark map: 11 card lanes and the emotion lane (12), then three more (15). */
const LANES: LaneType[] = [
  "actions",
  "touchpoints",
  "thoughts",
  "emotion",
  "pain_points",
  "ideas",
  "channels",
  "kpis",
  "questions",
  "frontstage",
  "backstage",
  "ownership",
  "goals",
  "expectations",
  "triggers",
];

/** The commands that build a map of `stages` × `lanes` (12 or up to 15) with `cards` cards spread over the cells. */
export function benchCommands(stages = 20, cards = 600, lanes = 12): MapCommand[] {
  const cmds: MapCommand[] = [];
  for (let s = 0; s < stages; s++)
    cmds.push({ type: "addStage", id: `s${s}` as never, name: `Stage ${s + 1}` });
  const types = LANES.slice(0, lanes);
  types.forEach((t, i) => {
    cmds.push({ type: "addLane", id: `l${i}` as never, laneType: t });
  });
  const cardLanes = types.map((t, i) => ({ t, i })).filter((l) => l.t !== "emotion");
  for (let n = 0; n < cards; n++) {
    const lane = cardLanes[n % cardLanes.length] as { i: number };
    const stage = Math.floor(n / cardLanes.length) % stages;
    const text =
      n % 7 === 0
        ? `Card ${n}: a longer note that wraps over several lines, as real research notes do, with detail.`
        : `Card ${n}`;
    cmds.push({
      type: "addCard",
      id: `c${n}`,
      laneId: `l${lane.i}`,
      stageId: `s${stage}`,
      text,
    } as MapCommand);
  }
  for (let s = 0; s < stages; s++)
    cmds.push({
      type: "setEmotion",
      stageId: `s${s}` as never,
      value: Math.round(3 * Math.sin(s / 2)),
      reason: "",
    });
  return cmds;
}

/** A generated map of 20 stages × 12 lanes × 600 cards (the editor benchmark's input). */
export function generateBenchMap(stages = 20, cards = 600): JourneyMap {
  const doc = createMapDoc("Benchmark map", "current_state", { id: "bench" as MapId });
  const cmds = benchCommands(stages, cards);
  for (let i = 0; i < cmds.length; i += 400) applyCommands(doc, cmds.slice(i, i + 400));
  return fromYDoc(doc);
}
