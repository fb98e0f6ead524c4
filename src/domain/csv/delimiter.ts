/** Delimiters tried by detection, most common first (ties go to the earlier one). */
export const DELIMITER_CANDIDATES = [",", ";", "\t", "|"] as const;

/** Times `delimiter` occurs in `line` outside double quotes. */
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
 * The field delimiter of complete lines (header first): the candidate that occurs outside quotes
 * the same non-zero number of times as on the header on the most lines, then the one that splits
 * the header into more fields; `,` when no candidate occurs on the header.
 */
export function detectDelimiter(lines: readonly string[]): string {
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

/** Lines of a file's first bytes used for detection: no BOM, no blank lines, at most 20. */
export function sampleLines(sample: string, max = 20): string[] {
  const lines = sample
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, max + 1);
  // A sample read by bytes may end in the middle of a line: drop the last when others remain.
  if (lines.length > 2) lines.pop();
  return lines.slice(0, max);
}

/** The field delimiter of a file from its first bytes (see `detectDelimiter`). */
export function detectDelimiterInSample(sample: string): string {
  return detectDelimiter(sampleLines(sample));
}
