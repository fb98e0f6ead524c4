import { statSync } from "node:fs";
import cliProgress from "cli-progress";

/**
 * Runs a load with an indeterminate progress bar on stderr, only when stderr is a TTY (so pipes
 * and CI logs stay clean). The bar shows elapsed time; loads report no byte offsets.
 */
export async function withProgress<T>(file: string, load: () => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) return load();
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // reported by the load itself
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `loading ${file} (${(size / 1e6).toFixed(1)} MB) {bar} {duration}s`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0);
  const timer = setInterval(() => bar.updateETA(), 500);
  try {
    const result = await load();
    bar.update(1);
    return result;
  } finally {
    clearInterval(timer);
    bar.stop();
  }
}
