import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/** The popover's controls a user can reach: displayed, enabled buttons, links and fields. */
function itemsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>("button, a[href], select, input, [tabindex='0']")].filter(
    (el) => !el.hasAttribute("disabled") && el.getClientRects().length > 0,
  );
}

/**
 * Tools that stay in the bar on wide screens and fold into a "More tools" popover on narrow ones
 * (the CSS in toolbar.css decides; the tools are rendered once). Keyboard: Enter/Space/↓ on the
 * button opens it with focus on the first tool, ↑/↓ Home/End move between tools, Escape or Tab
 * out closes it and Escape gives focus back to the button. A click outside closes it; choosing a
 * tool closes it (focus back on the button, so a dialog the tool opens returns focus there)
 * unless the tool opens a menu of its own.
 */
export function ToolbarOverflow({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const focusItem = (which: "first" | "last" | 1 | -1) => {
    const items = popover.current ? itemsOf(popover.current) : [];
    if (!items.length) return;
    const at = items.indexOf(document.activeElement as HTMLElement);
    const i =
      which === "first"
        ? 0
        : which === "last"
          ? items.length - 1
          : (Math.max(at, which === 1 ? -1 : 0) + which + items.length) % items.length;
    items[i]?.focus();
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);
  return (
    <div className="tb-overflow-root" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn tb-more"
        aria-label="More tools"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen((o) => !o);
          if (!open) requestAnimationFrame(() => focusItem("first"));
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            e.stopPropagation();
            close(true);
            return;
          }
          if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
          e.preventDefault();
          setOpen(true);
          requestAnimationFrame(() => focusItem(e.key === "ArrowDown" ? "first" : "last"));
        }}
      >
        ⋯
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: closes the popover around real buttons */}
      <div
        ref={popover}
        id={id}
        className={open ? "tb-overflow open" : "tb-overflow"}
        onBlur={(e) => {
          // Tabbing out of the popover closes it.
          if (open && e.relatedTarget && !root.current?.contains(e.relatedTarget as Node)) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (!open || (e.target as HTMLElement).closest("[role=menu]")) return;
          const move = { ArrowDown: 1, ArrowUp: -1, Home: "first", End: "last" } as const;
          const to = move[e.key as keyof typeof move];
          if (e.key === "Escape") {
            e.stopPropagation();
            close(true);
          } else if (to !== undefined && !(e.target as HTMLElement).matches("select, input")) {
            e.preventDefault();
            focusItem(to);
          }
        }}
        onClick={(e) => {
          const b = (e.target as HTMLElement).closest("button");
          if (b && !b.hasAttribute("aria-haspopup") && !b.closest("[role=menu]")) close(true);
        }}
      >
        {children}
      </div>
    </div>
  );
}
