/**
 * Text of a fixed-width table cell: one line with an ellipsis when too long; the whole text on
 * hover (title) and on keyboard focus (the cell wraps), and always as its accessible name.
 */
export function CellText({ text }: { text: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users focus a cut name to read it whole
    <span className="cell-text" title={text} tabIndex={0}>
      {text}
    </span>
  );
}
