import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../../../testing/databases.ts";
import { createAppWithServices } from "../../app.ts";
import { localAuthenticator } from "../../auth.ts";
import { testClient } from "../../test-client.ts";

const samples = fileURLToPath(new URL("../../../analytics/import/samples/", import.meta.url));
const sample = (name: string) => readFileSync(join(samples, name), "utf8");

const event = (activity: string, time: string) =>
  `<event><string key="concept:name" value="${activity}"/><string key="org:resource" value="R${activity}"/>` +
  `<date key="time:timestamp" value="${time}"/></event>`;
const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
<classifier name="Activity" keys="concept:name"/>
<classifier name="Resource classifier" keys="org:resource"/>
<trace><string key="concept:name" value="c1"/>${event("A", "2024-01-01T10:00:00Z")}${event("B", "2024-01-01T11:00:00Z")}</trace>
</log>
`;

describe("POST /api/logs with connector= and classifier=", () => {
  let t: TestStore;
  let dataDir: string;
  let made: ReturnType<typeof createAppWithServices>;
  beforeAll(async () => {
    t = await createTestStore("sqlite");
    dataDir = mkdtempSync(join(tmpdir(), "wayline-connector-api-"));
    made = createAppWithServices({ store: t.store, auth: localAuthenticator(), dataDir });
  });
  afterAll(async () => {
    await made.services.logs.close();
    await t.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const up = (filename: string, q: string, body: string, type = "text/csv") =>
    testClient(made.app).post(`/api/logs?filename=${filename}${q}`, body, {
      "content-type": type,
      "x-wayline-upload": "1",
    });

  it("detects a connector, reads the file as a plain log with connector=none, and refuses a wrong one", async () => {
    const body = sample("posthog-events.csv");
    const auto = await up("events.csv", "", body);
    expect(auto.status).toBe(201);
    expect(auto.json.report.connector).toEqual({ name: "posthog", label: expect.stringMatching(/PostHog/) });
    expect(auto.json.stats).toMatchObject({ events: 6, cases: 2 });
    const plain = await up("events.csv", "&connector=none", body);
    expect(plain.status).toBe(201);
    expect(plain.json.report.connector).toBeUndefined();
    expect(plain.json.report.mapping.case).toBe("distinct_id");
    const forced = await up("events.csv", "&connector=posthog", body);
    expect(forced.json.report.connector.name).toBe("posthog");
    const wrong = await up("events.csv", "&connector=zendesk", body);
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toMatch(/events\.csv: does not look like a Zendesk/);
    const unknown = await up("events.csv", "&connector=excel", body);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toMatch(/connector/);
  });

  it("uses an XES classifier by name and names an unknown one", async () => {
    const plain = await up("loan.xes", "", XES, "application/xml");
    expect(plain.status).toBe(201);
    expect(plain.json.report.classifiers.map((c: { name: string }) => c.name)).toEqual([
      "Activity",
      "Resource classifier",
    ]);
    const byResource = await up(
      "loan.xes",
      `&classifier=${encodeURIComponent("Resource classifier")}`,
      XES,
      "application/xml",
    );
    expect(byResource.status).toBe(201);
    expect(byResource.json.report.classifier).toBe("Resource classifier");
    const v = await testClient(made.app).get(`/api/logs/${byResource.json.id}/variants`);
    expect(v.json.variants[0].activities).toEqual(["RA", "RB"]);
    const unknown = await up("loan.xes", "&classifier=Nope", XES, "application/xml");
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/Nope/);
  });
});
