import { ChevronRight } from "lucide-react";
import { useEffect } from "react";
import { useEditor } from "../editor/session-context.ts";
import { navigate } from "../router.ts";
import { useHierarchy } from "./hierarchy-store.ts";
import { LinkSubJourneyDialog } from "./LinkSubJourneyDialog.tsx";
import "./hierarchy.css";

/**
 * The editor's hierarchy: loads the map's parents and roll-ups (again when its links change or
 * the tab comes back into view, so a changed child shows), shows the breadcrumb back to the
 * parents and hosts the "Link sub-journey…" dialog.
 */
export function HierarchyBar() {
  const mapId = useEditor((s) => s.map.id);
  const title = useEditor((s) => s.map.title);
  const links = useEditor((s) => s.map.stages.map((x) => `${x.id}:${x.subJourneyIds.join(",")}`).join("|"));
  const stages = useEditor((s) => s.map.stages);
  const { report, load, linkingStageId, openLink } = useHierarchy();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `links` is the trigger: a link added or removed changes the roll-ups
  useEffect(() => {
    void load(mapId);
  }, [mapId, links, load]);
  useEffect(() => {
    const again = () => document.visibilityState === "visible" && void load(mapId);
    document.addEventListener("visibilitychange", again);
    return () => document.removeEventListener("visibilitychange", again);
  }, [mapId, load]);
  const linking = stages.find((s) => s.id === linkingStageId);
  const crumbs = report && report.map.mapId === mapId ? report.breadcrumb : [];
  return (
    <>
      {crumbs.length > 0 ? (
        <nav className="hierarchy-breadcrumb" aria-label="Parent journeys">
          <ol>
            {crumbs.map((c) => (
              <li key={`${c.mapId}/${c.stageId}`}>
                <a
                  href={`/maps/${encodeURIComponent(c.mapId)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/maps/${encodeURIComponent(c.mapId)}`);
                  }}
                >
                  {c.title}
                </a>
                <span className="muted"> · {c.stageName}</span>
                <ChevronRight size={14} aria-hidden="true" />
              </li>
            ))}
            <li aria-current="page">{title}</li>
          </ol>
          {report && report.parents.length > 1 ? (
            <span className="muted">
              {" "}
              (also in {report.parents.length - 1} other map{report.parents.length > 2 ? "s" : ""})
            </span>
          ) : null}
        </nav>
      ) : null}
      {linking ? (
        <LinkSubJourneyDialog
          stage={linking}
          onClose={() => openLink(null)}
          onLinked={() => void load(mapId)}
        />
      ) : null}
    </>
  );
}
