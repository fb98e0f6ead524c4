// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { useSortable } from "@dnd-kit/sortable";
import { memo, type ReactNode } from "react";
import { LANE_TYPES, type Lane, type MapCommand } from "../../domain/index.ts";
import { CommentBadge } from "../comments/CommentBadge.tsx";
import { Menu } from "../ui/Menu.tsx";
import { InlineName } from "./InlineName.tsx";
import { useSession } from "./session-context.ts";

/** A lane's row header: name (inline rename), type, collapse, drag/keyboard reorder, menu. */
export const LaneHeader = memo(function LaneHeader({
  lane,
  index,
  count,
  extra,
}: {
  lane: Lane;
  index: number;
  count: number;
  extra?: ReactNode;
}) {
  const session = useSession();
  const sortable = useSortable({ id: `lane|${lane.id}` });
  const run = (c: MapCommand) => session.dispatch([c]);
  const move = (to: number) => to >= 0 && to < count && run({ type: "moveLane", id: lane.id, toIndex: to });
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!e.altKey || !e.shiftKey || e.target !== e.currentTarget) return;
    if (e.key === "ArrowUp") move(index - 1);
    else if (e.key === "ArrowDown") move(index + 1);
    else return;
    e.preventDefault();
  };
  const style = {
    transform: sortable.transform ? `translate3d(0, ${sortable.transform.y}px, 0)` : undefined,
    transition: sortable.transition,
  };
  return (
    <div
      ref={sortable.setNodeRef}
      role="rowheader"
      aria-label={lane.name}
      tabIndex={0}
      className={`lane-header lane-${lane.type}${sortable.isDragging ? " dragging" : ""}`}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div className="header-line">
        <button
          type="button"
          className="drag-handle"
          aria-label={`Reorder lane ${lane.name}`}
          {...sortable.attributes}
          {...sortable.listeners}
        >
          ⠿
        </button>
        <button
          type="button"
          className="btn icon collapse"
          aria-label={lane.collapsed ? `Expand ${lane.name}` : `Collapse ${lane.name}`}
          aria-expanded={!lane.collapsed}
          onClick={() => run({ type: "setLaneCollapsed", id: lane.id, collapsed: !lane.collapsed })}
        >
          {lane.collapsed ? "▸" : "▾"}
        </button>
        <InlineName
          kind="lane"
          id={lane.id}
          name={lane.name}
          label="Lane name"
          onRename={(name) => run({ type: "renameLane", id: lane.id, name })}
        />
        <CommentBadge anchor={{ kind: "lane", laneId: lane.id }} />
        <Menu
          label={`Lane options for ${lane.name}`}
          items={[
            {
              label: "Rename",
              onSelect: () => session.store.setState({ editing: { kind: "lane", id: lane.id } }),
            },
            { label: "Move up", disabled: index === 0, onSelect: () => move(index - 1) },
            { label: "Move down", disabled: index === count - 1, onSelect: () => move(index + 1) },
            {
              label: lane.collapsed ? "Expand" : "Collapse",
              onSelect: () => run({ type: "setLaneCollapsed", id: lane.id, collapsed: !lane.collapsed }),
            },
            { label: "Delete lane", danger: true, onSelect: () => run({ type: "deleteLane", id: lane.id }) },
          ]}
        />
      </div>
      <div className="lane-type muted">{LANE_TYPES[lane.type].label}</div>
      {extra}
    </div>
  );
});
