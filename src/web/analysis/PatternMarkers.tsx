import { useId, useState } from "react";
import type { PatternFinding, PatternType } from "../../domain/analysis/index.ts";
import type { EmotionSeries } from "../../render/EmotionCurve.tsx";
import type { EmotionLayout } from "../../render/emotion-geometry.ts";
import { PATTERN_ICONS, PATTERN_LABELS } from "./labels.ts";

/** The findings touching each stage, in stage order (stages without any omitted). */
export function findingsByStage(
  stages: readonly { id: string; name: string }[],
  patterns: readonly PatternFinding[],
): { index: number; stage: { id: string; name: string }; findings: PatternFinding[] }[] {
  return stages.flatMap((stage, index) => {
    const findings = patterns.filter((p) => (p.stageIds as string[]).includes(stage.id));
    return findings.length ? [{ index, stage, findings }] : [];
  });
}

/** One marker: the names of the patterns at a stage, each with its icon; hover or focus explains them. */
function Marker({
  x,
  stageName,
  findings,
  personaName,
}: {
  x: number;
  stageName: string;
  findings: PatternFinding[];
  personaName: (id: string | null) => string | null;
}) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const types = [...new Set(findings.map((f) => f.type))] as PatternType[];
  const worst = findings.some((f) => f.severity === "error")
    ? "error"
    : findings.some((f) => f.severity === "warning")
      ? "warning"
      : "info";
  return (
    <div className="pattern-marker-wrap" style={{ left: x }}>
      <button
        type="button"
        className={`pattern-marker sev-${worst}${types.includes("peak") && types.length === 1 ? " positive" : ""}`}
        aria-label={`Emotion pattern at ${stageName}: ${types.map((t) => PATTERN_LABELS[t]).join(", ")}`}
        aria-describedby={tipId}
        aria-expanded={open}
        tabIndex={-1}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
      >
        {types.map((t) => {
          const Icon = PATTERN_ICONS[t];
          return (
            <span key={t} className="pattern-word" aria-hidden="true">
              <Icon size={12} strokeWidth={2.25} />
              {PATTERN_LABELS[t]}
            </span>
          );
        })}
      </button>
      <div role="tooltip" id={tipId} className="pattern-tip" hidden={!open}>
        <strong>{stageName}</strong>
        <ul>
          {findings.map((f, i) => {
            const who = personaName(f.personaId);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is rebuilt whole
              <li key={i}>
                <span className={`pattern-name sev-${f.severity}`}>{PATTERN_LABELS[f.type]}</span>
                {who ? <span className="muted"> · {who}</span> : null}
                <br />
                {f.explanation}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/**
 * Markers over the emotion lane at the stages of each emotion-curve pattern (rapid drop, trough,
 * peak, sawtooth, sustained low), drawn in the top-left corner of the stage's column so they never
 * cover the curve's points. Positioned with the same layout as the curve.
 */
export function PatternMarkers({
  stages,
  patterns,
  layout,
  series,
}: {
  stages: readonly { id: string; name: string }[];
  patterns: readonly PatternFinding[];
  layout: Pick<EmotionLayout, "columnWidth">;
  series: readonly EmotionSeries[];
}) {
  const shown = series.map((s) => s.personaId);
  const visible = patterns.filter((p) => shown.includes(p.personaId));
  const personaName = (id: string | null) =>
    series.length > 1 ? (series.find((s) => s.personaId === id)?.name ?? null) : null;
  return (
    <div className="pattern-markers">
      {findingsByStage(stages, visible).map(({ index, stage, findings }) => (
        <Marker
          key={stage.id}
          x={index * layout.columnWidth + 6}
          stageName={stage.name}
          findings={findings}
          personaName={personaName}
        />
      ))}
    </div>
  );
}
