import { useState } from "react";
import type { WaylineEventType } from "../../services/events/events.ts";
import type { WebhookDraft } from "../api/activity.ts";

/** The form that adds a webhook: address, what for, body format and the events it receives. */
export function WebhookForm({
  labels,
  onCreate,
}: {
  labels: Record<WaylineEventType, string>;
  onCreate: (d: WebhookDraft) => Promise<unknown>;
}) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [format, setFormat] = useState<"json" | "slack">("json");
  const [events, setEvents] = useState<Set<WaylineEventType>>(new Set());
  const toggle = (e: WaylineEventType) =>
    setEvents((s) => {
      const n = new Set(s);
      if (n.has(e)) n.delete(e);
      else n.add(e);
      return n;
    });
  return (
    <form
      className="webhook-form"
      aria-label="Add a webhook"
      onSubmit={(ev) => {
        ev.preventDefault();
        void onCreate({ url, description, format, events: [...events] }).then(() => {
          setUrl("");
          setDescription("");
          setEvents(new Set());
        });
      }}
    >
      <h2>Add a webhook</h2>
      <label>
        <span>Payload URL</span>
        <input
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://example.com/hooks/wayline"
        />
      </label>
      <label>
        <span>Description</span>
        <input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        <span>Body</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as "json" | "slack")}>
          <option value="json">JSON (Wayline payload)</option>
          <option value="slack">Slack-compatible message</option>
        </select>
      </label>
      <fieldset className="webhook-events">
        <legend>Events</legend>
        {(Object.keys(labels) as WaylineEventType[]).map((e) => (
          <label key={e} className="check">
            <input type="checkbox" checked={events.has(e)} onChange={() => toggle(e)} />
            {labels[e]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn primary" disabled={!url || events.size === 0}>
        Add webhook
      </button>
    </form>
  );
}
