import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../../domain/templates/index.ts";
import { sequentialIds } from "../../domain/testing.ts";
import { renderSummary } from "../analysis-service.ts";

describe.skipIf(!existsSync("/usr/bin/pdftotext"))("stakeholder summary PDF", () => {
  it("shows the emotion curve on page 1 and the whole map on a landscape page", async () => {
    const t = buildTemplate("pizza-restaurant", {
      now: "2026-03-01T09:00:00.000Z",
      newId: sequentialIds("t"),
    });
    const out = await renderSummary(t.map, "pdf", "2026-03-02", undefined, t.personas);
    const file = join(mkdtempSync(join(tmpdir(), "wayline-summary-")), "s.pdf");
    writeFileSync(file, out.body);
    const pages = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).split("\f");
    expect(pages[0]).toContain("Emotion curve");
    expect(pages[0]).toContain("Drives around twice before spotting the");
    const last = pages.filter((p) => p.trim()).at(-1) ?? "";
    expect(last).toContain("The map");
    for (const s of t.map.stages) expect(last).toContain(s.name);
    const info = execFileSync("pdfinfo", ["-l", "99", file], { encoding: "utf8" });
    expect(info).toMatch(/Page\s+\d+ size:\s+841\.89 x 595\.28/);
  });
});
