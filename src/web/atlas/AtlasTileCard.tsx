import { Clock, Database, FileCheck, TriangleAlert } from "lucide-react";
import { scoreBand } from "../../render/ScoreRing.tsx";
import { KIND_LABELS, STATUS_LABELS } from "../labels.ts";
import { navigate } from "../router.ts";
import type { AtlasTile } from "./atlas-api.ts";
import { Sparkline } from "./Sparkline.tsx";

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** One map of the atlas as a card; the whole card opens the map. */
export function AtlasTileCard({ tile }: { tile: AtlasTile }) {
  const href = `/maps/${encodeURIComponent(tile.mapId)}`;
  return (
    <a
      className={`atlas-tile${tile.stale ? " stale" : ""}`}
      href={href}
      data-map-id={tile.mapId}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      <span className="atlas-tile-head">
        <span className="atlas-tile-title">{tile.title}</span>
        <span className={`atlas-health ${scoreBand(tile.healthScore)}`} title="Health score">
          {tile.healthScore}
          <span className="sr-only"> health score out of 100</span>
        </span>
      </span>
      <span className="atlas-tile-meta">
        <span className="atlas-kind">{KIND_LABELS[tile.kind]}</span>
        <span>{STATUS_LABELS[tile.status]}</span>
        {tile.stale ? (
          <span className="atlas-stale">
            <Clock size={12} aria-hidden="true" /> Stale
          </span>
        ) : null}
      </span>
      <Sparkline data={tile.sparkline} />
      <span className="atlas-figures">
        <span title="Open pain points">
          <TriangleAlert size={12} aria-hidden="true" /> {tile.openPainPoints} open pain point
          {tile.openPainPoints === 1 ? "" : "s"}
        </span>
        <span title={`${tile.evidenceCards} of ${tile.cards} cards observed, validated or citing research`}>
          <FileCheck size={12} aria-hidden="true" /> {pct(tile.evidenceShare)} evidence
        </span>
        <span title={tile.conversion?.source ?? "No event log linked"}>
          <Database size={12} aria-hidden="true" />{" "}
          {tile.conversion
            ? `${pct(tile.conversion.share)} convert (${tile.conversion.source})`
            : "No data linked"}
        </span>
      </span>
    </a>
  );
}
