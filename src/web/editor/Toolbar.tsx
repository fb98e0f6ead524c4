import { AnalysisToolGroup } from "../analysis/AnalysisToolGroup.tsx";
import { PresenceBar } from "../collab/PresenceBar.tsx";
import { navigate } from "../router.ts";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { AddLaneMenu } from "./AddLaneMenu.tsx";
import { useEditor, useSession } from "./session-context.ts";

const SAVE_LABEL = { saved: "All changes saved", saving: "Saving…", error: "Not saved" } as const;

/** The editor's top bar: back, undo/redo, add stage/lane, panels, save state, theme, print. */
export function Toolbar() {
  const session = useSession();
  const canUndo = useEditor((s) => s.canUndo);
  const canRedo = useEditor((s) => s.canRedo);
  const save = useEditor((s) => s.save);
  const saveMessage = useEditor((s) => s.saveMessage);
  const stageCount = useEditor((s) => s.map.stages.length);
  const open = (panel: "personas" | "scale" | "data") =>
    session.store.setState((s) => ({ panel: s.panel === panel ? null : panel }));
  const addStage = () => {
    const id = crypto.randomUUID().replace(/-/g, "") as never;
    if (session.dispatch([{ type: "addStage", id, name: `Stage ${stageCount + 1}` }]))
      session.store.setState({ editing: { kind: "stage", id } });
  };
  return (
    <header className="topbar toolbar">
      <a
        href="/"
        className="brand"
        onClick={(e) => {
          e.preventDefault();
          navigate("/");
        }}
      >
        ← Wayline
      </a>
      <div className="tool-group">
        <button
          type="button"
          className="btn"
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          disabled={!canUndo}
          onClick={() => session.undo()}
        >
          ↶ <span className="label">Undo</span>
        </button>
        <button
          type="button"
          className="btn"
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
          disabled={!canRedo}
          onClick={() => session.redo()}
        >
          ↷ <span className="label">Redo</span>
        </button>
      </div>
      <div className="tool-group">
        <button type="button" className="btn" aria-label="Add stage" onClick={addStage}>
          + Add stage
        </button>
        <AddLaneMenu />
      </div>
      <div className="tool-group">
        <button type="button" className="btn" onClick={() => open("personas")}>
          Personas
        </button>
        <button type="button" className="btn" onClick={() => open("scale")}>
          Emotion scale
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => open("data")}
          title="Activity rules, designed vs actual, KPIs and surveys from data"
        >
          Data
        </button>
      </div>
      <AnalysisToolGroup />
      <span className="spacer" />
      <PresenceBar />
      <output
        className={`save-state save-${save}`}
        aria-live="polite"
        title={saveMessage || SAVE_LABEL[save]}
      >
        <span className="dot" aria-hidden="true" />
        {SAVE_LABEL[save]}
        {saveMessage ? <span className="muted"> — {saveMessage}</span> : null}
      </output>
      <button type="button" className="btn ghost" onClick={() => window.print()} title="Print or save as PDF">
        Print
      </button>
      <ThemeButton />
    </header>
  );
}
