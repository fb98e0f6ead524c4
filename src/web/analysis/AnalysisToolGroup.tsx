import { useEditor, useSession } from "../editor/session-context.ts";
import { FutureStateButton } from "./FutureStateButton.tsx";
import { useAnalysis } from "./useAnalysis.ts";

/** Toolbar buttons of the analysis: the Analysis panel (with the health score) and the future state. */
export function AnalysisToolGroup() {
  const session = useSession();
  const open = useEditor((s) => s.panel === "analysis");
  const score = useAnalysis((s) => s.health?.score ?? null);
  return (
    <div className="tool-group">
      <button
        type="button"
        className={`btn${open ? " active" : ""}`}
        aria-pressed={open}
        onClick={() => session.store.setState((s) => ({ panel: s.panel === "analysis" ? null : "analysis" }))}
        title="Health check, pain-point priorities and stakeholder summary"
      >
        Analysis
        {score === null ? null : (
          <span className="health-badge" title="Health score">
            <span className="sr-only">, health score </span>
            {score}
          </span>
        )}
      </button>
      <FutureStateButton />
    </div>
  );
}
