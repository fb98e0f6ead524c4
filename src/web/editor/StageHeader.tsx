// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { useSortable } from "@dnd-kit/sortable";
import { GripVertical, MoreHorizontal, Star, X } from "lucide-react";
import { memo, useState } from "react";
import type { MapCommand, Phase, Stage } from "../../domain/index.ts";
import { CommentBadge } from "../comments/CommentBadge.tsx";
import { useHierarchy } from "../hierarchy/hierarchy-store.ts";
import { StageSubJourneys } from "../hierarchy/StageSubJourneys.tsx";
import { CommitInput } from "../ui/CommitInput.tsx";
import { Menu, type MenuItem } from "../ui/Menu.tsx";
import { InlineName } from "./InlineName.tsx";
import { SlaChip, SlaDialog } from "./StageSla.tsx";
import { useSession } from "./session-context.ts";

const newId = () => crypto.randomUUID().replace(/-/g, "");

/** A stage column header: inline rename, drag/keyboard reorder, steps, phase, moment of truth. */
export const StageHeader = memo(function StageHeader({
  stage,
  index,
  count,
  phases,
  renaming,
}: {
  stage: Stage;
  index: number;
  count: number;
  /** The map's phases (the menu's "Move to phase"), from the header row's one subscription. */
  phases: Phase[];
  /** Its name's input is open. */
  renaming: boolean;
}) {
  const session = useSession();
  const sortable = useSortable({ id: `stage|${stage.id}` });
  const run = (...cmds: MapCommand[]) => session.dispatch(cmds);
  const [slaOpen, setSlaOpen] = useState(false);
  const move = (to: number) => to >= 0 && to < count && run({ type: "moveStage", id: stage.id, toIndex: to });
  const items: MenuItem[] = [
    { label: "Rename", onSelect: () => session.store.setState({ editing: { kind: "stage", id: stage.id } }) },
    { label: "Move left", disabled: index === 0, onSelect: () => move(index - 1) },
    { label: "Move right", disabled: index === count - 1, onSelect: () => move(index + 1) },
    {
      label: "Add step",
      onSelect: () =>
        run({
          type: "addStep",
          stageId: stage.id,
          id: newId() as never,
          name: `Step ${stage.steps.length + 1}`,
        }),
    },
    {
      label: stage.momentOfTruth ? "Unmark moment of truth" : "Mark as moment of truth",
      onSelect: () => run({ type: "updateStage", id: stage.id, momentOfTruth: !stage.momentOfTruth }),
    },
    { label: stage.sla ? "Edit SLA…" : "Set SLA…", onSelect: () => setSlaOpen(true) },
    ...(stage.sla
      ? [{ label: "Clear SLA", onSelect: () => run({ type: "updateStage", id: stage.id, sla: null }) }]
      : []),
    {
      label: "Start a new phase here",
      onSelect: () => {
        const id = newId() as never;
        if (
          run({ type: "addPhase", id, name: "New phase" }, { type: "updateStage", id: stage.id, phaseId: id })
        )
          session.store.setState({ editing: { kind: "phase", id } });
      },
    },
    ...phases
      .filter((p) => p.id !== stage.phaseId)
      .map((p) => ({
        label: `Put in phase “${p.name}”`,
        onSelect: () => run({ type: "updateStage", id: stage.id, phaseId: p.id }),
      })),
    ...(stage.phaseId
      ? [
          {
            label: "Remove from phase",
            onSelect: () => run({ type: "updateStage", id: stage.id, phaseId: null }),
          },
        ]
      : []),
    { label: "Link sub-journey…", onSelect: () => useHierarchy.getState().openLink(stage.id) },
    { label: "Delete stage", danger: true, onSelect: () => run({ type: "deleteStage", id: stage.id }) },
  ];
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!e.altKey || !e.shiftKey || e.target !== e.currentTarget) return;
    if (e.key === "ArrowLeft") move(index - 1);
    else if (e.key === "ArrowRight") move(index + 1);
    else return;
    e.preventDefault();
  };
  const style = {
    transform: sortable.transform ? `translate3d(${sortable.transform.x}px, 0, 0)` : undefined,
    transition: sortable.transition,
  };
  return (
    <div
      ref={sortable.setNodeRef}
      role="columnheader"
      aria-label={stage.name}
      aria-colindex={index + 2}
      tabIndex={-1}
      data-nav={`0:${index + 1}`}
      className={`stage-header${stage.momentOfTruth ? " mot" : ""}${sortable.isDragging ? " dragging" : ""}`}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div className="header-line">
        <button
          type="button"
          className="drag-handle chrome"
          aria-label={`Reorder stage ${stage.name}`}
          {...sortable.attributes}
          {...sortable.listeners}
          tabIndex={-1}
        >
          <GripVertical size={14} aria-hidden="true" />
        </button>
        <span className="stage-number" aria-hidden="true">
          {index + 1}
        </span>
        <InlineName
          kind="stage"
          id={stage.id}
          name={stage.name}
          label="Stage name"
          editing={renaming}
          onRename={(name) => run({ type: "renameStage", id: stage.id, name })}
        />
        {stage.momentOfTruth ? (
          <span className="mot-badge" title="Moment of truth">
            <Star size={12} fill="currentColor" aria-hidden="true" />
            <span className="mot-text">Moment of truth</span>
          </span>
        ) : null}
        <CommentBadge anchor={{ kind: "stage", stageId: stage.id }} />
        <Menu
          className="chrome"
          tabIndex={-1}
          icon={<MoreHorizontal size={16} aria-hidden="true" />}
          label={`Stage options for ${stage.name}`}
          items={items}
        />
      </div>
      {stage.sla ? <SlaChip stage={stage} sla={stage.sla} onOpen={() => setSlaOpen(true)} /> : null}
      {slaOpen ? <SlaDialog stage={stage} onClose={() => setSlaOpen(false)} /> : null}
      <StageSubJourneys stage={stage} />
      {stage.steps.length ? (
        <div className="steps">
          {stage.steps.map((st) => (
            <span key={st.id} className="step-chip">
              <CommitInput
                tabIndex={-1}
                aria-label={`Step name ${st.name}`}
                value={st.name}
                onCommit={(name) =>
                  name.trim() && run({ type: "renameStep", stageId: stage.id, id: st.id, name: name.trim() })
                }
              />
              <button
                type="button"
                className="btn icon chrome"
                tabIndex={-1}
                aria-label={`Delete step ${st.name}`}
                onClick={() => run({ type: "deleteStep", stageId: stage.id, id: st.id })}
              >
                <X size={12} aria-hidden="true" />
              </button>
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
});
