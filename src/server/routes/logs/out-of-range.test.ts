import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createTestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

it("POST /api/logs: an out-of-range timestamp is a located row error, never a 500 (finding 5)", async () => {
  const t = await createTestStore("sqlite");
  const dataDir = mkdtempSync(join(tmpdir(), "wayline-range-"));
  const { app, services } = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir });
  try {
    const api = testClient(app);
    const up = (body: string) =>
      api.post("/api/logs?filename=range.csv", body, { "content-type": "text/csv", "x-wayline-upload": "1" });
    const only = await up("case,activity,timestamp\n1,a,99999999999999999999\n");
    expect(only.status).toBe(400);
    expect(only.json.error.message).toBe("range.csv: no valid events were found");
    expect(only.json.error.details.report.errors[0]).toMatchObject({ line: 2, column: "timestamp" });
    expect(JSON.stringify(only.json)).not.toMatch(/int64|bigint|wayline-upload-|\/tmp\//i);
    const mixed = await up("case,activity,timestamp\n1,a,99999999999999999999\n1,b,2024-01-01T00:00:00Z\n");
    expect(mixed.status).toBe(201);
    expect(mixed.json.report.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: "timestamp",
        reason: expect.stringMatching(/out of range/),
      }),
    ]);
    expect(readdirSync(join(dataDir, "logs")).filter((f) => f.includes("importing"))).toEqual([]);
  } finally {
    await services.logs.close();
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
