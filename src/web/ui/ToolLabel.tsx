import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/**
 * A toolbar button's content: an SVG icon and its label. On narrower screens the bar shows the
 * icon only (toolbar.css hides the label visually); the label stays the button's accessible name.
 */
export function ToolLabel({ icon: Icon, children }: { icon: LucideIcon; children: ReactNode }) {
  return (
    <>
      <Icon aria-hidden="true" className="tb-icon" size={16} strokeWidth={2} />
      <span className="tb-label">{children}</span>
    </>
  );
}
