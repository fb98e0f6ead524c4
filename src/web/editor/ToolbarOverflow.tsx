import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * Tools that stay in the bar on wide screens and fold into a "More tools" popover on narrow ones
 * (the CSS in toolbar.css decides; the tools are rendered once). Escape or a click outside closes
 * the popover; choosing a tool closes it unless the tool opens a menu of its own.
 */
export function ToolbarOverflow({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
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
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: closes the popover around real buttons */}
      <div
        id={id}
        className={open ? "tb-overflow open" : "tb-overflow"}
        onKeyDown={(e) => {
          if (e.key !== "Escape" || !open) return;
          setOpen(false);
          button.current?.focus();
        }}
        onClick={(e) => {
          const b = (e.target as HTMLElement).closest("button");
          if (b && !b.hasAttribute("aria-haspopup") && !b.closest("[role=menu]")) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
