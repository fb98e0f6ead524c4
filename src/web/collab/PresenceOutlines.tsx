import type { Collaborator } from "../state/presence.ts";
import { textColorOn } from "../ui/contrast.ts";
import { usePresence } from "./usePresence.ts";

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A CSS string literal of untrusted text (quotes, backslashes and control characters escaped). */
function cssString(text: string): string {
  const clean = [...text.slice(0, 60)].filter((ch) => ch >= " " && ch !== "\u007f").join("");
  return `"${clean.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** CSS outlining each card someone else selected or types in, labelled with their name. */
export function presenceCss(others: readonly Collaborator[]): string {
  const rules: string[] = [];
  for (const o of others) {
    if (!o.cardId || !SAFE_ID.test(o.cardId)) continue;
    const sel = `.card[data-card-id="${o.cardId}"]`;
    const label = `${o.name}${o.typing ? " is typing" : ""}`;
    rules.push(
      `${sel}{outline:2px solid ${o.color};outline-offset:2px;position:relative}`,
      `${sel}::after{content:${cssString(label)};position:absolute;top:0;right:0;background:${o.color};color:${textColorOn(o.color)};font-size:10px;line-height:1.3;padding:0 4px;border-radius:0 0 0 4px;pointer-events:none;white-space:nowrap}`,
    );
  }
  return rules.join("\n");
}

/** Coloured outlines with names on the cards collaborators selected (pure CSS: survives scrolling and virtualisation). */
export function PresenceOutlines() {
  const others = usePresence((s) => s.others);
  const css = presenceCss(others);
  return css ? <style data-presence-outlines="">{css}</style> : null;
}
