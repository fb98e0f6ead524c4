/**
 * "Skip to the map": the first Tab stop of the editor, visible when focused. Moves focus to the
 * grid's current roving-tabindex item (or its first card or cell, or the grid itself).
 */
export function SkipToMap() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; the grid has no stable id to target, so focus moves in script
    <a
      href="#map-grid"
      className="skip-link"
      onClick={(e) => {
        e.preventDefault();
        const grid = document.querySelector<HTMLElement>('[role="grid"]');
        if (!grid) return;
        const target =
          grid.querySelector<HTMLElement>(
            '[role="gridcell"] [tabindex="0"], [role="gridcell"][tabindex="0"]',
          ) ??
          grid.querySelector<HTMLElement>('.card, [role="gridcell"] button, [role="gridcell"]') ??
          grid;
        if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea"))
          target.tabIndex = -1;
        target.focus();
      }}
    >
      Skip to the map
    </a>
  );
}
