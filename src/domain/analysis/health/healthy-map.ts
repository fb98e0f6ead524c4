import type { JourneyMap } from "../../model/journey-map.ts";
import { type BuildOptions, buildMap, card } from "../test-maps.ts";
import type { HealthContext } from "./types.ts";

/** "Today" of the health tests. */
export const TODAY = "2026-03-01";

/** The context of the health tests. */
export const CTX: HealthContext = { today: TODAY };

const STAGES = ["Aware", "Research", "Buy", "Use", "Support"];
const LANES = ["touchpoints", "emotion", "pain_points", "ideas", "kpis", "ownership"];

/** Commands of a map that passes every health rule; tests add or replace commands to break one. */
export function healthyCommands(): unknown[] {
  return [
    { type: "attachPersona", personaId: "p1" },
    {
      type: "setMapProperties",
      patch: {
        goal: { statement: "Fewer people abandon checkout", metric: "checkout completion", target: "+10 %" },
        lastReviewedAt: "2026-02-01",
        counterpartId: "map-future",
      },
    },
    ...STAGES.map((_, i) =>
      card(`t${i + 1}`, "touchpoints", `s${i + 1}`, {
        text: `Touchpoint ${i + 1}`,
        fields: { ownerTeam: i % 2 ? "Support" : "Marketing" },
      }),
    ),
    ...[1, 2, -1, -2, 0].map((value, i) => ({
      type: "setEmotion",
      personaId: "p1",
      stageId: `s${i + 1}`,
      value,
    })),
    card("pain1", "pain_points", "s4", {
      text: "Setup is confusing",
      confidence: "observed",
      fields: { impact: "abandon", reach: 0.4, owner: "Ana (Product)", dueDate: "2026-06-30" },
    }),
    card("kpi1", "kpis", "s3", { fields: { name: "Conversion", value: 3.1, unit: "%" } }),
    {
      type: "addEvidence",
      cardId: "pain1",
      evidence: {
        id: "e1",
        kind: "interview",
        title: "Interviews Jan",
        url: null,
        date: "2026-01-15",
        note: "",
      },
    },
  ];
}

/** A healthy map plus `extra` commands (and build options). */
export function healthyMap(extra: unknown[] = [], opts: BuildOptions = {}): JourneyMap {
  return buildMap([...healthyCommands(), ...extra], { stages: STAGES, lanes: LANES, ...opts });
}
