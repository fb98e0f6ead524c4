import { useCallback, useEffect, useState } from "react";
import type { WebhookView } from "../../contract/webhooks.ts";
import type { WaylineEventType } from "../../services/events/events.ts";
import { webhooksApi } from "../api/activity.ts";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { DeliveryLog } from "./DeliveryLog.tsx";
import { WebhookForm } from "./WebhookForm.tsx";
import "./webhooks.css";

/** Workspace settings › Webhooks (`/workspace/webhooks`, admins): add, test, pause, delete, see deliveries. */
export function WebhooksPage() {
  const [hooks, setHooks] = useState<WebhookView[] | null>(null);
  const [labels, setLabels] = useState<Record<WaylineEventType, string> | null>(null);
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      webhooksApi.list().then(
        (r) => {
          setHooks(r.webhooks);
          setLabels(r.eventTypes);
        },
        (e: Error) => setError(e.message),
      ),
    [],
  );
  useEffect(() => {
    document.title = "Webhooks — Wayline";
    void reload();
  }, [reload]);
  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="home webhooks-page">
      <header className="topbar">
        <HomeLink />
        <span className="topbar-title">Webhooks</span>
        <span className="spacer" />
        <ThemeButton />
      </header>
      <main className="home-main">
        <h1>Webhooks</h1>
        <p className="muted">
          Wayline POSTs the events you choose to these addresses, signed with the webhook's secret (header
          X-Wayline-Signature).
        </p>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        {secret ? (
          <div className="webhook-secret" role="status">
            <p>
              The signing secret — shown once; copy it into your receiver now:
              <code className="secret-value">{secret.secret}</code>
            </p>
            <button type="button" className="btn" onClick={() => setSecret(null)}>
              I have copied it
            </button>
          </div>
        ) : null}
        {labels ? (
          <WebhookForm
            labels={labels}
            onCreate={(d) =>
              act(async () => {
                const created = await webhooksApi.create(d);
                setSecret({ id: created.webhook.id, secret: created.secret });
              })
            }
          />
        ) : null}
        <ul className="webhook-list" aria-label="Webhooks">
          {(hooks ?? []).map((h) => (
            <li key={h.id} className="webhook">
              <div className="webhook-head">
                <strong className="webhook-url">{h.url}</strong>
                {h.description ? <span className="muted"> — {h.description}</span> : null}
                <span className="muted">
                  {" "}
                  · {h.format === "slack" ? "Slack message" : "JSON"} · {h.enabled ? "active" : "paused"}
                </span>
              </div>
              <p className="muted">{h.events.map((e) => labels?.[e as WaylineEventType] ?? e).join(", ")}</p>
              <div className="webhook-actions">
                <button
                  type="button"
                  className="btn"
                  onClick={() => act(() => webhooksApi.test(h.id).then(() => setLogOf(h.id)))}
                >
                  Send test
                </button>
                <button type="button" className="btn" onClick={() => setLogOf(logOf === h.id ? null : h.id)}>
                  {logOf === h.id ? "Hide deliveries" : "Deliveries"}
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() => act(() => webhooksApi.update(h.id, { enabled: !h.enabled }))}
                >
                  {h.enabled ? "Pause" : "Resume"}
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() =>
                    act(async () => {
                      const r = await webhooksApi.rotate(h.id);
                      setSecret({ id: h.id, secret: r.secret });
                    })
                  }
                >
                  New secret
                </button>
                <button
                  type="button"
                  className="btn danger"
                  onClick={() =>
                    window.confirm(`Delete the webhook to ${h.url}?`) && act(() => webhooksApi.remove(h.id))
                  }
                >
                  Delete
                </button>
              </div>
              {logOf === h.id ? <DeliveryLog webhookId={h.id} /> : null}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
