import { CircleX, Info, type LucideIcon, TriangleAlert } from "lucide-react";
import type { HealthReportView } from "../../contract/analysis.ts";
import { SEVERITIES, type Severity } from "../../domain/analysis/index.ts";
import { ScoreRing } from "../../render/ScoreRing.tsx";
import { SEVERITY_LABELS } from "./labels.ts";
import type { MapLocation } from "./reveal.ts";

const ICON_OF: Record<Severity, LucideIcon> = { error: CircleX, warning: TriangleAlert, info: Info };
/** A severity's SVG icon (never a system glyph that may be drawn as emoji). */
const SeverityIcon = ({ s }: { s: Severity }) => {
  const Icon = ICON_OF[s];
  return <Icon size={13} aria-hidden="true" />;
};

/** Whether a location points at something inside the map (not the map as a whole). */
const pointsAtMap = (l: MapLocation) => !!(l.cardId || l.stageId || l.laneId);

/** The health report: score ring, counts, and findings grouped by severity; click to reveal. */
export function HealthView({
  report,
  onSelect,
}: {
  report: HealthReportView;
  onSelect: (location: MapLocation) => void;
}) {
  return (
    <div className="health">
      <div className="health-score">
        <ScoreRing score={report.score} />
        <ul className="health-counts" aria-label="Findings by severity">
          {SEVERITIES.map((s) => (
            <li key={s} className={`sev-${s}`}>
              <SeverityIcon s={s} /> {report.counts[s]} {SEVERITY_LABELS[s].toLowerCase()}
            </li>
          ))}
        </ul>
      </div>
      {report.findings.length === 0 ? <p className="muted">No findings: this map is in good shape.</p> : null}
      {SEVERITIES.map((sev) => {
        const group = report.findings.filter((f) => f.severity === sev);
        if (!group.length) return null;
        return (
          <section key={sev} className={`finding-group sev-${sev}`} aria-label={SEVERITY_LABELS[sev]}>
            <h3>
              {SEVERITY_LABELS[sev]} <span className="muted">({group.length})</span>
            </h3>
            <ul className="findings">
              {group.map((f, i) => {
                const body = (
                  <>
                    <span className="finding-icon" aria-hidden="true">
                      <SeverityIcon s={sev} />
                    </span>
                    <span className="finding-text">
                      <span className="finding-message">{f.message}</span>
                      <span className="finding-hint">{f.hint}</span>
                      <code className="finding-rule">{f.rule}</code>
                    </span>
                  </>
                );
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; order is stable per report
                  <li key={`${f.rule}-${i}`}>
                    {pointsAtMap(f.location) ? (
                      <button type="button" className="finding" onClick={() => onSelect(f.location)}>
                        {body}
                      </button>
                    ) : (
                      <div className="finding">{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
