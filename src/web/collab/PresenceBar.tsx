import { Eye, EyeOff } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { Collaborator } from "../state/presence.ts";
import { textColorOn } from "../ui/contrast.ts";
import "./collab.css";
import { usePresence, usePresenceStore } from "./usePresence.ts";
import { useFollow } from "./useViewportSync.ts";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("") || "?";

/** Toolbar avatars: me (click to change my name) and everyone else on this map, in their colours. */
export function PresenceBar() {
  const store = usePresenceStore();
  const me = usePresence((s) => s.me);
  const others = usePresence((s) => s.others);
  if (!store) return null;
  const rename = () => {
    const name = window.prompt("Your name, as others see it", me.name);
    if (name) store.rename(name);
  };
  return (
    <ul className="presence-bar" aria-label="People on this map">
      <li>
        <button
          type="button"
          className="presence-avatar me"
          style={{ background: me.color, color: textColorOn(me.color) }}
          title={`${me.name} (you) — click to change your name`}
          onClick={rename}
        >
          {initials(me.name)}
        </button>
      </li>
      {others.map((o) => (
        <li key={o.clientId}>
          <CollaboratorAvatar person={o} />
        </li>
      ))}
    </ul>
  );
}

/** A collaborator's avatar: opens a small menu with their name and Follow / Stop following. */
function CollaboratorAvatar({ person }: { person: Collaborator }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { leader, follow } = useFollow();
  const followed = leader?.clientId === person.clientId;
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !root.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  const choose = () => {
    follow(followed ? null : person.clientId);
    setOpen(false);
  };
  return (
    <div className="presence-person" ref={root}>
      <button
        type="button"
        className={`presence-avatar${followed ? " followed" : ""}`}
        style={{ background: person.color, color: textColorOn(person.color) }}
        title={person.typing ? `${person.name} — typing` : person.name}
        aria-label={person.name}
        aria-expanded={open}
        data-presence-name={person.name}
        onClick={() => setOpen(!open)}
      >
        {initials(person.name)}
      </button>
      {open ? (
        <div className="presence-menu">
          <div className="presence-menu-name">
            {person.name}
            {person.typing ? <span className="muted"> — typing</span> : null}
          </div>
          <button type="button" className="btn" onClick={choose} disabled={!followed && !person.view}>
            {followed ? <EyeOff size={14} aria-hidden="true" /> : <Eye size={14} aria-hidden="true" />}
            {followed ? "Stop following" : "Follow"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
