import { useState } from "react";
import type { Persona } from "../../domain/index.ts";

/**
 * A persona avatar: photo, or initials on the persona's colour. A photo the browser may not load
 * (remote images are off by default: the server's CSP allows only Wayline's own and `data:` images,
 * so nothing is fetched from the other site) falls back to the initials, titled with the photo's URL.
 */
export function Avatar({ persona, size = 28 }: { persona: Pick<Persona, "name" | "avatar">; size?: number }) {
  const [failed, setFailed] = useState<string | null>(null);
  const style = { width: size, height: size, fontSize: size * 0.4, background: persona.avatar.color };
  const url = persona.avatar.photoUrl;
  if (url && failed !== url)
    return (
      <img className="avatar" src={url} alt={persona.name} style={style} onError={() => setFailed(url)} />
    );
  const title = url ? `${persona.name} (photo not shown: ${url.slice(0, 200)})` : persona.name;
  return (
    <span className="avatar" style={style} title={title} role="img" aria-label={persona.name}>
      {persona.avatar.initials}
    </span>
  );
}
