import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { WaylineError } from "../../domain/index.ts";

/** Longest line a backup may hold (a row or a chunk); a longer one is a damaged file. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

/** Writes JSON lines through gzip into a file, respecting back-pressure. */
export class LineWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly out: ReturnType<typeof createWriteStream>;
  private readonly finished: Promise<void>;

  constructor(path: string) {
    this.out = createWriteStream(path, { flags: "wx", mode: 0o600 });
    this.gzip.pipe(this.out);
    this.finished = new Promise((resolve, reject) => {
      this.out.on("finish", () => resolve());
      this.out.on("error", reject);
      this.gzip.on("error", reject);
    });
    this.finished.catch(() => {});
  }

  /** Writes one record as a line. */
  async write(record: unknown): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(record)}\n`))
      await new Promise<void>((resolve) => this.gzip.once("drain", () => resolve()));
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    this.gzip.end();
    await this.finished;
  }

  /** Stops writing (the caller removes the file). */
  destroy(): void {
    this.gzip.destroy();
    this.out.destroy();
  }
}

/** The JSON lines of a gzip file, each parsed, with its 1-based line number; errors name the file and line. */
export async function* readLines(
  path: string,
  shown: string,
): AsyncGenerator<{ line: number; value: unknown }> {
  const input = createReadStream(path);
  const gunzip = createGunzip();
  const failed = new Promise<never>((_, reject) => {
    const fail = (e: Error) =>
      reject(new WaylineError("invalid_request", `${shown}: not a Wayline backup (gzip: ${e.message})`));
    input.on("error", (e) => reject(new WaylineError("invalid_request", `${shown}: ${e.message}`)));
    gunzip.on("error", fail);
  });
  failed.catch(() => {});
  const rl = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  const it = rl[Symbol.asyncIterator]();
  let line = 0;
  try {
    for (;;) {
      const next = await Promise.race([it.next(), failed]);
      if (next.done) break;
      line++;
      const text = next.value as string;
      if (text.length > MAX_LINE_CHARS)
        throw new WaylineError(
          "invalid_request",
          `${shown}: line ${line}: longer than ${MAX_LINE_CHARS} characters`,
        );
      try {
        yield { line, value: JSON.parse(text) };
      } catch (e) {
        if (e instanceof SyntaxError)
          throw new WaylineError("invalid_request", `${shown}: line ${line}: not JSON (${e.message})`);
        throw e;
      }
    }
  } finally {
    rl.close();
    input.destroy();
  }
}
