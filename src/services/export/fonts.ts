import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";
import { cmapCodePoints } from "./cmap.ts";

/**
 * The bundled fonts of every picture, read from node_modules, never from the system, so output is
 * the same on every machine: Inter (`@fontsource/inter`, split by script), and for the characters
 * no Inter subset has, Noto Sans Math (arrows, math operators: → ↔ ≥ ≠ ∞) and Noto Sans Symbols 2
 * (dingbats and shapes: ✓ ✗ ★ ⚠ ●). Fontsource ships WOFF files; resvg reads only TrueType, so each
 * WOFF is unpacked once into a TrueType file in a cache folder. PDF embeds the same files.
 */
const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const FONTSOURCE = pkgDir("@fontsource/inter");

/** Script subsets bundled, in the order a text is matched against them. */
export const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "vietnamese"] as const;
export type Subset = (typeof SUBSETS)[number];
const WEIGHTS = [400, 700] as const;

/** A TrueType font in the cache folder. */
export interface BundledFont {
  /** Font family inside the file (what SVG `font-family` names for resvg), e.g. `Inter`. */
  family: string;
  /** Name of the face without weight, e.g. `Inter-latin`, `NotoMath` (PDF font names build on it). */
  face: string;
  weight: 400 | 700;
  /** Path of the TrueType file. */
  file: string;
  /** Name registered in PDF documents, e.g. `Inter-latin-Bold`. */
  pdfName: string;
  /** WOFF2 file of the same face (embedded in SVG files). */
  woff2: string;
  /** CSS unicode-range of the face (Inter's subsets), or undefined for the whole font. */
  unicodeRange?: string;
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

/** Where a bundled face comes from. */
interface FaceSource {
  family: string;
  face: string;
  dir: string;
  /** File name stem, e.g. `inter-latin` (→ `inter-latin-400-normal.woff`). */
  stem: string;
  weights: readonly (400 | 700)[];
  unicodeRange?: string;
}

function faceSources(): FaceSource[] {
  const ranges = JSON.parse(readFileSync(join(FONTSOURCE, "unicode.json"), "utf8")) as Record<string, string>;
  return [
    ...SUBSETS.map(
      (subset): FaceSource => ({
        family: "Inter",
        face: `Inter-${subset}`,
        dir: FONTSOURCE,
        stem: `inter-${subset}`,
        weights: WEIGHTS,
        ...(ranges[subset] ? { unicodeRange: ranges[subset] } : {}),
      }),
    ),
    {
      family: "Noto Sans Math",
      face: "NotoMath",
      dir: pkgDir("@fontsource/noto-sans-math"),
      stem: "noto-sans-math-latin",
      weights: [400],
    },
    {
      family: "Noto Sans Symbols 2",
      face: "NotoSymbols2",
      dir: pkgDir("@fontsource/noto-sans-symbols-2"),
      stem: "noto-sans-symbols-2-symbols",
      weights: [400],
    },
  ];
}

/** A bundled face (all its weights) and the characters it draws. */
interface Face {
  family: string;
  face: string;
  chars: Set<number>;
  fonts: BundledFont[];
}

let faces: Face[] | null = null;

/** Every bundled face, Inter's subsets first, each with its TrueType files (unpacked on first use). */
function bundledFaces(): Face[] {
  if (faces) return faces;
  const dir = join(tmpdir(), "wayline-fonts-v2");
  mkdirSync(dir, { recursive: true });
  faces = faceSources().map((src) => {
    const version = (JSON.parse(readFileSync(join(src.dir, "package.json"), "utf8")) as { version: string })
      .version;
    let chars: Set<number> | null = null;
    const fonts = src.weights.map((weight): BundledFont => {
      const file = join(dir, `${src.stem}-${version}-${weight}.ttf`);
      if (!existsSync(file)) {
        const woff = readFileSync(join(src.dir, "files", `${src.stem}-${weight}-normal.woff`));
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, woffToSfnt(woff));
        renameSync(tmp, file);
      }
      if (!chars) chars = cmapCodePoints(readFileSync(file));
      return {
        family: src.family,
        face: src.face,
        weight,
        file,
        pdfName: weight === 700 ? `${src.face}-Bold` : src.face,
        woff2: join(src.dir, "files", `${src.stem}-${weight}-normal.woff2`),
        ...(src.unicodeRange ? { unicodeRange: src.unicodeRange } : {}),
      };
    });
    return { family: src.family, face: src.face, chars: chars ?? new Set<number>(), fonts };
  });
  return faces;
}

/** Every bundled font file (each face in each weight it has). */
export function bundledFonts(): BundledFont[] {
  return bundledFaces().flatMap((f) => f.fonts);
}

/** The Inter subset that covers the most characters of a text (the first subset on a tie). */
export function subsetFor(text: string): Subset {
  const inter = bundledFaces().slice(0, SUBSETS.length);
  let best = 0;
  let bestMissing = Number.POSITIVE_INFINITY;
  inter.forEach((f, i) => {
    if (bestMissing === 0) return;
    let missing = 0;
    for (const ch of text) if (!f.chars.has(ch.codePointAt(0) ?? 0)) missing++;
    if (missing < bestMissing) {
      best = i;
      bestMissing = missing;
    }
  });
  return SUBSETS[best] ?? "latin";
}

/** How a run names its font: `pdf` the registered PDF face (`Inter-latin`), `css` the family in the file (`Inter`). */
export type FontNaming = "pdf" | "css";

/**
 * Splits a text into runs each drawn with one bundled face: the Inter subset that suits the line,
 * another Inter subset, Noto Sans Math, Noto Sans Symbols 2, in that order, for each character.
 * Characters none has stay in the line's face (drawn as a missing glyph, never in a system font).
 */
export function fontRuns(text: string, naming: FontNaming = "pdf"): { text: string; family: string }[] {
  const all = bundledFaces();
  const line = all[SUBSETS.indexOf(subsetFor(text))] ?? (all[0] as Face);
  const name = (f: Face) => (naming === "pdf" ? f.face : f.family.includes(" ") ? `'${f.family}'` : f.family);
  const runs: { text: string; family: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const face = cp === 32 || line.chars.has(cp) ? line : (all.find((f) => f.chars.has(cp)) ?? line);
    const family = name(face);
    const last = runs[runs.length - 1];
    if (last && last.family === family) last.text += ch;
    else runs.push({ text: ch, family });
  }
  return runs;
}

/** The bundled faces a text needs (for embedding in an SVG file). */
export function facesFor(text: string): BundledFont[] {
  const all = bundledFaces();
  const needed = new Set<Face>([all[0] as Face]);
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x100 || seen.has(cp)) continue;
    seen.add(cp);
    const face = all.find((f) => f.chars.has(cp));
    if (face) needed.add(face);
  }
  return [...needed].flatMap((f) => f.fonts);
}
