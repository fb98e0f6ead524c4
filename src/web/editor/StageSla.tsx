import { CircleAlert, CircleCheck, Timer } from "lucide-react";
import { useId, useState } from "react";
import { createPortal } from "react-dom";
import { formatDuration } from "../../domain/duration.ts";
import type { Stage } from "../../domain/index.ts";
import { SLA_STATUS_LABELS, type SlaStatus, slaStatus } from "../../domain/journey-data/index.ts";
import { MAX_SLA_MS, type StageSla } from "../../domain/model/stage-sla.ts";
import { useStageDurations } from "../journey-data/stage-durations.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { useSession } from "./session-context.ts";
import "./stage-sla.css";

/** Units a target is written in, largest first. */
const UNITS = [
  { key: "d", label: "days", ms: 86_400_000 },
  { key: "h", label: "hours", ms: 3_600_000 },
  { key: "min", label: "minutes", ms: 60_000 },
] as const;
type UnitKey = (typeof UNITS)[number]["key"];

/** Most characters of an SLA's label (the model's limit). */
const MAX_LABEL = 200;

/**
 * A target as the form shows it: the largest unit it is a whole number of, else the largest unit
 * it is at least one of (minutes below that), to three decimals.
 */
export function targetInUnits(ms: number): { amount: string; unit: UnitKey } {
  const whole = UNITS.find((u) => ms % u.ms === 0);
  if (whole) return { amount: String(ms / whole.ms), unit: whole.key };
  const unit = UNITS.find((u) => ms >= u.ms) ?? (UNITS[2] as (typeof UNITS)[number]);
  return { amount: String(Math.round((ms / unit.ms) * 1000) / 1000), unit: unit.key };
}

/** Reads the form: the SLA, or the problem naming the field. */
export function readSlaForm(amount: string, unit: UnitKey, label: string): StageSla | { problem: string } {
  const n = Number(amount.trim().replace(",", "."));
  if (amount.trim() === "" || !Number.isFinite(n) || n <= 0)
    return { problem: "Target: enter a number above 0, e.g. 2 (days) or 4.5 (hours)." };
  const ms = Math.round(n * (UNITS.find((u) => u.key === unit)?.ms ?? 0));
  if (ms < 1) return { problem: "Target: too small; enter at least 1 minute." };
  if (ms > MAX_SLA_MS) return { problem: "Target: at most 3,660 days (ten years)." };
  const text = label.trim();
  if (text.length > MAX_LABEL) return { problem: `Label: at most ${MAX_LABEL} characters.` };
  return text ? { targetMs: ms, label: text } : { targetMs: ms };
}

/** Sets, changes or clears a stage's stated SLA (target in minutes, hours or days, optional label). */
export function SlaDialog({ stage, onClose }: { stage: Stage; onClose: () => void }) {
  const session = useSession();
  const initial = stage.sla ? targetInUnits(stage.sla.targetMs) : { amount: "", unit: "d" as UnitKey };
  const [amount, setAmount] = useState(initial.amount);
  const [unit, setUnit] = useState<UnitKey>(initial.unit);
  const [label, setLabel] = useState(stage.sla?.label ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const sla = readSlaForm(amount, unit, label);
    if ("problem" in sla) return setProblem(sla.problem);
    if (session.dispatch([{ type: "updateStage", id: stage.id, sla }])) onClose();
    else setProblem("The SLA could not be saved.");
  };
  const clear = () => {
    session.dispatch([{ type: "updateStage", id: stage.id, sla: null }]);
    onClose();
  };
  // In a portal, and no key or pointer event reaches the grid's handlers (React bubbles portal
  // events through the component tree: the grid would read typing as navigation).
  const stop = (e: React.SyntheticEvent) => e.stopPropagation();
  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops events from reaching the grid
    <div onKeyDown={stop} onPointerDown={stop} onClick={stop} onDoubleClick={stop}>
      <Dialog title={`SLA of “${stage.name}”`} onClose={onClose}>
        <form className="form sla-form" onSubmit={save} noValidate>
          <p className="muted">
            How long cases should spend in this stage. With an event log in the Data panel, the stage shows
            the measured time in stage: the SLA is met when 90 % of cases stay at most the target (the 90th
            percentile is at or below it), breached when it is above.
          </p>
          <div className="sla-target">
            <label htmlFor={`${id}-amount`}>Target</label>
            <input
              id={`${id}-amount`}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-describedby={problem ? `${id}-problem` : undefined}
              aria-invalid={problem?.startsWith("Target") ? true : undefined}
            />
            <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as UnitKey)}>
              {UNITS.map((u) => (
                <option key={u.key} value={u.key}>
                  {u.label}
                </option>
              ))}
            </select>
          </div>
          <label>
            Label (optional)
            <input
              value={label}
              maxLength={MAX_LABEL}
              placeholder="e.g. Reply within 2 days"
              onChange={(e) => setLabel(e.target.value)}
            />
          </label>
          {problem ? (
            <p id={`${id}-problem`} className="error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="dialog-actions">
            {stage.sla ? (
              <button type="button" className="btn danger" onClick={clear}>
                Clear SLA
              </button>
            ) : null}
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn primary">
              Save SLA
            </button>
          </div>
        </form>
      </Dialog>
    </div>,
    document.body,
  );
}

const STATUS_ICON: Partial<Record<SlaStatus, typeof CircleCheck>> = {
  met: CircleCheck,
  breached: CircleAlert,
};

/**
 * The stage's SLA on its header ("SLA 2 d"); with durations from the map's data log, the measured
 * median and p90 and whether the SLA is met or breached — in words and an icon, not colour alone.
 * Opens the SLA dialog.
 */
export function SlaChip({ stage, sla, onOpen }: { stage: Stage; sla: StageSla; onOpen: () => void }) {
  const { report, loading } = useStageDurations();
  const measured = report?.stages.find((s) => s.stageId === stage.id);
  const status: SlaStatus | null = measured ? slaStatus(sla, measured.cases, measured.duration) : null;
  const target = `SLA ${formatDuration(sla.targetMs)}`;
  const figures =
    measured && status !== "no_data"
      ? `median ${formatDuration(measured.duration.medianMs)} · p90 ${formatDuration(measured.duration.p90Ms)}`
      : null;
  const words = status ? SLA_STATUS_LABELS[status] : null;
  const Icon = status ? STATUS_ICON[status] : undefined;
  const detail = report
    ? `${measured?.cases ?? 0} cases in log “${report.logName}”`
    : loading
      ? "loading measured durations"
      : "no measured durations (import an event log in the Data tab)";
  const title = [
    `Stated SLA: ${formatDuration(sla.targetMs)}${sla.label ? ` — ${sla.label}` : ""}`,
    figures,
    words,
    detail,
  ]
    .filter(Boolean)
    .join("; ");
  return (
    <button
      type="button"
      className={`sla-chip${status ? ` sla-${status}` : ""}`}
      tabIndex={-1}
      title={title}
      aria-label={`${title}. Edit SLA of ${stage.name}`}
      onClick={onOpen}
    >
      <Timer size={12} aria-hidden="true" />
      <span className="sla-target-text">{target}</span>
      {figures ? <span className="sla-figures">{figures}</span> : null}
      {words ? (
        <span className="sla-status">
          {Icon ? <Icon size={12} aria-hidden="true" /> : null}
          {words}
        </span>
      ) : null}
    </button>
  );
}
