import { useEffect } from "react";
import { ActivityPanel } from "../activity/ActivityPanel.tsx";
import { AnalysisPanel } from "../analysis/AnalysisPanel.tsx";
import { FollowBanner } from "../collab/FollowBanner.tsx";
import { HistoryPanel } from "../collab/HistoryPanel.tsx";
import { PresenceOutlines } from "../collab/PresenceOutlines.tsx";
import { CommentsPanel } from "../comments/CommentsPanel.tsx";
import { useDiscussion } from "../comments/useDiscussion.ts";
import { HierarchyBar } from "../hierarchy/HierarchyBar.tsx";
import { DataPanel } from "../journey-data/DataPanel.tsx";
import { CardPanel } from "../panels/CardPanel.tsx";
import { PersonasPanel } from "../panels/PersonasPanel.tsx";
import { ScaleEditor } from "../panels/ScaleEditor.tsx";
import { ReviewPanel } from "../review/ReviewPanel.tsx";
import { Grid } from "./Grid.tsx";
import { MapHeader } from "./MapHeader.tsx";
import { NoticeBanner } from "./NoticeBanner.tsx";
import { PersonaStrip } from "./PersonaStrip.tsx";
import { useEditor, useSession } from "./session-context.ts";
import { Toolbar } from "./Toolbar.tsx";
import { useGlobalShortcuts } from "./useGlobalShortcuts.ts";
import "./map-look.css";

/** Layout of the editor: toolbar, map header, grid, and the side panel that is open. */
export function EditorShell() {
  const session = useSession();
  const panel = useEditor((s) => s.panel);
  const title = useEditor((s) => s.map.title);
  const mapId = useEditor((s) => s.map.id);
  useGlobalShortcuts(session);
  useDiscussion(session, mapId);
  useEffect(() => {
    document.title = `${title} — Wayline`;
  }, [title]);
  return (
    <div className="editor">
      <Toolbar />
      <MapHeader />
      <HierarchyBar />
      <NoticeBanner />
      <PresenceOutlines />
      <PersonaStrip />
      <div className="editor-body">
        <FollowBanner />
        <Grid />
        {panel === "card" ? <CardPanel /> : null}
        {panel === "personas" ? <PersonasPanel /> : null}
        {panel === "scale" ? <ScaleEditor /> : null}
        {panel === "analysis" ? <AnalysisPanel /> : null}
        {panel === "data" ? <DataPanel /> : null}
        <HistoryPanel />
        <CommentsPanel />
        <ReviewPanel />
        <ActivityPanel />
      </div>
    </div>
  );
}
