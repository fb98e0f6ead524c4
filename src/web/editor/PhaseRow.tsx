// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { X } from "lucide-react";
import { useEffect, useRef } from "react";
import { CommitInput } from "../ui/CommitInput.tsx";
import { useEditor, useSession } from "./session-context.ts";

/** Band colours of phases without a colour of their own, in phase order. */
const PHASE_PALETTE = ["#3b6fd8", "#d9822b", "#2f9e6f", "#8e4ec6", "#c2417a", "#1f8fb0"];

/** Focuses and selects the name field of a phase that was just created ("Start a new phase here"). */
function usePhaseNameFocus(root: React.RefObject<HTMLDivElement | null>) {
  const session = useSession();
  const editing = useEditor((s) => (s.editing?.kind === "phase" ? s.editing.id : null));
  useEffect(() => {
    if (!editing) return;
    const input = root.current?.querySelector<HTMLInputElement>(`[data-phase="${editing}"] input`);
    if (!input) return;
    input.focus();
    input.select();
    session.store.setState({ editing: null });
  }, [editing, root, session]);
}

/** Phase bands above the stages: each run of consecutive stages of one phase is one band. */
export function PhaseRow() {
  const session = useSession();
  const stages = useEditor((s) => s.map.stages);
  const phases = useEditor((s) => s.map.phases);
  const root = useRef<HTMLDivElement>(null);
  usePhaseNameFocus(root);
  const bands: { phaseId: string | null; start: number; span: number }[] = [];
  stages.forEach((s, i) => {
    const last = bands[bands.length - 1];
    if (last && last.phaseId === s.phaseId) last.span++;
    else bands.push({ phaseId: s.phaseId, start: i, span: 1 });
  });
  return (
    <div role="row" className="row phase-row" ref={root}>
      <div role="gridcell" className="corner phase-corner" aria-label="Phases">
        <span className="muted">Phases</span>
      </div>
      {bands.map((b) => {
        const phase = phases.find((p) => p.id === b.phaseId);
        const style = { gridColumn: `${b.start + 2} / span ${b.span}` } as React.CSSProperties;
        if (!phase)
          return <div key={`gap-${b.start}`} role="gridcell" className="phase-band empty" style={style} />;
        return (
          <div
            key={`${phase.id}-${b.start}`}
            role="gridcell"
            className="phase-band"
            data-phase={phase.id}
            style={
              {
                ...style,
                "--phase": phase.color ?? PHASE_PALETTE[phases.indexOf(phase) % PHASE_PALETTE.length],
              } as React.CSSProperties
            }
          >
            <CommitInput
              tabIndex={-1}
              data-nav-phase={b.start + 1}
              aria-label={`Phase name ${phase.name}`}
              value={phase.name}
              onCommit={(name) =>
                name.trim() && session.dispatch([{ type: "renamePhase", id: phase.id, name: name.trim() }])
              }
            />
            <button
              type="button"
              className="btn icon chrome"
              tabIndex={-1}
              aria-label={`Delete phase ${phase.name}`}
              onClick={() => session.dispatch([{ type: "deletePhase", id: phase.id }])}
            >
              <X size={14} aria-hidden="true" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
