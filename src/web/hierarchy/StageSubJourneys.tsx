import { X, ZoomIn } from "lucide-react";
import type { Stage } from "../../domain/index.ts";
import { useSession } from "../editor/session-context.ts";
import { navigate } from "../router.ts";
import { useHierarchy } from "./hierarchy-store.ts";

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The sub-journeys of a stage: a "zoom in" link per child with its roll-up, and unlink. */
export function StageSubJourneys({ stage }: { stage: Stage }) {
  const session = useSession();
  const rollup = useHierarchy((s) => s.report?.stages.find((x) => x.stageId === stage.id) ?? null);
  if (stage.subJourneyIds.length === 0) return null;
  return (
    <ul className="sub-journeys" aria-label={`Sub-journeys of ${stage.name}`}>
      {stage.subJourneyIds.map((id) => {
        const child = rollup?.children.find((c) => c.mapId === id);
        const title = child?.title ?? "Sub-journey";
        const facts = child?.exists
          ? [
              `health ${child.healthScore}`,
              `${child.openPainPoints} open pain point${child.openPainPoints === 1 ? "" : "s"}`,
              ...(child.conversion ? [`${pct(child.conversion.share)} convert`] : []),
            ].join(" · ")
          : child
            ? "map deleted"
            : "";
        return (
          <li key={id} className="sub-journey">
            <a
              href={`/maps/${encodeURIComponent(id)}`}
              className="sub-journey-open"
              aria-label={`Zoom into ${title}`}
              title={child?.conversion?.source ?? `Zoom into ${title}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/maps/${encodeURIComponent(id)}`);
              }}
            >
              <ZoomIn size={14} aria-hidden="true" />
              <span className="sub-journey-title">{title}</span>
            </a>
            {facts ? <span className="sub-journey-facts">{facts}</span> : null}
            <button
              type="button"
              className="btn icon"
              aria-label={`Unlink ${title} from ${stage.name}`}
              onClick={() =>
                session.dispatch([{ type: "unlinkSubJourney", stageId: stage.id, mapId: id as never }])
              }
            >
              <X size={12} aria-hidden="true" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
