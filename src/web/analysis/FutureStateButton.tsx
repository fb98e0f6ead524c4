import { useState } from "react";
import { analysisApi } from "../api/analysis.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import { navigate } from "../router.ts";
import { comparePath } from "./compare-route.ts";

/**
 * Toolbar action around the future state: "Create future state" on a current-state map without a
 * counterpart, "Compare" on a map linked to its counterpart. Saves pending edits first.
 */
export function FutureStateButton() {
  const session = useSession();
  const mapId = useEditor((s) => s.map.id);
  const kind = useEditor((s) => s.map.kind);
  const counterpartId = useEditor((s) => s.map.counterpartId);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) =>
    session.store.setState({
      notice: { title: "Could not create the future state", lines: [(e as Error).message] },
    });
  if (counterpartId) {
    const [current, future] = kind === "future_state" ? [counterpartId, mapId] : [mapId, counterpartId];
    return (
      <button
        type="button"
        className="btn"
        title={kind === "future_state" ? "Compare with the current state" : "Compare with the future state"}
        onClick={async () => {
          await session.whenIdle();
          navigate(comparePath(current, future));
        }}
      >
        ⇄ Compare
      </button>
    );
  }
  if (kind === "future_state") return null;
  return (
    <button
      type="button"
      className="btn"
      disabled={busy}
      title="Copy this map as its future-state counterpart, linked both ways"
      onClick={async () => {
        setBusy(true);
        try {
          await session.whenIdle();
          const created = await analysisApi.createFutureState(mapId);
          navigate(`/maps/${encodeURIComponent(created.id)}`);
        } catch (e) {
          fail(e);
          setBusy(false);
        }
      }}
    >
      {busy ? "Creating…" : "Create future state"}
    </button>
  );
}
