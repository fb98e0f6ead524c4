import { Eye, MessageSquare, Pencil } from "lucide-react";
import { useEffect, useState } from "react";
import type { ShareInfo } from "../../contract/share.ts";
import { MapPicture } from "../../render/MapPicture.tsx";
import { api } from "../api/client.ts";
import { ApiError } from "../api/request.ts";
import { EditorPage } from "../editor/EditorPage.tsx";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { SharedView } from "./SharedView.tsx";
import { shareApi } from "./share-api.ts";
import { rememberedGuestName, rememberGuestName, setShareCredential } from "./share-session.ts";
import "./share.css";

type Step =
  | { kind: "loading" }
  | { kind: "gone"; message: string }
  | { kind: "password"; info: ShareInfo; error?: string }
  | { kind: "name"; info: ShareInfo; mapId: string; grant?: string }
  | { kind: "open"; info: ShareInfo; mapId: string };

const GONE = "This link is unknown, revoked or expired. Ask the person who shared it for a new one.";

/** Reads a link's info; 404 means the link is gone. */
async function readInfo(token: string): Promise<Step> {
  try {
    const info = await shareApi.info(token);
    return info.needsPassword || !info.mapId
      ? { kind: "password", info }
      : { kind: "name", info, mapId: info.mapId };
  } catch (e) {
    return { kind: "gone", message: e instanceof ApiError && e.status === 404 ? GONE : (e as Error).message };
  }
}

/**
 * `/s/<token>`: a shared map without an account. Asks the password (when the link has one) and a
 * guest name (shown to the others in presence), then shows the map: the live editor for edit
 * links, the read-only live picture for view and comment links.
 */
export function SharePage({ token }: { token: string }) {
  const [step, setStep] = useState<Step>({ kind: "loading" });
  useEffect(() => {
    readInfo(token).then(setStep);
  }, [token]);
  if (step.kind === "loading") return <p className="muted share-gate">Opening the shared map…</p>;
  if (step.kind === "gone") return <p className="error share-gate">{step.message}</p>;
  if (step.kind === "password")
    return (
      <PasswordForm
        error={step.error}
        onSubmit={async (password) => {
          try {
            const g = await shareApi.unlock(token, password);
            setStep({ kind: "name", info: step.info, mapId: g.mapId, grant: g.grant });
          } catch (e) {
            setStep({ ...step, error: (e as Error).message });
          }
        }}
      />
    );
  if (step.kind === "name")
    return (
      <GuestNameForm
        access={step.info.access}
        onSubmit={(guest) => {
          rememberGuestName(guest);
          setShareCredential({ token, guest, ...(step.grant ? { grant: step.grant } : {}) });
          setStep({ kind: "open", info: step.info, mapId: step.mapId });
        }}
      />
    );
  if (step.info.access === "edit") return <EditorPage mapId={step.mapId} />;
  return (
    <main className="share-page">
      <p className="muted">
        <ToolLabel icon={step.info.access === "view" ? Eye : MessageSquare}>
          {step.info.access === "view" ? "Shared with you to view" : "Shared with you to view and comment"}
        </ToolLabel>
      </p>
      <SharedView mapId={step.mapId} />
    </main>
  );
}

function PasswordForm({ error, onSubmit }: { error?: string | undefined; onSubmit: (p: string) => void }) {
  const [password, setPassword] = useState("");
  return (
    <form
      className="share-gate"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(password);
      }}
    >
      <h1>This shared map is protected</h1>
      <label>
        Password
        <input type="password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn primary">
        Open the map
      </button>
    </form>
  );
}

function GuestNameForm({
  access,
  onSubmit,
}: {
  access: ShareInfo["access"];
  onSubmit: (name: string) => void;
}) {
  const [name, setName] = useState(() => rememberedGuestName().replace(/^Guest \d+$/, ""));
  return (
    <form
      className="share-gate"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(name.trim());
      }}
    >
      <h1>A journey map was shared with you</h1>
      <p>
        {access === "edit" ? (
          <ToolLabel icon={Pencil}>You can edit it together with the team.</ToolLabel>
        ) : access === "comment" ? (
          <ToolLabel icon={MessageSquare}>You can view it and comment.</ToolLabel>
        ) : (
          <ToolLabel icon={Eye}>You can view it.</ToolLabel>
        )}
      </p>
      <label>
        Your name (shown to the others)
        <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="btn primary">
        Continue
      </button>
    </form>
  );
}

/**
 * `/embed/<token>`: the read-only picture of a shared map, for an iframe on another site (the
 * server relaxes frame-ancestors for `/embed` only). Password-protected links are not embeddable.
 */
export function EmbedPage({ token }: { token: string }) {
  const [state, setState] = useState<
    | { kind: "loading" }
    | { kind: "error"; message: string }
    | { kind: "ok"; view: Awaited<ReturnType<typeof api.getJourney>> }
  >({ kind: "loading" });
  useEffect(() => {
    (async () => {
      const step = await readInfo(token);
      if (step.kind === "gone") return setState({ kind: "error", message: step.message });
      if (step.kind !== "name")
        return setState({
          kind: "error",
          message: "This map is password-protected: open the link to view it.",
        });
      setShareCredential({ token });
      setState({ kind: "ok", view: await api.getJourney(step.mapId) });
    })().catch((e: Error) => setState({ kind: "error", message: e.message }));
  }, [token]);
  if (state.kind === "loading") return <p className="muted">Loading map…</p>;
  if (state.kind === "error") return <p className="error">{state.message}</p>;
  const { personas, version: _v, ...map } = state.view;
  return (
    <main className="embed-page">
      <MapPicture map={map as never} personas={personas} theme="light" />
    </main>
  );
}
