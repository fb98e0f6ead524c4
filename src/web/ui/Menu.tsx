import { type ReactNode, useEffect, useRef, useState } from "react";

/** One menu entry. */
export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
}

/**
 * A "⋯" button opening a small menu; closes on selection, Escape or outside click. Opening moves
 * focus to the first item, ↑/↓ move between items, Escape returns focus to the button.
 */
export function Menu({
  label,
  items,
  icon = "⋯",
  className,
  tabIndex,
}: {
  label: string;
  items: MenuItem[];
  icon?: ReactNode;
  /** Extra class of the anchor (e.g. editing chrome shown on hover). */
  className?: string;
  /** Tab index of the button (-1 inside a roving-tabindex grid). */
  tabIndex?: number;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);
  const onMenuKey = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === "Escape" || e.key === "Tab") {
      if (e.key === "Escape") e.preventDefault();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const list = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next = list[(at + (e.key === "ArrowDown" ? 1 : list.length - 1)) % list.length];
    next?.focus();
  };
  return (
    <div className={className ? `menu-anchor ${className}` : "menu-anchor"} ref={ref}>
      <button
        ref={button}
        type="button"
        className="btn icon"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        tabIndex={tabIndex}
        onClick={() => setOpen(!open)}
      >
        {icon}
      </button>
      {open ? (
        <div className="menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items.map((it) => (
            <button
              key={it.label}
              type="button"
              role="menuitem"
              disabled={it.disabled}
              className={it.danger ? "menu-item danger" : "menu-item"}
              onClick={() => {
                setOpen(false);
                button.current?.focus();
                it.onSelect();
              }}
            >
              {it.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
