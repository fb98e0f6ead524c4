import { PanelTopOpen, Redo2, Search, Undo2 } from "lucide-react";
import { AnalysisToolGroup } from "../analysis/AnalysisToolGroup.tsx";
import { HistoryButton } from "../collab/HistoryButton.tsx";
import { PresenceBar } from "../collab/PresenceBar.tsx";
import { DiscussionTools } from "../comments/DiscussionTools.tsx";
import { PresentButtons } from "../present/PresentButtons.tsx";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { AddLaneMenu } from "./AddLaneMenu.tsx";
import { ExportButton } from "./export/ExportDialog.tsx";
import { FindInMap } from "./FindInMap.tsx";
import { useFindInMap } from "./find-in-map-store.ts";
import { useMapHeaderDetails } from "./map-header-store.ts";
import { SkipToMap } from "./SkipToMap.tsx";
import { useEditor, useSession } from "./session-context.ts";
import { ToolbarOverflow } from "./ToolbarOverflow.tsx";
import { PHONE_QUERY, useMediaQuery } from "./useMediaQuery.ts";
import "./toolbar.css";

const SAVE_LABEL = { saved: "All changes saved", saving: "Saving…", error: "Not saved" } as const;

/**
 * The editor's top bar: skip link, back, undo/redo, add stage/lane, panels, save state, theme,
 * find, print. Narrower than 1920 px, tools fold into a "More tools" popover step by step (on
 * phones add stage/lane too, and the map header's Share, Review, Activity, Workshop, Inbox and
 * "Map details"), so the bar fits a 390 px screen.
 */
export function Toolbar() {
  const session = useSession();
  const canUndo = useEditor((s) => s.canUndo);
  const canRedo = useEditor((s) => s.canRedo);
  const save = useEditor((s) => s.save);
  const saveMessage = useEditor((s) => s.saveMessage);
  const stageCount = useEditor((s) => s.map.stages.length);
  const phone = useMediaQuery(PHONE_QUERY);
  const open = (panel: Panel) => session.store.setState((s) => ({ panel: s.panel === panel ? null : panel }));
  const addStage = () => {
    const id = crypto.randomUUID().replace(/-/g, "") as never;
    if (session.dispatch([{ type: "addStage", id, name: `Stage ${stageCount + 1}` }]))
      session.store.setState({ editing: { kind: "stage", id } });
  };
  return (
    <>
      <header className="topbar toolbar">
        <SkipToMap />
        <HomeLink />
        <div className="tool-group">
          <button
            type="button"
            className="btn"
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
            disabled={!canUndo}
            onClick={() => session.undo()}
          >
            <Undo2 size={15} aria-hidden="true" /> <span className="label">Undo</span>
          </button>
          <button
            type="button"
            className="btn"
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z)"
            disabled={!canRedo}
            onClick={() => session.redo()}
          >
            <Redo2 size={15} aria-hidden="true" /> <span className="label">Redo</span>
          </button>
        </div>
        <div className="tool-group tb-add">
          <button type="button" className="btn" aria-label="Add stage" onClick={addStage}>
            + Add stage
          </button>
          <AddLaneMenu />
        </div>
        <div className="tool-group">
          <button
            type="button"
            className="btn"
            title="Find in map (Ctrl+F)"
            aria-keyshortcuts="Control+F Meta+F"
            onClick={() => useFindInMap.getState().show()}
          >
            <ToolLabel icon={Search}>Find in map</ToolLabel>
          </button>
        </div>
        <PanelTools open={open} where="bar" />
        <ToolbarOverflow>
          <div className="tool-group tb-only-phone">
            <button type="button" className="btn" aria-label="Add stage" onClick={addStage}>
              + Add stage
            </button>
            <AddLaneMenu />
          </div>
          <PanelTools open={open} where="more" />
          {phone ? <PhoneHeaderTools /> : null}
        </ToolbarOverflow>
        <span className="spacer" />
        <PresenceBar />
        <output
          className={`save-state save-${save}`}
          aria-live="polite"
          title={saveMessage || SAVE_LABEL[save]}
        >
          <span className="dot" aria-hidden="true" />
          <span className="save-label">{SAVE_LABEL[save]}</span>
          {saveMessage ? <span className="muted"> — {saveMessage}</span> : null}
        </output>
        {phone ? null : <ThemeButton />}
      </header>
      <FindInMap />
    </>
  );
}

/**
 * On phones: the map header's tools (all but Comments), the switch unfolding its details, and the
 * theme (the bar keeps its room for the people on the map).
 */
function PhoneHeaderTools() {
  const details = useMapHeaderDetails((s) => s.open);
  return (
    <>
      <div className="tool-group">
        <button
          type="button"
          className={`btn${details ? " active" : ""}`}
          aria-pressed={details}
          onClick={() => useMapHeaderDetails.getState().toggle()}
          title="Kind, status, personas and goal of the map"
        >
          <ToolLabel icon={PanelTopOpen}>Map details</ToolLabel>
        </button>
      </div>
      <div className="tool-group tb-discussion">
        <DiscussionTools part="others" />
      </div>
      <div className="tool-group tb-theme">
        <ThemeButton />
      </div>
    </>
  );
}

type Panel = "personas" | "scale" | "data";

/**
 * The panel, analysis and print tools, drawn twice: in the bar and in the "More tools" popover.
 * toolbar.css shows each copy at the widths where it fits (Personas, Emotion scale and Print fold
 * first, below 1920 px; Data and Analysis below 1280 px), so only one copy is ever displayed.
 */
function PanelTools({ open, where }: { open: (p: Panel) => void; where: "bar" | "more" }) {
  const wide = where === "bar" ? "tb-fold-wide" : "tb-only-wide";
  const mid = where === "bar" ? "tb-fold-mid" : "tb-only-mid";
  return (
    <>
      <div className={where === "bar" ? "tool-group tb-fold-mid" : "tool-group"}>
        <button type="button" className={`btn ${wide}`} onClick={() => open("personas")}>
          Personas
        </button>
        <button type="button" className={`btn ${wide}`} onClick={() => open("scale")}>
          Emotion scale
        </button>
        <button
          type="button"
          className={`btn ${mid}`}
          onClick={() => open("data")}
          title="Activity rules, designed vs actual, KPIs and surveys from data"
        >
          Data
        </button>
      </div>
      <div className={`tb-analysis ${mid}`}>
        <AnalysisToolGroup />
      </div>
      <div className={`tb-analysis ${mid}`}>
        <HistoryButton />
      </div>

      <div className={`tool-group ${wide}`}>
        <button
          type="button"
          className="btn ghost"
          onClick={() => window.print()}
          title="Print or save as PDF"
        >
          Print
        </button>
      </div>
      <div className={`tool-group ${mid}`}>
        <ExportButton />
      </div>
      <div className={`tb-analysis ${mid}`}>
        <PresentButtons />
      </div>
    </>
  );
}
