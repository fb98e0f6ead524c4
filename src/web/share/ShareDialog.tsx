import { Copy, Link2, Share2, Trash2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { createPortal } from "react-dom";
import type { CreatedShareLink, ShareLinkInfo } from "../../contract/share.ts";
import type { ShareAccess } from "../../domain/share.ts";
import { useEditor } from "../editor/session-context.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { MapAccessSection } from "../workspace/MapAccessSection.tsx";
import { shareApi } from "./share-api.ts";
import "./share.css";

const ACCESS_LABEL: Record<ShareAccess, string> = {
  view: "Can view",
  comment: "Can comment",
  edit: "Can edit",
};

const when = (iso: string | null, none: string) => (iso ? new Date(iso).toLocaleString() : none);

/** The Share dialog: create view / comment / edit links (expiry, password), list and revoke them. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const mapId = useEditor((s) => s.map.id);
  const [links, setLinks] = useState<ShareLinkInfo[] | null>(null);
  const [access, setAccess] = useState<ShareAccess>("view");
  const [days, setDays] = useState("");
  const [password, setPassword] = useState("");
  const [made, setMade] = useState<CreatedShareLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () => shareApi.list(mapId).then(setLinks, (e: Error) => setError(e.message)),
    [mapId],
  );
  useEffect(() => {
    load();
  }, [load]);
  const create = async () => {
    setError(null);
    try {
      const created = await shareApi.create(mapId, {
        access,
        ...(days ? { days: Number(days) } : {}),
        ...(password ? { password } : {}),
      });
      setMade(created);
      setPassword("");
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const revoke = async (id: string) => {
    await shareApi.revoke(mapId, id).catch((e: Error) => setError(e.message));
    await load();
  };
  const url = (path: string) => `${window.location.origin}${path}`;
  return (
    <Dialog title="Share" onClose={onClose} wide>
      <div className="share-dialog">
        <form
          className="share-create"
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <label>
            Access{" "}
            <select value={access} onChange={(e) => setAccess(e.target.value as ShareAccess)}>
              {(Object.keys(ACCESS_LABEL) as ShareAccess[]).map((a) => (
                <option key={a} value={a}>
                  {ACCESS_LABEL[a]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Expires after{" "}
            <select value={days} onChange={(e) => setDays(e.target.value)}>
              <option value="">Never (until revoked)</option>
              <option value="1">1 day</option>
              <option value="7">7 days</option>
              <option value="30">30 days</option>
              <option value="90">90 days</option>
            </select>
          </label>
          <label>
            Password (optional){" "}
            <input
              type="password"
              value={password}
              minLength={8}
              maxLength={200}
              autoComplete="new-password"
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button type="submit" className="btn primary">
            <ToolLabel icon={Link2}>Create link</ToolLabel>
          </button>
        </form>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        {made ? <NewLink made={made} url={url} /> : null}
        <h3>Links of this map</h3>
        {links === null ? (
          <p className="muted">Loading…</p>
        ) : links.length === 0 ? (
          <p className="muted">No links yet.</p>
        ) : (
          <table className="share-links">
            <thead>
              <tr>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id} className={l.revokedAt ? "revoked" : undefined}>
                  <td>
                    {ACCESS_LABEL[l.access]}
                    {l.hasPassword ? " · password" : ""}
                  </td>
                  <td>{when(l.createdAt, "")}</td>
                  <td>{when(l.expiresAt, "Never")}</td>
                  <td>{when(l.lastUsedAt, "Never")}</td>
                  <td>
                    {l.revokedAt ? (
                      <span className="muted">Revoked</span>
                    ) : (
                      <button
                        type="button"
                        className="btn ghost"
                        onClick={() => revoke(l.id)}
                        aria-label={`Revoke ${ACCESS_LABEL[l.access].toLowerCase()} link created ${when(l.createdAt, "")}`}
                      >
                        <ToolLabel icon={Trash2}>Revoke</ToolLabel>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <MapAccessSection mapId={mapId} />
      </div>
    </Dialog>
  );
}

/** The link just created: shown once (only its hash is stored), with copy buttons. */
function NewLink({ made, url }: { made: CreatedShareLink; url: (p: string) => string }) {
  const link = url(made.path);
  const embed = `<iframe src="${url(made.embedPath)}" width="960" height="540" title="Journey map"></iframe>`;
  const copy = (text: string) => navigator.clipboard?.writeText(text).catch(() => {});
  return (
    <div className="share-new">
      <p>Copy the link now: it is shown only once.</p>
      <label>
        Link <input readOnly value={link} aria-label="Share link" onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" className="btn" onClick={() => copy(link)}>
        <ToolLabel icon={Copy}>Copy link</ToolLabel>
      </button>
      <label>
        Embed <input readOnly value={embed} aria-label="Embed code" onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" className="btn" onClick={() => copy(embed)}>
        <ToolLabel icon={Copy}>Copy embed code</ToolLabel>
      </button>
    </div>
  );
}

/** The toolbar's Share button (an icon button; opens the Share dialog). */
export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} title="Share by link or embed">
        <ToolLabel icon={Share2}>Share</ToolLabel>
      </button>
      {/* On the body: the button may sit in the "More tools" popover, which hides once a tool is chosen. */}
      {open ? createPortal(<ShareDialog onClose={() => setOpen(false)} />, document.body) : null}
    </>
  );
}
