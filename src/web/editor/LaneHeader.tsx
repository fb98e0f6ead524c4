// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { useSortable } from "@dnd-kit/sortable";
import { ChevronDown, ChevronRight, GripVertical, MoreHorizontal } from "lucide-react";
import { memo, type ReactNode } from "react";
import { LANE_TYPES, type Lane, type MapCommand } from "../../domain/index.ts";
import { LANE_ICONS } from "../../render/picture-icons.tsx";
import { CommentBadge } from "../comments/CommentBadge.tsx";
import { Menu } from "../ui/Menu.tsx";
import { InlineName } from "./InlineName.tsx";
import { LANE_TONE } from "./lane-style.ts";
import { useSession } from "./session-context.ts";

/**
 * A lane's row header: the type's icon on its tone colour, the name (inline rename), and editing
 * chrome (drag handle, collapse, menu) that shows on hover or focus. The type is in the icon's
 * title and the header's description, not repeated as text.
 */
export const LaneHeader = memo(function LaneHeader({
  lane,
  index,
  count,
  renaming,
  extra,
}: {
  lane: Lane;
  index: number;
  count: number;
  /** Its name's input is open (read once per row by LaneRow or EmotionRow). */
  renaming: boolean;
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
  const Icon = LANE_ICONS[lane.type];
  const typeLabel = LANE_TYPES[lane.type].label;
  const style = {
    transform: sortable.transform ? `translate3d(0, ${sortable.transform.y}px, 0)` : undefined,
    transition: sortable.transition,
  };
  return (
    <div
      ref={sortable.setNodeRef}
      role="rowheader"
      aria-label={lane.name}
      aria-description={lane.name === typeLabel ? undefined : typeLabel}
      tabIndex={-1}
      data-nav={`${index + 1}:0`}
      className={`lane-header tone-${LANE_TONE[lane.type]} lane-${lane.type}${sortable.isDragging ? " dragging" : ""}`}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div className="header-line">
        <span className="lane-icon" title={typeLabel} aria-hidden="true">
          <Icon size={15} strokeWidth={2} />
        </span>
        <InlineName
          kind="lane"
          id={lane.id}
          name={lane.name}
          label="Lane name"
          editing={renaming}
          onRename={(name) => run({ type: "renameLane", id: lane.id, name })}
        />
        <CommentBadge anchor={{ kind: "lane", laneId: lane.id }} />
        <span className="chrome chrome-group">
          <button
            type="button"
            className="drag-handle"
            aria-label={`Reorder lane ${lane.name}`}
            {...sortable.attributes}
            {...sortable.listeners}
            tabIndex={-1}
          >
            <GripVertical size={14} aria-hidden="true" />
          </button>

          <button
            type="button"
            className="btn icon collapse"
            tabIndex={-1}
            aria-label={lane.collapsed ? `Expand ${lane.name}` : `Collapse ${lane.name}`}
            aria-expanded={!lane.collapsed}
            onClick={() => run({ type: "setLaneCollapsed", id: lane.id, collapsed: !lane.collapsed })}
          >
            {lane.collapsed ? (
              <ChevronRight size={14} aria-hidden="true" />
            ) : (
              <ChevronDown size={14} aria-hidden="true" />
            )}
          </button>
          <Menu
            tabIndex={-1}
            icon={<MoreHorizontal size={16} aria-hidden="true" />}
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
              {
                label: "Delete lane",
                danger: true,
                onSelect: () => run({ type: "deleteLane", id: lane.id }),
              },
            ]}
          />
        </span>
      </div>
      {extra}
    </div>
  );
});
