import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { boundedLines } from "./bounded-lines.ts";
import { MAX_RECORD_CHARS } from "./limits.ts";
import { readAllEvents } from "./read-log.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, body: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};
/** A field just over the record limit (the real constant, not a lowered one). */
const HUGE = "x".repeat(MAX_RECORD_CHARS + 10);
const ok = (n: number) => `{"case":"c${n}","activity":"a","timestamp":"2024-01-01T00:00:0${n}Z"}`;

describe("log readers bound every record before buffering it (finding 3)", () => {
  it("NDJSON: a line over the limit is a row error at its line, the other lines import", async () => {
    const p = file("big.ndjson", [ok(1), `{"case":"c2","activity":"${HUGE}"}`, ok(3)].join("\n"));
    const { events, report } = await readAllEvents(p, {}, { shown: "big.ndjson" });
    expect(events.map((e) => e.caseId)).toEqual(["c1", "c3"]);
    expect(report.errors).toEqual([
      { line: 2, reason: `the line is longer than the limit of ${MAX_RECORD_CHARS} characters` },
    ]);
  });

  it("CSV: a field over the limit stops the read with a located 413 naming the user's file", async () => {
    const p = file(
      "big.csv",
      `case,activity,timestamp\n1,a,2024-01-01T00:00:00Z\n2,"${HUGE}",2024-01-01T00:00:00Z\n`,
    );
    await expect(readAllEvents(p, {}, { shown: "mine.csv" })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/^mine\.csv: line 3: longer than the limit of 1048576 characters/),
    });
  });

  it("JSON array: an element over the limit stops with a located 413", async () => {
    const p = file("big.json", `[${ok(1)},{"case":"c2","activity":"${HUGE}"}]`);
    await expect(readAllEvents(p, {}, { shown: "big.json" })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/^big\.json: record 2: longer than the limit/),
    });
  });

  const xes = (value: string) =>
    `<?xml version="1.0"?>\n<log><trace><string key="concept:name" value="c1"/>\n<event><string key="concept:name" value="${value}"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event></trace></log>\n`;

  it("XES: an attribute value over the limit stops with a located 413", async () => {
    const p = file("big.xes", xes(HUGE));
    await expect(readAllEvents(p, {}, { shown: "big.xes" })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/^big\.xes: line \d+: an XML value or text: longer than the limit/),
    });
    expect((await readAllEvents(file("small.xes", xes("pay")))).events).toHaveLength(1);
  });

  it(".xes.gz: expanding past the cap stops with 413 (decompression bomb)", async () => {
    const body = xes("pay") + `<!--${" ".repeat(200_000)}-->`;
    const p = file("bomb.xes.gz", gzipSync(body));
    await expect(
      readAllEvents(p, {}, { shown: "bomb.xes.gz", limits: { expandedBytes: 100_000 } }),
    ).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringContaining("bomb.xes.gz: expands to more than the limit of 100000 bytes"),
    });
    expect((await readAllEvents(p, {}, { limits: { expandedBytes: 1_000_000 } })).events).toHaveLength(1);
  });

  it("refuses what is not a regular file at once (/dev/zero, a folder)", async () => {
    const t0 = performance.now();
    await expect(readAllEvents("/dev/zero")).rejects.toMatchObject({
      message: "/dev/zero: not a regular file",
    });
    await expect(readAllEvents(dir, { format: "json" })).rejects.toMatchObject({
      message: /not a regular file/,
    });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe("boundedLines", () => {
  async function* from(...chunks: string[]) {
    yield* chunks;
  }
  const all = async (it: AsyncIterable<unknown>) => {
    const out: unknown[] = [];
    for await (const x of it) out.push(x);
    return out;
  };
  it("splits across chunks, strips CR, and drops only the too-long line", async () => {
    expect(await all(boundedLines(from("ab\r\ncd", "ef\n", "x".repeat(5), "xx\nlast"), 4))).toEqual([
      { n: 1, text: "ab" },
      { n: 2, text: "cdef" },
      { n: 3, tooLong: true },
      { n: 4, text: "last" },
    ]);
    expect(await all(boundedLines(from("1234", "5"), 4))).toEqual([{ n: 1, tooLong: true }]);
  });
});
