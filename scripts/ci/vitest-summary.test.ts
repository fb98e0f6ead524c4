import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "wayline-ci-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Assertion = { fullName: string; status: "passed" | "failed" | "skipped" | "pending" };
type File = { name: string; status: "passed" | "failed"; message: string; assertionResults: Assertion[] };

/** Runs the summary script on a report shaped like vitest 4's JSON reporter output. */
function summarise(files: File[]): { lines: string[]; code: number } {
  const count = (s: Assertion["status"]) =>
    files.flatMap((f) => f.assertionResults).filter((a) => a.status === s).length;
  const report = {
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numPendingTests: count("skipped") + count("pending"),
    numTodoTests: 0,
    success: files.every((f) => f.status === "passed"),
    testResults: files,
  };
  const path = join(dir, `report-${Math.random()}.json`);
  writeFileSync(path, JSON.stringify(report));
  try {
    const out = execFileSync("node", ["scripts/ci/vitest-summary.mjs", path], { encoding: "utf8" });
    return { lines: out.trim().split("\n"), code: 0 };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { lines: err.stdout.trim().split("\n"), code: err.status };
  }
}

const ok = (name: string): Assertion => ({ fullName: name, status: "passed" });

describe("CI summary line (scripts/ci/vitest-summary.mjs)", () => {
  it("counts a failing beforeAll, whose tests vitest reports as skipped, as a failure", () => {
    // As vitest 4 reports a describe whose beforeAll throws: file failed, no message, tests skipped.
    const r = summarise([
      {
        name: `${process.cwd()}/src/hook.test.ts`,
        status: "failed",
        message: "",
        assertionResults: [{ fullName: "hook a", status: "skipped" }, ok("fine c")],
      },
    ]);
    expect(r.lines.at(-1)).toBe("1 passed, 1 failed, 1 skipped");
    expect(r.lines[0]).toBe(
      "[ci] failed outside a test: src/hook.test.ts: a suite or hook failed (see the log above)",
    );
    expect(r.code).toBe(1);
  });

  it("counts failed tests, a file-level hook error next to them and a file that did not import", () => {
    const r = summarise([
      {
        name: `${process.cwd()}/src/mixed.test.ts`,
        status: "failed",
        message: "deliberate afterAll failure",
        assertionResults: [{ fullName: "x", status: "failed" }, ok("y")],
      },
      {
        name: `${process.cwd()}/src/broken.test.ts`,
        status: "failed",
        message: "Cannot find module",
        assertionResults: [],
      },
      {
        name: `${process.cwd()}/src/good.test.ts`,
        status: "passed",
        message: "",
        assertionResults: [ok("z")],
      },
    ]);
    expect(r.lines.at(-1)).toBe("2 passed, 3 failed, 0 skipped");
    expect(r.code).toBe(1);
  });

  it("says 0 failed and exits 0 on a green run", () => {
    const r = summarise([
      {
        name: `${process.cwd()}/src/good.test.ts`,
        status: "passed",
        message: "",
        assertionResults: [ok("z")],
      },
    ]);
    expect(r).toEqual({ lines: ["1 passed, 0 failed, 0 skipped"], code: 0 });
  });
});
