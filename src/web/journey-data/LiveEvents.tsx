import { useEffect, useState } from "react";
import type { NewWriteKey, WriteKeyInfo } from "../../contract/write-keys.ts";
import { writeKeysApi } from "../api/write-keys.ts";

/**
 * "Live events" of one log: its write key (created, rotated, revoked here; the key shown once)
 * and how to send Segment calls with it. `onRefresh` re-reads the log's statistics.
 */
export function LiveEvents({ logId, onRefresh }: { logId: string; onRefresh: () => void }) {
  const [key, setKey] = useState<WriteKeyInfo | null | undefined>(undefined);
  const [fresh, setFresh] = useState<NewWriteKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setKey(undefined);
    setFresh(null);
    writeKeysApi.get(logId).then(
      (r) => live && setKey(r.key),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [logId]);
  const act = (p: Promise<unknown>) => p.catch((e: Error) => setError(e.message));
  const create = () =>
    act(
      writeKeysApi.create(logId).then((k) => {
        setFresh(k);
        setKey(k);
        setError(null);
      }),
    );
  const revoke = () =>
    act(
      writeKeysApi.revoke(logId).then(() => {
        setFresh(null);
        setKey(null);
      }),
    );
  const origin = window.location.origin;
  return (
    <section className="live-events" aria-label="Live events">
      <h3>Live events</h3>
      <p className="muted">
        Send Segment <code>track</code>, <code>page</code>, <code>screen</code> and <code>batch</code> calls
        to <code>{origin}/v1/…</code> with this log's write key as the Basic-auth user name; they are appended
        within about a second.
      </p>
      {error ? <p className="error">{error}</p> : null}
      {key === undefined ? <p className="muted">Reading the write key…</p> : null}
      {key === null ? (
        <button type="button" className="btn" onClick={create}>
          Create write key
        </button>
      ) : null}
      {key ? (
        <div className="live-events-key">
          <p>
            Write key <code>{key.prefix}…</code> created {key.createdAt.slice(0, 10)} by {key.createdBy}
          </p>
          <button type="button" className="btn" onClick={create}>
            Rotate key
          </button>{" "}
          <button type="button" className="btn" onClick={revoke}>
            Revoke key
          </button>{" "}
          <button type="button" className="btn" onClick={onRefresh}>
            Refresh statistics
          </button>
        </div>
      ) : null}
      {fresh ? (
        <div className="live-events-new" role="status">
          <p>Copy the key now: it is not shown again.</p>
          <output aria-label="New write key">
            <code>{fresh.key}</code>
          </output>
          <pre>{`curl -u '${fresh.key}:' -H 'content-type: application/json' ${origin}/v1/track \\\n  -d '{"userId":"u1","event":"Signed Up"}'`}</pre>
        </div>
      ) : null}
    </section>
  );
}
