import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";

// The reading options as a user types them: the real bin/wayline.js in a child process.

const dir = mkdtempSync(join(tmpdir(), "wayline-read-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const samples = fileURLToPath(new URL("../../analytics/import/samples/", import.meta.url));
const cli = (...args: string[]) => runWayline(args, { cwd: dir });
const stats = async (...args: string[]) => {
  const r = await cli("log", "stats", ...args, "--engine", "reference");
  expect(r.code, r.stderr).toBe(0);
  return r;
};

const event = (activity: string, time: string, transition: string) =>
  `<event><string key="concept:name" value="${activity}"/><string key="org:resource" value="R${activity}"/>` +
  `<string key="lifecycle:transition" value="${transition}"/><date key="time:timestamp" value="${time}"/></event>`;
const xes = write(
  "loan.xes",
  `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
<classifier name="Activity" keys="concept:name"/>
<classifier name="Resource classifier" keys="org:resource"/>
<trace><string key="concept:name" value="c1"/>
${event("A", "2024-01-01T10:00:00Z", "start")}${event("A", "2024-01-01T10:05:00Z", "complete")}${event("B", "2024-01-01T11:00:00Z", "complete")}
</trace>
<trace><string key="concept:name" value="c2"/>
${event("A", "2024-01-02T10:00:00Z", "start")}${event("A", "2024-01-02T10:30:00Z", "complete")}
</trace>
</log>
`,
);

describe("wayline log: reading options (child process)", () => {
  it("--timestamp-format reads dates the file cannot decide, and says so", async () => {
    const csv = write("dmy.csv", "case_id,event,time\nc1,A,03/04/2024 10:00\nc1,B,05/04/2024 11:00\n");
    const refused = await cli("log", "stats", csv, "--engine", "reference");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/can be DD\/MM\/YYYY or MM\/DD\/YYYY.*--timestamp-format/);
    const r = await stats(csv, "--timestamp-format", "%d/%m/%Y %H:%M");
    expect(r.stderr).toContain("timestamps: format %d/%m/%Y %H:%M (2)");
    const json = await cli("log", "variants", csv, "--timestamp-format", "%m/%d/%Y %H:%M", "--json");
    expect(JSON.parse(json.stdout).variants[0].activities).toEqual(["A", "B"]);
  });

  it("--timezone places naive times in the zone given", async () => {
    const csv = write("zone.csv", "case_id,event,time\nc1,A,2024-07-01 12:00\nc1,B,2024-07-01T11:00:00Z\n");
    const order = async (...extra: string[]) =>
      JSON.parse((await cli("log", "variants", csv, "--engine", "reference", "--json", ...extra)).stdout)
        .variants[0].activities;
    expect(await order()).toEqual(["B", "A"]);
    expect(await order("--timezone", "Europe/Berlin")).toEqual(["A", "B"]);
    expect((await stats(csv, "--timezone", "Europe/Berlin")).stderr).toMatch(/naive times in Europe\/Berlin/);
    const bad = await cli("log", "stats", csv, "--timezone", "Mars/Base");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/timezone "Mars\/Base" is not a known time zone/);
  });

  it("--lifecycle all|complete|merge on an XES log", async () => {
    const events = async (mode: string) =>
      JSON.parse((await cli("log", "stats", xes, "--lifecycle", mode, "--json")).stdout).events;
    expect(await events("all")).toBe(5);
    expect(await events("complete")).toBe(3);
    expect(await events("merge")).toBe(3);
    expect((await stats(xes, "--lifecycle", "merge")).stderr).toMatch(
      /lifecycle merge: .*2 pairs merged, 0 starts unpaired/,
    );
    expect((await cli("log", "stats", xes, "--lifecycle", "some")).code).toBe(2);
  });

  it("--classifier takes the activity from the classifier's keys", async () => {
    const r = await cli(
      "log",
      "dfg",
      xes,
      "--classifier",
      "Resource classifier",
      "--lifecycle",
      "complete",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ from: "RA", to: "RB", count: 1 })]);
    expect((await stats(xes, "--classifier", "Resource classifier")).stderr).toContain(
      'activity by classifier "Resource classifier"',
    );
    const unknown = await cli("log", "stats", xes, "--classifier", "Nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Nope/);
  });

  it("--connector forces or refuses a connector", async () => {
    const posthog = join(samples, "posthog-events.csv");
    expect((await stats(posthog)).stderr).toMatch(/read as PostHog .*\(connector posthog\)/);
    const plain = await stats(posthog, "--connector", "none");
    expect(plain.stderr).not.toMatch(/read as/);
    expect(plain.stderr).toMatch(/columns: case "distinct_id"/);
    const wrong = await cli("log", "stats", posthog, "--connector", "zendesk");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/posthog-events\.csv: does not look like a Zendesk/);
    expect((await cli("log", "stats", posthog, "--connector", "nope")).code).toBe(2);
  });

  it("prints the columns it chose and why; odd headers are detected from content", async () => {
    const r = await stats(join(samples, "odd-headers-de.csv"));
    expect(r.stderr).toMatch(/columns: case "Fall" \(content \(score \d\.\d\d\): 5 distinct of 18 values/);
    expect(r.stderr).toMatch(/activity "Vorgang" \(content/);
    expect(r.stderr).toMatch(/timestamp "Zeit" \(content .*100% timestamps/);
    const json = await cli(
      "log",
      "stats",
      join(samples, "odd-headers-de.csv"),
      "--engine",
      "reference",
      "--json",
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ cases: 5, events: 18, activities: 4 });
  });
});
