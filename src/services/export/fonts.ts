import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";

/**
 * The bundled fonts of every picture: Inter from `@fontsource/inter` (read from node_modules, never
 * from the system, so output is the same on every machine). Fontsource ships WOFF files split by
 * script; resvg reads only TrueType, so each WOFF is unpacked once into a TrueType file in a cache
 * folder. PDF embeds the same files.
 */
const require = createRequire(import.meta.url);
const FONTSOURCE = dirname(require.resolve("@fontsource/inter/package.json"));

/** Script subsets bundled, in the order a text is matched against them. */
export const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "vietnamese"] as const;
export type Subset = (typeof SUBSETS)[number];
const WEIGHTS = [400, 700] as const;

/** A TrueType font in the cache folder. */
export interface BundledFont {
  subset: Subset;
  weight: 400 | 700;
  /** Path of the TrueType file. */
  file: string;
  /** Name registered in PDF documents, e.g. `Inter-latin-Bold`. */
  pdfName: string;
}

/** Converts a WOFF 1.0 file into the TrueType/OpenType font it wraps. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF file");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + numTables * 16);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = head.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    head.writeUInt32BE(t.tag, at);
    head.writeUInt32BE(t.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...bodies]);
}

let cached: BundledFont[] | null = null;

/** Every bundled font as a TrueType file (unpacked on first use). */
export function bundledFonts(): BundledFont[] {
  if (cached) return cached;
  const version = (JSON.parse(readFileSync(join(FONTSOURCE, "package.json"), "utf8")) as { version: string })
    .version;
  const dir = join(tmpdir(), `wayline-fonts-inter-${version}`);
  mkdirSync(dir, { recursive: true });
  cached = SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => {
      const file = join(dir, `inter-${subset}-${weight}.ttf`);
      if (!existsSync(file)) {
        const woff = readFileSync(join(FONTSOURCE, "files", `inter-${subset}-${weight}-normal.woff`));
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, woffToSfnt(woff));
        renameSync(tmp, file);
      }
      return { subset, weight, file, pdfName: `Inter-${subset}${weight === 700 ? "-Bold" : ""}` };
    }),
  );
  return cached;
}

type Ranges = [number, number][];
let coverage: Map<Subset, Ranges> | null = null;

function subsetRanges(): Map<Subset, Ranges> {
  if (coverage) return coverage;
  const json = JSON.parse(readFileSync(join(FONTSOURCE, "unicode.json"), "utf8")) as Record<string, string>;
  coverage = new Map(
    SUBSETS.map((s) => [
      s,
      (json[s] ?? "").split(",").map((r) => {
        const [a = "0", b] = r.trim().replace(/^U\+/, "").split("-");
        return [Number.parseInt(a, 16), Number.parseInt(b ?? a, 16)] as [number, number];
      }),
    ]),
  );
  return coverage;
}

const covers = (ranges: Ranges, cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** The subset that covers the most characters of a text (the first subset on a tie). */
export function subsetFor(text: string): Subset {
  const map = subsetRanges();
  let best: Subset = "latin";
  let bestMissing = Number.POSITIVE_INFINITY;
  for (const s of SUBSETS) {
    const ranges = map.get(s) ?? [];
    let missing = 0;
    for (const ch of text) if (!covers(ranges, ch.codePointAt(0) ?? 0)) missing++;
    if (missing < bestMissing) {
      best = s;
      bestMissing = missing;
    }
    if (missing === 0) break;
  }
  return best;
}

/**
 * Fallback for symbols no Inter subset has (arrows →, ↔, ≥ …): KaTeX Main from node_modules when
 * installed, else DejaVu Sans from the system; null when neither is there (the glyph is then
 * missing in the picture, the text of a PDF still has the other characters).
 */
export function symbolFont(): { regular: string; bold: string } | null {
  if (symbols !== undefined) return symbols;
  const candidates: [string, string][] = [];
  try {
    const katex = dirname(require.resolve("katex/package.json"));
    candidates.push([
      join(katex, "dist/fonts/KaTeX_Main-Regular.ttf"),
      join(katex, "dist/fonts/KaTeX_Main-Bold.ttf"),
    ]);
  } catch {
    // katex is optional (it comes with mermaid, a development dependency)
  }
  candidates.push([
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  ]);
  const hit = candidates.find(([r, b]) => existsSync(r) && existsSync(b));
  symbols = hit ? { regular: hit[0], bold: hit[1] } : null;
  return symbols;
}
let symbols: { regular: string; bold: string } | null | undefined;

/** PDF family name of the symbol fallback. */
export const SYMBOL_FAMILY = "Symbols";

/** Splits a text into runs, each drawn with one PDF font: the best Inter subset, symbols apart. */
export function fontRuns(text: string): { text: string; family: string }[] {
  const line = subsetFor(text);
  const map = subsetRanges();
  const lineRanges = map.get(line) ?? [];
  const familyOf = (cp: number): string => {
    if (cp === 32 || covers(lineRanges, cp)) return `Inter-${line}`;
    const other = SUBSETS.find((s) => covers(map.get(s) ?? [], cp));
    if (other) return `Inter-${other}`;
    return symbolFont() ? SYMBOL_FAMILY : `Inter-${line}`;
  };
  const runs: { text: string; family: string }[] = [];
  for (const ch of text) {
    const family = familyOf(ch.codePointAt(0) ?? 0);
    const last = runs[runs.length - 1];
    if (last && last.family === family) last.text += ch;
    else runs.push({ text: ch, family });
  }
  return runs;
}
