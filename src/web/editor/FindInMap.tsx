import { ChevronDown, ChevronUp, Search, X } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { MapSession } from "../state/session.ts";
import {
  type FindEntry,
  type FindTarget,
  findEntries,
  findInMap,
  hitCountText,
  MAX_FIND_QUERY,
  stepHit,
} from "./find-in-map.ts";
import { useFindInMap } from "./find-in-map-store.ts";
import { useEditor, useSession } from "./session-context.ts";

/** How long a found element keeps its highlight (ms). */
const HIT_FLASH_MS = 1600;
/** Frames to wait for a pinned card to be drawn before falling back to its lane header. */
const DRAW_FRAMES = 5;

/** The drawn element that shows a hit (never a placeholder's stub). */
function elementOf(session: MapSession, t: FindTarget): HTMLElement | null {
  const q = (sel: string) => document.querySelector<HTMLElement>(sel);
  const laneHeader = (laneId: string) => {
    const i = session.store.getState().map.lanes.findIndex((l) => l.id === laneId);
    return i < 0 ? null : q(`.grid [role="rowheader"][data-nav="${i + 1}:0"]`);
  };
  switch (t.kind) {
    case "card":
      return q(`.grid .card[data-card-id="${CSS.escape(t.cardId)}"]`);
    case "stage": {
      const i = session.store.getState().map.stages.findIndex((s) => s.id === t.stageId);
      return i < 0 ? null : q(`.grid .stage-header[aria-colindex="${i + 2}"]`);
    }
    case "lane":
      return laneHeader(t.laneId);
    case "persona":
      return q(".persona-strip");
  }
}

/** Scrolls the element to the middle of the map and flashes it; the find box keeps the focus. */
function showHit(el: HTMLElement): void {
  el.scrollIntoView?.({ block: "center", inline: "center" });
  el.classList.remove("find-hit");
  void el.offsetWidth; // restart the animation when the same element is shown twice
  el.classList.add("find-hit");
  setTimeout(() => el.classList.remove("find-hit"), HIT_FLASH_MS);
}

/**
 * Brings a hit on screen. A card becomes the selected card, which pins its cell (useGridPins), so
 * the virtualised grid draws it wherever it is; once drawn it is scrolled into view.
 */
function reveal(session: MapSession, hit: FindEntry, shown: (el: HTMLElement | null) => void): void {
  const t = hit.target;
  if (t.kind === "card") session.store.setState({ selectedCardId: t.cardId });
  let frames = 0;
  const attempt = () => {
    const el = elementOf(session, t);
    if (el || frames++ >= DRAW_FRAMES) {
      // A card of a collapsed lane is never drawn: show its lane instead.
      const target =
        el ?? (t.kind === "card" ? elementOf(session, { kind: "lane", laneId: t.laneId }) : null);
      if (target) showHit(target);
      shown(target);
    } else requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/**
 * The "Find in map" bar (Ctrl+F / Cmd+F, or the toolbar's Find): searches the map model — card
 * text and fields, stage and lane names, personas — so off-screen cards of the virtualised grid
 * are found. Enter / ↓ next, Shift+Enter / ↑ previous; Escape closes and focuses the last hit
 * (or gives focus back to where it was).
 */
export function FindInMap() {
  const open = useFindInMap((s) => s.open);
  // Leaving the editor closes it (the next map opens without a stale search).
  useEffect(() => () => useFindInMap.getState().close(), []);
  return open ? <FindBar /> : null;
}

function FindBar() {
  const session = useSession();
  const map = useEditor((s) => s.map);
  const personas = useEditor((s) => s.personas);
  const asked = useFindInMap((s) => s.asked);
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const before = useRef<Element | null>(null);
  const last = useRef<HTMLElement | null>(null);
  const entries = useMemo(() => findEntries(map, personas), [map, personas]);
  const hits = useMemo(() => findInMap(entries, query), [entries, query]);
  const current = index >= 0 && index < hits.length ? index : -1;
  useEffect(() => {
    if (!before.current) before.current = document.activeElement;
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every request to open (asked) refocuses the box
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [asked]);
  const go = (i: number) => {
    const hit = hits[i];
    setIndex(i);
    if (hit)
      reveal(session, hit, (el) => {
        last.current = el;
      });
  };
  const step = (dir: 1 | -1) => go(stepHit(current, hits.length, dir));
  const close = () => {
    useFindInMap.getState().close();
    const back = last.current?.isConnected ? last.current : before.current;
    (back as HTMLElement | null)?.focus?.({ preventScroll: true });
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "Enter" || e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      step(e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey) ? -1 : 1);
    }
  };
  const count = hitCountText(current, hits.length, query);
  return (
    <search className="find-in-map" aria-label="Find in map">
      <Search size={16} aria-hidden="true" className="find-icon" />
      <input
        ref={input}
        type="search"
        aria-label="Find in map"
        placeholder="Find in map…"
        maxLength={MAX_FIND_QUERY}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(-1);
        }}
        onKeyDown={onKey}
        aria-describedby="find-in-map-count"
      />
      <output id="find-in-map-count" className="find-count" aria-live="polite">
        {count}
        {current >= 0 && hits[current] ? <span className="find-where"> · {hits[current].where}</span> : null}
      </output>
      <button
        type="button"
        className="btn ghost"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={hits.length === 0}
        onClick={() => step(-1)}
      >
        <ChevronUp size={16} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="btn ghost"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={hits.length === 0}
        onClick={() => step(1)}
      >
        <ChevronDown size={16} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="btn ghost"
        aria-label="Close find"
        title="Close (Escape)"
        onClick={close}
      >
        <X size={16} aria-hidden="true" />
      </button>
    </search>
  );
}
