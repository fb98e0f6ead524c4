import { textColorOn } from "../ui/contrast.ts";
import "./collab.css";
import { usePresence, usePresenceStore } from "./usePresence.ts";

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
          <span
            className="presence-avatar"
            style={{ background: o.color, color: textColorOn(o.color) }}
            title={o.typing ? `${o.name} — typing` : o.name}
            role="img"
            aria-label={o.name}
            data-presence-name={o.name}
          >
            {initials(o.name)}
          </span>
        </li>
      ))}
    </ul>
  );
}
