import type { Persona } from "../../domain/index.ts";

/** A persona avatar: photo, or initials on the persona's colour. */
export function Avatar({ persona, size = 28 }: { persona: Pick<Persona, "name" | "avatar">; size?: number }) {
  const style = { width: size, height: size, fontSize: size * 0.4, background: persona.avatar.color };
  if (persona.avatar.photoUrl)
    return <img className="avatar" src={persona.avatar.photoUrl} alt={persona.name} style={style} />;
  return (
    <span className="avatar" style={style} title={persona.name} role="img" aria-label={persona.name}>
      {persona.avatar.initials}
    </span>
  );
}
