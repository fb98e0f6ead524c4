import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateFile } from "./validate.ts";

describe("wayline validate on what is not a map file (finding 3)", () => {
  it("refuses /dev/zero and a folder at once with a clear problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "wayline-validate-"));
    try {
      const t0 = performance.now();
      expect(validateFile("/dev/zero")).toEqual([{ path: "(file)", message: "not a regular file" }]);
      expect(validateFile(dir)).toEqual([{ path: "(file)", message: "not a regular file" }]);
      expect(performance.now() - t0).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
