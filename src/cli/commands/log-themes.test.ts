import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type MapId, toNativeDocument } from "../../domain/index.ts";
import { buildMap } from "../../domain/journey-data/index.ts";
import { runWayline } from "../../testing/cli.ts";

const SAMPLES = join(import.meta.dirname, "../../analytics/import/samples");

describe("wayline log themes", () => {
  const cwd = mkdtempSync(join(tmpdir(), "wayline-log-themes-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const now = "2026-12-01T00:00:00.000Z";
  const map = buildMap(
    "Support",
    [
      { type: "addStage", id: "s-ask" as never, name: "Ask" },
      { type: "addStage", id: "s-done" as never, name: "Done" },
      { type: "addActivityRule", match: "exact", pattern: "Ticket created", stageId: "s-ask" as never },
      { type: "addActivityRule", match: "exact", pattern: "Ticket solved", stageId: "s-done" as never },
    ],
    now,
  );
  writeFileSync(
    join(cwd, "support.wayline.json"),
    JSON.stringify(toNativeDocument({ ...map, id: "m1" as MapId }, [], now)),
  );
  // The Zendesk sample's columns, with two tickets asking the same thing.
  const header = readFileSync(join(SAMPLES, "zendesk-tickets.csv"), "utf8").split("\n")[0];
  const row = (id: number, subject: string, at: string) =>
    `${id},Ana Ruiz,1,ana@example.com,${subject},,Solved,Normal,Email,Question,${at},${at},${at},${at},${at},Good`;
  writeFileSync(
    join(cwd, "zendesk.csv"),
    `${[
      header,
      row(1, "Voucher code rejected", "2024-03-05 08:00:00 +0100"),
      row(2, "My voucher code does not work", "2024-03-05 09:00:00 +0100"),
      row(3, "Late pizza", "2024-03-05 10:00:00 +0100"),
    ].join("\n")}\n`,
  );

  it("prints the themes of a Zendesk export per stage of the map (JSON: quotes with ticket and event)", async () => {
    const r = await runWayline(["log", "themes", "zendesk.csv", "--map", "support.wayline.json", "--json"], {
      cwd,
    });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tickets).toBe(3);
    const ask = report.stages.find((s: { stageId: string }) => s.stageId === "s-ask");
    const voucher = ask.themes.find((t: { phrase: string }) => t.phrase === "voucher code");
    expect(voucher).toMatchObject({ count: 2, share: 2 / 3 });
    expect(voucher.quotes.map((q: { ticketId: string; event: number }) => [q.ticketId, q.event])).toEqual([
      ["1", 1],
      ["2", 4],
    ]);
    const table = await runWayline(["log", "themes", "zendesk.csv", "--map", "support.wayline.json"], {
      cwd,
    });
    expect(table.stdout).toContain("voucher code");
    expect(table.stderr).toContain("3 ticket(s) placed on 1 stage(s)");
  }, 120_000);

  it("fails naming the attribute when the log has no ticket text, and without --map", async () => {
    writeFileSync(join(cwd, "plain.csv"), "case,activity,timestamp\n1,Ticket created,2024-01-01T00:00:00Z\n");
    const r = await runWayline(["log", "themes", "plain.csv", "--map", "support.wayline.json"], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no event carries the attribute "text"');
    expect((await runWayline(["log", "themes", "plain.csv"], { cwd })).code).toBe(2);
  }, 60_000);
});
