/** Delimiters tried by detection, most common first (ties go to the earlier one). */
export const DELIMITER_CANDIDATES = [",", ";", "\t", "|"] as const;

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count++;
  }
  return count;
}

/**
 * Detects the field delimiter from the first lines of a file: the candidate that appears (outside
 * quotes) the same non-zero number of times on most lines, preferring higher counts.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.length > 0);
  // The last line of a sample may be cut; ignore it when there are others.
  if (lines.length > 2) lines.pop();
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length;
    const score = consistent * 1000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
