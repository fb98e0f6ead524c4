import { useState } from "react";
import {
  type Channel,
  ChannelSchema,
  initialsOf,
  type Persona,
  type PersonaInput,
} from "../../domain/index.ts";
import { CHANNEL_ICONS } from "../../render/channels.ts";
import { CHANNEL_SVG_ICONS } from "../../render/picture-icons.tsx";

/** A channel's SVG icon (lucide), sized to the text. */
function ChannelIcon({ channel }: { channel: keyof typeof CHANNEL_SVG_ICONS }) {
  const Icon = CHANNEL_SVG_ICONS[channel];
  return <Icon size={14} aria-hidden="true" />;
}

import { Avatar } from "../ui/Avatar.tsx";
import { PhotoUpload } from "./PhotoUpload.tsx";

const LISTS = [
  ["personalGoals", "Personal goals"],
  ["professionalGoals", "Professional goals"],
  ["needs", "Needs"],
  ["motivations", "Motivations"],
  ["frustrations", "Frustrations / pain points"],
  ["decisionDrivers", "Decision drivers"],
  ["values", "Values / psychographics"],
  ["currentSolutions", "Current solutions"],
] as const;
const TEXTS = [
  ["role", "Role / occupation"],
  ["location", "Location"],
  ["segment", "Segment"],
  ["purchaseFrequency", "Purchase frequency"],
] as const;

type Draft = Record<string, string>;

function toDraft(p: Persona | null): Draft {
  const d: Draft = {
    name: p?.name ?? "",
    age: p?.age?.toString() ?? "",
    quote: p?.quote ?? "",
    background: p?.background ?? "",
  };
  d.color = p?.avatar.color ?? "#3b6fd8";
  d.initials = p?.avatar.initials ?? "";
  d.photoUrl = p?.avatar.photoUrl ?? "";
  d.techSavviness = p?.techSavviness?.toString() ?? "";
  for (const [k] of TEXTS) d[k] = p?.[k] ?? "";
  for (const [k] of LISTS) d[k] = (p?.[k] ?? []).join("\n");
  return d;
}

/** Create/edit form with every persona field of PRODUCT.md §1 (lists one item per line). */
export function PersonaForm({
  persona,
  onSave,
  onCancel,
}: {
  persona: Persona | null;
  onSave: (p: PersonaInput) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<Draft>(() => toDraft(persona));
  const [channels, setChannels] = useState<Channel[]>(persona?.preferredChannels ?? []);
  const field = (k: string) => ({
    value: d[k] ?? "",
    onChange: (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value }),
  });
  const lines = (k: string) =>
    (d[k] ?? "")
      .split("\n")
      .map((x) => x.trim())
      .filter(Boolean);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const name = (d.name ?? "").trim();
    if (!name) return;
    const input: Record<string, unknown> = {
      name,
      age: d.age ? Number(d.age) : null,
      quote: d.quote,
      background: d.background,
      techSavviness: d.techSavviness ? Number(d.techSavviness) : null,
      preferredChannels: channels,
      avatar: {
        initials: (d.initials || initialsOf(name)).slice(0, 3),
        color: d.color,
        photoUrl: d.photoUrl?.trim() || null,
      },
    };
    for (const [k] of TEXTS) input[k] = d[k];
    for (const [k] of LISTS) input[k] = lines(k);
    onSave(input as PersonaInput);
  };
  const preview = {
    name: d.name || "?",
    avatar: {
      initials: d.initials || initialsOf(d.name || "?"),
      color: d.color ?? "#3b6fd8",
      photoUrl: d.photoUrl || null,
    },
  };
  return (
    <form className="form persona-form" onSubmit={submit}>
      <div className="persona-top">
        <Avatar persona={preview} size={48} />
        <label className="grow">
          Name
          <input required maxLength={120} {...field("name")} />
        </label>
        <label>
          Initials
          <input maxLength={3} size={3} {...field("initials")} placeholder={initialsOf(d.name || "")} />
        </label>
        <label>
          Colour
          <input type="color" {...field("color")} />
        </label>
      </div>
      <label>
        Photo URL
        <input {...field("photoUrl")} placeholder="upload, or https://… (optional)" />
      </label>
      <PhotoUpload onUploaded={(url) => setD((prev) => ({ ...prev, photoUrl: url }))} />
      <div className="two-col">
        <label>
          Age
          <input type="number" min={0} max={130} {...field("age")} />
        </label>
        <label>
          Tech-savviness (1–5)
          <select {...field("techSavviness")}>
            <option value="">—</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {TEXTS.map(([k, label]) => (
          <label key={k}>
            {label}
            <input {...field(k)} />
          </label>
        ))}
      </div>
      <label>
        Quote
        <textarea rows={2} {...field("quote")} />
      </label>
      <label>
        Background
        <textarea rows={3} {...field("background")} />
      </label>
      {LISTS.map(([k, label]) => (
        <label key={k}>
          {label} <span className="muted">(one per line)</span>
          <textarea rows={2} {...field(k)} />
        </label>
      ))}
      <fieldset className="channels">
        <legend>Preferred channels</legend>
        {ChannelSchema.options.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={channels.includes(c)}
              onChange={(e) =>
                setChannels(e.target.checked ? [...channels, c] : channels.filter((x) => x !== c))
              }
            />
            <ChannelIcon channel={c} /> {CHANNEL_ICONS[c].label}
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary">
          {persona ? "Save persona" : "Create and attach"}
        </button>
      </div>
    </form>
  );
}
