import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeWithSharedLogs, EVENTLOGS_DIR } from "../../analytics/testing/shared-logs.ts";
import { parseNativeDocument } from "../../domain/index.ts";
import { activityMatcher } from "../../domain/journey-data/index.ts";
import { runWayline } from "../../testing/cli.ts";

describeWithSharedLogs("wayline log draft", () => {
  const cwd = mkdtempSync(join(tmpdir(), "wayline-log-draft-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("writes a valid map whose rules map every activity of the log", async () => {
    const r = await runWayline(
      [
        "log",
        "draft",
        join(EVENTLOGS_DIR, "receipt.csv"),
        "-o",
        "receipt.wayline.json",
        "--title",
        "Receipts",
      ],
      { cwd },
    );
    expect(r.stderr).toMatch(/receipt\.wayline\.json: \d+ stages, [\d.]+ % of cases in order/);
    expect(r.code).toBe(0);
    const doc = parseNativeDocument(JSON.parse(readFileSync(join(cwd, "receipt.wayline.json"), "utf8")));
    expect(doc.map.title).toBe("Receipts");
    expect(doc.map.stages.length).toBeLessThanOrEqual(10);
    const stats = JSON.parse(
      (await runWayline(["log", "stats", join(EVENTLOGS_DIR, "receipt.csv"), "--json"], { cwd })).stdout,
    );
    const activities = new Set(doc.map.activityRules.map((x) => x.pattern));
    expect(activities.size).toBe(stats.activities);
    const match = activityMatcher(doc.map.activityRules);
    for (const a of stats.startActivities) expect(match(a.activity)).not.toBeNull();
    // The file imports like any map file.
    const imported = await runWayline(["import", "receipt.wayline.json", "--json"], { cwd });
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);

  it("drafts touchpoints from a channel column, detected or named with --channel", async () => {
    const rows = ["case,activity,timestamp,platform,device"];
    for (let c = 1; c <= 4; c++) {
      rows.push(`${c},visit,2024-01-01T10:0${c}:00Z,${c === 4 ? "App" : "Web"},d${c % 2}`);
      rows.push(`${c},buy,2024-01-01T11:0${c}:00Z,${c % 2 ? "Phone" : "Web"},d1`);
    }
    writeFileSync(join(cwd, "shop.csv"), `${rows.join("\n")}\n`);
    const cardsOf = async (...extra: string[]) => {
      const r = await runWayline(["log", "draft", "shop.csv", "-o", "shop.wayline.json", ...extra], { cwd });
      expect(r.code, r.stderr).toBe(0);
      const doc = parseNativeDocument(JSON.parse(readFileSync(join(cwd, "shop.wayline.json"), "utf8")));
      const lane = doc.map.lanes.find((l) => l.type === "touchpoints");
      return {
        stderr: r.stderr,
        lane,
        texts: doc.map.cards.filter((c) => c.laneId === lane?.id).map((c) => c.text),
      };
    };
    const found = await cardsOf();
    expect(found.stderr).toContain('touchpoint(s) from "platform"');
    expect(found.texts).toEqual([
      "Web — 75 % of cases",
      "App — 25 % of cases",
      "Phone — 50 % of cases",
      "Web — 50 % of cases",
    ]);
    const named = await cardsOf("--channel", "device");
    expect(named.lane?.name).toBe("Touchpoints from “device”");
    expect(named.texts).toEqual(["d0 — 50 % of cases", "d1 — 50 % of cases", "d1 — 100 % of cases"]);
    expect((await cardsOf("--channel", "colour")).lane).toBeUndefined();
  }, 120_000);

  it("exits 2 on a usage error and 1 on a missing file", async () => {
    expect((await runWayline(["log", "draft", "x.csv", "--engine", "nope"], { cwd })).code).toBe(2);
    const missing = await runWayline(["log", "draft", join(cwd, "none.csv"), "-o", "x.json"], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("none.csv");
  });
});
