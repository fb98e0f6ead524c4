import { useId } from "react";
import type { LogImportReport as ImportReport, UploadLogOptions } from "../../contract/logs.ts";

/** How the file's timestamps and lifecycle transitions are read (sent with the upload). */
export interface Reading {
  timestampFormat: string;
  timezone: string;
  lifecycle: "" | "all" | "complete" | "merge";
  classifier: string;
}

export const DEFAULT_READING: Reading = { timestampFormat: "", timezone: "", lifecycle: "", classifier: "" };

/** Layouts offered by name; "custom" opens a strftime field. */
const LAYOUTS: { value: string; label: string }[] = [
  { value: "", label: "Detect automatically" },
  { value: "%d/%m/%Y %H:%M:%S", label: "DD/MM/YYYY HH:MM:SS" },
  { value: "%m/%d/%Y %H:%M:%S", label: "MM/DD/YYYY HH:MM:SS" },
  { value: "%m/%d/%Y %I:%M:%S %p", label: "MM/DD/YYYY hh:mm:ss AM/PM" },
  { value: "%d.%m.%Y %H:%M:%S", label: "DD.MM.YYYY HH:MM:SS" },
  { value: "%d/%m/%Y", label: "DD/MM/YYYY (dates only)" },
  { value: "%m/%d/%Y", label: "MM/DD/YYYY (dates only)" },
];

const zones = (): string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    return intl.supportedValuesOf?.("timeZone") ?? [];
  } catch {
    return [];
  }
};

/** The upload query fields for a reading (empty ones left out: the server detects). */
export function readingQuery(
  r: Reading,
): Pick<UploadLogOptions, "timestampFormat" | "timezone" | "lifecycle" | "classifier"> {
  return {
    ...(r.timestampFormat.trim() ? { timestampFormat: r.timestampFormat.trim() } : {}),
    ...(r.timezone.trim() ? { timezone: r.timezone.trim() } : {}),
    ...(r.lifecycle ? { lifecycle: r.lifecycle } : {}),
    ...(r.classifier.trim() ? { classifier: r.classifier.trim() } : {}),
  };
}

/** Options for timestamps (layout, time zone) and, for process-mining logs, lifecycle and classifier. */
export function ReadingOptions({ value, onChange }: { value: Reading; onChange: (r: Reading) => void }) {
  const id = useId();
  const preset = LAYOUTS.some((l) => l.value === value.timestampFormat);
  const set = (patch: Partial<Reading>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="column-mapping reading-options">
      <legend>Timestamps and lifecycle</legend>
      <div className="mapping-fields">
        <label>
          <span>Timestamp layout</span>
          <select
            value={preset ? value.timestampFormat : "custom"}
            onChange={(e) =>
              set({ timestampFormat: e.target.value === "custom" ? "%Y-%m-%d %H:%M:%S" : e.target.value })
            }
          >
            {LAYOUTS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
            <option value="custom">Custom (strftime)…</option>
          </select>
        </label>
        {!preset ? (
          <label>
            <span>Custom layout</span>
            <input
              value={value.timestampFormat}
              maxLength={100}
              spellCheck={false}
              aria-describedby={`${id}-fmt-help`}
              onChange={(e) => set({ timestampFormat: e.target.value })}
            />
            <small id={`${id}-fmt-help`} className="muted">
              %Y year, %m month, %d day, %H hour, %I hour (12) with %p AM/PM, %M minute, %S second, %f
              fraction, %z offset, %Z zone, %b month name
            </small>
          </label>
        ) : null}
        <label>
          <span>Time zone of times without one</span>
          <input
            list={`${id}-zones`}
            value={value.timezone}
            placeholder="UTC"
            maxLength={64}
            spellCheck={false}
            onChange={(e) => set({ timezone: e.target.value })}
          />
          <datalist id={`${id}-zones`}>
            {zones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <label>
          <span>Lifecycle transitions</span>
          <select
            value={value.lifecycle}
            onChange={(e) => set({ lifecycle: e.target.value as Reading["lifecycle"] })}
          >
            <option value="">Keep every transition (default)</option>
            <option value="complete">Completions only</option>
            <option value="merge">Merge start + complete (with duration)</option>
          </select>
        </label>
        <label>
          <span>XES classifier</span>
          <input
            value={value.classifier}
            placeholder="Event name"
            maxLength={200}
            onChange={(e) => set({ classifier: e.target.value })}
          />
        </label>
      </div>
    </fieldset>
  );
}

/** What the server read: layouts with counts, the day/month decision, lifecycle effect. */
export function ReadingSummary({ report }: { report: ImportReport }) {
  const t = report.timestamps;
  const l = report.lifecycle;
  const layouts = t ? Object.entries(t.layouts) : [];
  if (layouts.length === 0 && !l && !report.classifier) return null;
  return (
    <ul className="reading-summary muted" aria-label="How the file was read">
      {layouts.length ? (
        <li>
          Timestamps read as {layouts.map(([k, n]) => `${k} (${n.toLocaleString()})`).join(", ")}
          {t?.order ? ` — ${t.order}` : ""}; times without a zone in {t?.timezone}.
        </li>
      ) : null}
      {l ? (
        <li>
          Lifecycle {l.mode}:{" "}
          {Object.entries(l.transitions)
            .map(([k, n]) => `${k} ${n.toLocaleString()}`)
            .join(", ")}
          {l.mode === "merge" ? `; ${l.merged.toLocaleString()} pairs merged` : ""}
          {l.dropped ? `; ${l.dropped.toLocaleString()} dropped` : ""}.
        </li>
      ) : null}
      {report.classifier ? <li>Activity from classifier “{report.classifier}”.</li> : null}
    </ul>
  );
}
