import { useState } from "react";
import { LANE_TYPES, type LaneType } from "../../domain/index.ts";
import { useSession } from "./session-context.ts";

const GROUPS: { label: string; types: LaneType[] }[] = [
  {
    label: "Customer",
    types: [
      "actions",
      "thoughts",
      "feels",
      "says",
      "does",
      "questions",
      "goals",
      "expectations",
      "triggers",
      "text",
    ],
  },
  { label: "Experience", types: ["emotion", "touchpoints", "channels", "pain_points", "ideas", "kpis"] },
  { label: "Service blueprint", types: ["frontstage", "backstage", "support", "ownership", "handoff"] },
  { label: "Media", types: ["images", "links"] },
];

/** "Add lane": a menu of every lane type, grouped. */
export function AddLaneMenu() {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const add = (laneType: LaneType) => {
    setOpen(false);
    const id = crypto.randomUUID().replace(/-/g, "") as never;
    session.dispatch([{ type: "addLane", id, laneType, name: LANE_TYPES[laneType].label }]);
  };
  return (
    <div className="menu-anchor">
      <button
        type="button"
        className="btn"
        aria-label="Add lane"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        + Add lane
      </button>
      {open ? (
        <div
          className="menu lane-menu"
          role="menu"
          aria-label="Lane types"
          onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        >
          {GROUPS.map((g) => (
            <div key={g.label} className="menu-group">
              <div className="menu-group-label">{g.label}</div>
              {g.types.map((t) => (
                <button key={t} type="button" role="menuitem" className="menu-item" onClick={() => add(t)}>
                  {LANE_TYPES[t].label}
                </button>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
