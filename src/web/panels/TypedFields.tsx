// biome-ignore-all lint/a11y/noLabelWithoutControl: CommitInput renders its <input>/<textarea> inside the label
import { type Card, ChannelSchema } from "../../domain/index.ts";
import { CHANNEL_ICONS } from "../../render/channels.ts";
import { CommitInput } from "../ui/CommitInput.tsx";
import { KpiHistoryFields } from "./KpiHistoryFields.tsx";
import { PainLinks } from "./PainLinks.tsx";
import { SimilarPainFields } from "./SimilarPainFields.tsx";
import { SolutionFields } from "./SolutionFields.tsx";

type Patch = Record<string, unknown>;
const orNull = (v: string) => (v.trim() ? v.trim() : null);
const numOrNull = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? null : Number(v));

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | null;
  options: [string, string][];
  onChange: (v: string | null) => void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">—</option>
        {options.map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

function Text({
  label,
  value,
  onCommit,
  type = "text",
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  type?: string;
}) {
  return (
    <label>
      {label}
      <CommitInput type={type} value={value} onCommit={onCommit} />
    </label>
  );
}

const CHANNELS = ChannelSchema.options.map((c) => [c, CHANNEL_ICONS[c].label] as [string, string]);

/** Editors of the typed fields of a card, by its kind (PRODUCT.md §1 lane types). */
export function TypedFields({ card, onFields }: { card: Card; onFields: (p: Patch) => void }) {
  const f = card.fields;
  switch (f.kind) {
    case "touchpoint":
      return (
        <>
          <Select
            label="Channel"
            value={f.channel}
            options={CHANNELS}
            onChange={(channel) => onFields({ channel })}
          />
          <Select
            label="Online / offline"
            value={f.mode}
            options={[
              ["online", "Online"],
              ["offline", "Offline"],
            ]}
            onChange={(mode) => onFields({ mode })}
          />
          <Text
            label="Owner team"
            value={f.ownerTeam ?? ""}
            onCommit={(v) => onFields({ ownerTeam: orNull(v) })}
          />
          <Text
            label="Usage frequency"
            value={f.frequency ?? ""}
            onCommit={(v) => onFields({ frequency: orNull(v) })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={f.isBot}
              onChange={(e) => onFields({ isBot: e.target.checked })}
            />{" "}
            Served by a bot
          </label>
        </>
      );
    case "channel":
      return (
        <Select
          label="Channel"
          value={f.channel}
          options={CHANNELS}
          onChange={(channel) => channel && onFields({ channel })}
        />
      );
    case "pain":
      return (
        <>
          <Select
            label="Impact"
            value={f.impact}
            options={[
              ["trivial", "Trivial"],
              ["workaround", "Needs a workaround"],
              ["abandon", "Makes people abandon"],
            ]}
            onChange={(impact) => onFields({ impact })}
          />
          <Text
            label="Reach (% of customers)"
            type="number"
            value={f.reach === null ? "" : String(Math.round(f.reach * 100))}
            onCommit={(v) => {
              const n = numOrNull(v);
              onFields({ reach: n === null ? null : Math.min(1, Math.max(0, n / 100)) });
            }}
          />
          <Text label="Owner" value={f.owner ?? ""} onCommit={(v) => onFields({ owner: orNull(v) })} />
          <Text
            label="Due date"
            type="date"
            value={f.dueDate ?? ""}
            onCommit={(v) => onFields({ dueDate: orNull(v) })}
          />
          <Select
            label="Status"
            value={f.status}
            options={[
              ["open", "Open"],
              ["in_progress", "In progress"],
              ["done", "Done"],
              ["wont_fix", "Won't fix"],
            ]}
            onChange={(status) => status && onFields({ status })}
          />
          <RiceFields card={card} onFields={onFields} />
          <SimilarPainFields card={card} />
        </>
      );
    case "idea":
      return (
        <>
          <Select
            label="Effort"
            value={f.effort}
            options={[
              ["low", "Low"],
              ["medium", "Medium"],
              ["high", "High"],
            ]}
            onChange={(effort) => onFields({ effort })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={f.quickWin}
              onChange={(e) => onFields({ quickWin: e.target.checked })}
            />{" "}
            Quick win
          </label>
          <PainLinks linked={f.painPointIds} onChange={(painPointIds) => onFields({ painPointIds })} />
          <RiceFields card={card} onFields={onFields} />
          <SolutionFields card={card as never} />
        </>
      );
    case "kpi":
      return (
        <>
          <Text label="Metric" value={f.name} onCommit={(name) => onFields({ name })} />
          <Text
            label="Value"
            type="number"
            value={f.value === null ? "" : String(f.value)}
            onCommit={(v) => onFields({ value: numOrNull(v) })}
          />
          <Text
            label="Target"
            type="number"
            value={f.target === null ? "" : String(f.target)}
            onCommit={(v) => onFields({ target: numOrNull(v) })}
          />
          <Text label="Unit" value={f.unit} onCommit={(unit) => onFields({ unit })} />
          <Text label="Source" value={f.source} onCommit={(source) => onFields({ source })} />
          <Text
            label="As of"
            type="date"
            value={f.asOf ?? ""}
            onCommit={(v) => onFields({ asOf: orNull(v) })}
          />
          <KpiHistoryFields card={card as never} />
        </>
      );
    case "ownership":
      return (
        <Text label="Department" value={f.department} onCommit={(department) => onFields({ department })} />
      );
    case "blueprint":
      return (
        <Text
          label="Owner team / system"
          value={f.ownerTeam ?? ""}
          onCommit={(v) => onFields({ ownerTeam: orNull(v) })}
        />
      );
    case "handoff":
      return (
        <>
          <Select
            label="Who serves"
            value={f.actor}
            options={[
              ["bot", "Bot"],
              ["human", "Human"],
            ]}
            onChange={(actor) => actor && onFields({ actor })}
          />
          <label>
            Hand-off triggers (one per line)
            <CommitInput
              multiline
              rows={3}
              value={f.triggers.join("\n")}
              onCommit={(v) =>
                onFields({
                  triggers: v
                    .split("\n")
                    .map((x) => x.trim())
                    .filter(Boolean),
                })
              }
            />
          </label>
        </>
      );
    case "image":
      return (
        <>
          <Text label="Image URL" value={f.url ?? ""} onCommit={(v) => onFields({ url: orNull(v) })} />
          <Text label="Alternative text" value={f.alt} onCommit={(alt) => onFields({ alt })} />
        </>
      );
    case "link":
      return (
        <>
          <Text label="URL" value={f.url ?? ""} onCommit={(v) => onFields({ url: orNull(v) })} />
          <Select
            label="Links to"
            value={f.linkKind}
            options={[
              ["video", "Video"],
              ["document", "Document"],
              ["other", "Other"],
            ]}
            onChange={(linkKind) => linkKind && onFields({ linkKind })}
          />
        </>
      );
    default:
      return null;
  }
}

/** RICE estimates of a pain point or idea: confidence (%) and effort (person-weeks). */
function RiceFields({ card, onFields }: { card: Card; onFields: (p: Patch) => void }) {
  const f = card.fields;
  if (f.kind !== "pain" && f.kind !== "idea") return null;
  return (
    <>
      <Text
        label="RICE confidence % (empty: from evidence)"
        type="number"
        value={f.confidencePct === null ? "" : String(f.confidencePct)}
        onCommit={(v) => onFields({ confidencePct: numOrNull(v) })}
      />
      <Text
        label="RICE effort (person-weeks)"
        type="number"
        value={f.effortWeeks === null ? "" : String(f.effortWeeks)}
        onCommit={(v) => onFields({ effortWeeks: numOrNull(v) })}
      />
    </>
  );
}
