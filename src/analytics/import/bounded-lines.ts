/** One line of a text stream, or the number of a line that was too long (its text dropped). */
export type BoundedLine = { n: number; text: string } | { n: number; tooLong: true };

/**
 * Splits a UTF-8 text stream into lines (`\n`, `\r\n`) holding at most `max` characters of one
 * line in memory: a longer line is skipped to its end and reported as `tooLong`, so one 300 MB
 * line costs a chunk, not 300 MB (node's readline buffers whole lines).
 */
export async function* boundedLines(chunks: AsyncIterable<string>, max: number): AsyncGenerator<BoundedLine> {
  let current = "";
  let skipping = false;
  let n = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf("\n", from); nl >= 0; nl = chunk.indexOf("\n", from)) {
      n++;
      const piece = chunk.slice(from, nl);
      if (skipping || current.length + piece.length > max) yield { n, tooLong: true };
      else yield { n, text: (current + piece).replace(/\r$/, "") };
      current = "";
      skipping = false;
      from = nl + 1;
    }
    if (!skipping) {
      current += chunk.slice(from);
      if (current.length > max) {
        skipping = true;
        current = "";
      }
    }
  }
  if (skipping) yield { n: n + 1, tooLong: true };
  else if (current !== "") yield { n: n + 1, text: current.replace(/\r$/, "") };
}
