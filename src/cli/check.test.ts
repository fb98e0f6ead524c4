import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyMap, toNativeDocument } from "../domain/index.ts";
import { runWayline } from "../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wayline = (...args: string[]) => runWayline(args, { cwd: dir });

const now = "2026-11-01T00:00:00.000Z";
const blank = join(dir, "blank.wayline.json");
writeFileSync(
  blank,
  JSON.stringify(
    toNativeDocument(createEmptyMap("Blank", "current_state", { id: "blank" as never, now }), [], now),
  ),
);

describe("wayline check and summary", () => {
  it("reports a blank map's errors like a linter and exits 1", async () => {
    const r = await wayline("check", blank, "--json");
    expect(r.code).toBe(1);
    const [res] = JSON.parse(r.stdout);
    const rules = res.report.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining(["persona-missing", "stage-count", "emotion-missing", "goal-missing"]),
    );
  });

  it("passes a good map, fails it on --max-warnings, and reads .waylinerc.json", async () => {
    const pizza = join(dir, "pizza.wayline.json");
    expect((await wayline("new", "--template", "pizza-restaurant", "-o", pizza)).code).toBe(0);
    const ok = await wayline("check", pizza);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/score \d+\/100/);
    expect((await wayline("check", pizza, "--max-warnings", "0")).code).toBe(1);
    writeFileSync(join(dir, ".waylinerc.json"), JSON.stringify({ rules: { "evidence-missing": "error" } }));
    const strict = await wayline("check", pizza);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/error\s+All \d+ cards are assumed/);
    writeFileSync(join(dir, ".waylinerc.json"), JSON.stringify({ rules: { "evidence-missing": "loud" } }));
    const badRc = await wayline("check", pizza);
    expect(badRc.code).toBe(1);
    expect(badRc.stderr).toMatch(/\.waylinerc\.json: invalid health-check config: rules\.evidence-missing/);
    rmSync(join(dir, ".waylinerc.json"));
    expect((await wayline("check", pizza, "--max-warnings", "many")).code).toBe(1);
    expect((await wayline("check")).code).toBe(2);
  });

  it("writes the stakeholder summary as Markdown and PDF", async () => {
    const pizza = join(dir, "pizza.wayline.json");
    const md = await wayline("summary", pizza, "--format", "md");
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /m);
    const pdf = join(dir, "summary.pdf");
    expect((await wayline("summary", pizza, "--format", "pdf", "-o", pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await wayline("summary", pizza, "--format", "docx")).code).toBe(1);
  });
});
