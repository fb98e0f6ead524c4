import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";

/** A merge that left its conflict markers behind must not land (seen in docs/ after merges). */
it("no tracked file holds a merge conflict marker", () => {
  let found = "";
  try {
    found = execFileSync(
      "git",
      ["grep", "-n", "-I", "-E", "^(<<<<<<< |>>>>>>> |=======$)", "--", ".", ":!*.test.ts"],
      {
        encoding: "utf8",
      },
    );
  } catch (e) {
    // git grep exits 1 when nothing matches.
    if ((e as { status?: number }).status !== 1) throw e;
  }
  expect(found).toBe("");
});
