/**
 * Breaks text into at most `maxLines` lines of at most `width` characters at word boundaries; the
 * last line ends with "…" when text is left over. Words longer than a line are split.
 */
export function wrapLines(text: string, width: number, maxLines: number): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => w.match(new RegExp(`.{1,${Math.max(1, width)}}`, "gu")) ?? []);
  const lines: string[] = [];
  for (const w of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + w.length <= width) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let end = kept[maxLines - 1] as string;
  if (end.length >= width)
    end = end.includes(" ") ? end.slice(0, end.lastIndexOf(" ")) : end.slice(0, width - 1);
  kept[maxLines - 1] = `${end}…`;
  return kept;
}
