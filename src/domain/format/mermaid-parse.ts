import type { Problem } from "../errors.ts";

/** One task line of a Mermaid `journey`: `Name: score: actor, actor`. */
export interface MermaidTask {
  /** Task name, trimmed. */
  name: string;
  /** Score as written (Mermaid's scale is 1–5; null when not a number). */
  score: number | null;
  /** Actors, trimmed, empties dropped. */
  actors: string[];
  /** 1-based line number in the file. */
  line: number;
}

/** A section with its tasks; `name` is null for tasks written before the first section. */
export interface MermaidSection {
  /** Section name, or null for the implicit section before the first `section` line. */
  name: string | null;
  /** Tasks in file order. */
  tasks: MermaidTask[];
  /** 1-based line number of the `section` line (0 for the implicit section). */
  line: number;
}

/** A parsed Mermaid journey. */
export interface MermaidJourney {
  /** Title from the `title` line or the front matter. */
  title: string | null;
  /** Sections in file order (repeated names stay separate sections, as Mermaid draws them). */
  sections: MermaidSection[];
  /** Text of every `%% wayline:` line, in order. */
  wayline: { text: string; line: number }[];
  /** Non-fatal quirks met (e.g. a missing score). */
  warnings: Problem[];
  /** Lines Mermaid itself would reject. */
  problems: Problem[];
}

const at = (line: number) => `line ${line}`;

/** Removes front matter (`---` … `---` at the top) and returns its `title:` if any. */
function frontMatter(lines: string[]): { start: number; title: string | null } {
  let first = 0;
  while (first < lines.length && (lines[first] ?? "").trim() === "") first++;
  if ((lines[first] ?? "").trim() !== "---") return { start: 0, title: null };
  for (let i = first + 1; i < lines.length; i++) {
    if ((lines[i] ?? "").trim() !== "---") continue;
    const title = lines
      .slice(first + 1, i)
      .map((l) => /^title:\s*(.+)$/.exec(l.trim())?.[1])
      .find(Boolean);
    return { start: i + 1, title: title ? title.replace(/^["']|["']$/g, "").trim() : null };
  }
  return { start: 0, title: null };
}

/** Strips a `#` comment (Mermaid's journey lexer skips `#` to the end of the line). */
function uncomment(line: string): string {
  const i = line.indexOf("#");
  return i < 0 ? line : line.slice(0, i);
}

function parseTask(text: string, line: number, out: MermaidJourney): MermaidTask | null {
  const colon = text.indexOf(":");
  if (colon < 0) {
    out.problems.push({ path: at(line), message: `expected "task: score: actors", got "${text.trim()}"` });
    return null;
  }
  const name = text.slice(0, colon).trim();
  const [scoreText = "", ...rest] = text.slice(colon + 1).split(":");
  const actors = rest
    .join(":")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const n = Number(scoreText.trim());
  const score = scoreText.trim() !== "" && Number.isFinite(n) ? n : null;
  if (score === null)
    out.warnings.push({
      path: at(line),
      message: `task "${name}" has no numeric score; no emotion point made`,
    });
  if (name === "") out.problems.push({ path: at(line), message: "task without a name" });
  return { name, score, actors, line };
}

/** Parses a Mermaid `journey` diagram with every real-world quirk of PRODUCT.md §6. */
export function parseMermaidJourney(text: string): MermaidJourney {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const fm = frontMatter(lines);
  const out: MermaidJourney = { title: fm.title, sections: [], wayline: [], warnings: [], problems: [] };
  let seenHeader = false;
  let current: MermaidSection | null = null;
  for (let i = fm.start; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const n = i + 1;
    if (raw.includes("\u0000")) {
      out.problems.push({ path: at(n), message: "must not contain NUL (U+0000) characters" });
      continue;
    }
    const trimmed = raw.trim();
    const wl = /^%%\s*wayline:\s?(.*)$/.exec(trimmed);
    if (wl) {
      out.wayline.push({ text: wl[1] ?? "", line: n });
      continue;
    }
    if (trimmed.startsWith("%%")) continue;
    const body = uncomment(raw).trim();
    if (body === "") continue;
    if (!seenHeader) {
      if (body !== "journey") {
        out.problems.push({ path: at(n), message: `expected "journey", got "${body}"` });
        return out;
      }
      seenHeader = true;
      continue;
    }
    const title = /^title(?:\s+(.*))?$/.exec(body);
    if (title) {
      out.title = (title[1] ?? "").replace(/\s+/g, " ").trim() || out.title;
      continue;
    }
    if (/^acc(Title|Descr)\b/.test(body)) continue;
    const section = /^section(?:\s+(.*))?$/.exec(body);
    if (section) {
      current = { name: (section[1] ?? "").trim(), tasks: [], line: n };
      out.sections.push(current);
      continue;
    }
    const task = parseTask(body, n, out);
    if (!task) continue;
    if (!current) {
      current = { name: null, tasks: [], line: 0 };
      out.sections.push(current);
      out.warnings.push({ path: at(n), message: "task before the first section; kept without a phase" });
    }
    current.tasks.push(task);
  }
  if (!seenHeader) out.problems.push({ path: at(1), message: 'no "journey" line: not a Mermaid journey' });
  return out;
}
