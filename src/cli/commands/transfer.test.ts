import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWayline } from "../../testing/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "wayline-cli-transfer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wayline = (...args: string[]) => runWayline(args, { cwd: dir });
const data = join(dir, "data");

describe("wayline export --format / import FILE", () => {
  it("converts a map file into every format, imports them back, and reads ids from the workspace", async () => {
    const file = join(dir, "pizza.wayline.json");
    expect((await wayline("new", "--template", "pizza-restaurant", "-o", file)).code).toBe(0);
    const pdf = await wayline(
      "export",
      file,
      "-o",
      join(dir, "pizza.pdf"),
      "--page",
      "A4",
      "--layout",
      "tile",
    );
    expect(pdf.code).toBe(0);
    expect(readFileSync(join(dir, "pizza.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    const mmd = await wayline("export", file, "--format", "mermaid");
    expect(mmd.stdout).toMatch(/^journey\n {2}title Pizza restaurant visit\n/);
    writeFileSync(join(dir, "pizza.mmd"), mmd.stdout);
    expect((await wayline("export", file, "-o", join(dir, "pizza.xlsx"))).code).toBe(0);
    const imported = await wayline(
      "import",
      join(dir, "pizza.mmd"),
      join(dir, "pizza.xlsx"),
      "--data",
      data,
      "--json",
    );
    expect(imported.code).toBe(0);
    const [fromMermaid] = JSON.parse(imported.stdout);
    const back = await wayline("export", fromMermaid.id, "--format", "json", "--data", data);
    const original = JSON.parse(readFileSync(file, "utf8"));
    expect(JSON.parse(back.stdout).map).toEqual({ ...original.map, id: fromMermaid.id });
  }, 180_000);

  it("previews a spreadsheet with --dry-run and forces a format with --format", async () => {
    writeFileSync(
      join(dir, "team.txt"),
      "Journey,Find,Buy\nPain points,Slow search,Hidden fees\nEmotions,1,-2\n",
    );
    const dry = await wayline(
      "import",
      join(dir, "team.txt"),
      "--format",
      "csv",
      "--dry-run",
      "--data",
      data,
    );
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)[0]).toMatchObject({
      dryRun: true,
      lanes: [{ type: "pain_points" }, { type: "emotion" }],
    });
  }, 60_000);

  it("fails with a located message and creates nothing when one file is bad", async () => {
    writeFileSync(join(dir, "bad.mmd"), "journey\n  section S\n    no colon\n");
    writeFileSync(join(dir, "good.mmd"), "journey\n  title Good\n  section S\n    Task: 3\n");
    const r = await wayline(
      "import",
      join(dir, "good.mmd"),
      join(dir, "bad.mmd"),
      "--data",
      join(dir, "fresh"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.mmd: .*line 3/);
    const list = await wayline(
      "export",
      "--all",
      "-o",
      join(dir, "none"),
      "--data",
      join(dir, "fresh"),
      "--json",
    );
    expect(JSON.parse(list.stdout)).toEqual([]);
    const opt = await wayline(
      "export",
      join(dir, "good.mmd"),
      "--format",
      "pdf",
      "--page",
      "B2",
      "-o",
      join(dir, "x.pdf"),
    );
    expect(opt).toMatchObject({ code: 1 });
    expect(opt.stderr).toMatch(/--page/);
    expect((await wayline("export", join(dir, "good.mmd"), "--format", "png")).stderr).toMatch(
      /needs -o FILE/,
    );
  }, 120_000);

  it("--overlay: a map of the workspace without data gets a clear error; a file cannot have one", async () => {
    const file = join(dir, "overlay.wayline.json");
    expect((await wayline("new", "--template", "mobile-app", "-o", file)).code).toBe(0);
    const onFile = await wayline("export", file, "--format", "svg", "--overlay");
    expect(onFile.code).not.toBe(0);
    expect(onFile.stderr).toMatch(/--overlay draws the data of a map in the workspace/);
    const odata = join(dir, "overlay-data");
    const imported = await wayline("import", file, "--data", odata, "--json");
    const [m] = JSON.parse(imported.stdout);
    const noData = await wayline("export", m.id, "--format", "svg", "--overlay", "--data", odata);
    expect(noData.code).not.toBe(0);
    expect(noData.stderr).toMatch(/has no data overlay: fill its KPIs from an event log or import a survey/);
    const csv = await wayline("export", m.id, "--format", "csv", "--overlay", "--data", odata);
    expect(csv.stderr).toMatch(/drawn in svg, png, pdf, pptx only, not in csv/);
  }, 120_000);
});
