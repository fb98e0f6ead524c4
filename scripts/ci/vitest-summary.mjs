// Reads vitest's JSON report and prints the CI summary line "N passed, N failed, N skipped".
// Failed = failed tests + failed files whose failure is not a failed test: a beforeAll/afterAll
// (or beforeEach of a suite whose tests then never ran), a suite that threw while collecting, a
// file that failed to import. vitest reports the tests under a failed beforeAll as skipped and
// counts none of those in numFailedTests, so the test count alone would say "0 failed".
// Usage: node scripts/ci/vitest-summary.mjs REPORT.json   (exit 1 when anything failed)
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const problems = [];
for (const file of report.testResults) {
  if (file.status !== "failed") continue;
  const failedTests = file.assertionResults.filter((a) => a.status === "failed").length;
  // A file-level message is an error outside any test (hook, collection, import).
  if (failedTests === 0 || file.message) {
    const why = (file.message || "a suite or hook failed (see the log above)").split("\n")[0];
    problems.push(`${relative(process.cwd(), file.name)}: ${why}`);
  }
}
for (const p of problems) console.log(`[ci] failed outside a test: ${p}`);
const failed = report.numFailedTests + problems.length;
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || report.success === false ? 1 : 0;
