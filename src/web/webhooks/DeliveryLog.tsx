import { useEffect, useState } from "react";
import type { DeliveryView } from "../../contract/webhooks.ts";
import { webhooksApi } from "../api/activity.ts";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");
/** How often the open log is re-read (ms): retries show up as they happen. */
const REFRESH_MS = 3000;

/** A webhook's last deliveries: status, HTTP code, duration, attempts and the next retry. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const [rows, setRows] = useState<DeliveryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      webhooksApi.deliveries(webhookId).then(
        (r) => setRows(r.deliveries),
        (e: Error) => setError(e.message),
      );
    void load();
    const t = setInterval(load, REFRESH_MS);
    return () => clearInterval(t);
  }, [webhookId]);
  if (error) return <p className="error">{error}</p>;
  if (!rows) return <p className="muted">Loading…</p>;
  if (rows.length === 0) return <p className="muted">No deliveries yet.</p>;
  return (
    <table className="delivery-log" aria-label="Deliveries">
      <thead>
        <tr>
          <th>Event</th>
          <th>Status</th>
          <th>Code</th>
          <th>Duration</th>
          <th>Attempts</th>
          <th>Next retry</th>
          <th>Queued</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} data-status={d.status}>
            <td>{d.eventType}</td>
            <td title={d.lastError ?? ""}>
              {d.status}
              {d.lastError ? ` (${d.lastError})` : ""}
            </td>
            <td>{d.lastCode ?? "—"}</td>
            <td>{d.lastDurationMs === null ? "—" : `${d.lastDurationMs} ms`}</td>
            <td>{d.attempts}</td>
            <td>{when(d.nextAttemptAt)}</td>
            <td>{when(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
