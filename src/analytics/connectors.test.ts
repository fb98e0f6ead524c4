import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readAllEvents } from "./import/read-log.ts";
import { ORACLE_ENGINE, openEngine } from "./registry.ts";
import { expectSameAnswer } from "./testing/approx.ts";
import { describeEngine, ENGINES_UNDER_TEST } from "./testing/engines.ts";

const SAMPLES = fileURLToPath(new URL("./import/samples/", import.meta.url));
const sample = (name: string) => join(SAMPLES, name);
const at = (iso: string) => Date.parse(iso);

/** Every sample export: the connector it must pick and what the events must be. */
const CASES = [
  {
    file: "posthog-events.csv",
    connector: "posthog",
    events: 6,
    cases: ["0190-p1", "anon-2"],
    first: { caseId: "0190-p1", activity: "$pageview", timestamp: at("2024-03-05T10:00:00Z") },
    attrs: { $pathname: "/", $browser: "Chrome", distinct_id: "anon-1" },
  },
  {
    file: "mixpanel-export.ndjson",
    connector: "mixpanel",
    events: 5,
    cases: ["u-100", "u-200"],
    first: { caseId: "u-100", activity: "Sign Up", timestamp: 1709632800 * 1000 },
    attrs: { plan: "trial", $city: "Berlin" },
  },
  {
    file: "segment-events.json",
    connector: "segment",
    events: 5,
    cases: ["anon-7", "user-1"],
    first: { caseId: "user-1", activity: "Viewed Home Page", timestamp: at("2024-03-05T10:00:00Z") },
    attrs: { type: "page", path: "/", "context.campaign.source": "newsletter" },
  },
  {
    file: "ga4-bigquery.ndjson",
    connector: "ga4",
    events: 5,
    cases: ["123.456", "crm-42"],
    first: { caseId: "123.456", activity: "session_start", timestamp: 1709632800000 },
    attrs: {
      "param:page_location": "https://shop.example/",
      "param:ga_session_id": "1709632800",
      "device.category": "mobile",
    },
  },
  {
    file: "hubspot-deals.csv",
    connector: "hubspot",
    events: 13,
    cases: ["9001", "9002", "9003"],
    first: { caseId: "9001", activity: "Created", timestamp: at("2024-01-08T09:12:00Z") },
    attrs: { "Deal Name": "Acme renewal", Amount: "12000" },
  },
  {
    file: "salesforce-opportunity-history.csv",
    connector: "salesforce",
    events: 6,
    cases: ["006Ax01", "006Bx02"],
    first: { caseId: "006Ax01", activity: "Prospecting", timestamp: at("2024-01-08T09:12:00Z") },
    attrs: { Amount: "12000", Probability: "10" },
  },
  {
    file: "salesforce-field-history-report.csv",
    connector: "salesforce",
    events: 4,
    cases: ["006Ax01"],
    first: { caseId: "006Ax01", activity: "Created", timestamp: at("2024-01-08T09:12:00Z") },
    attrs: {},
  },
  {
    file: "zendesk-tickets.csv",
    connector: "zendesk",
    events: 8,
    cases: ["4101", "4102", "4103"],
    first: { caseId: "4101", activity: "Ticket created", timestamp: at("2024-03-05T07:14:22Z") },
    attrs: { requester: "Ana Ruiz", via: "Email", text: "Delivery is late again" },
  },
  {
    file: "freshdesk-tickets.csv",
    connector: "freshdesk",
    events: 7,
    cases: ["12", "13"],
    first: { caseId: "12", activity: "Ticket created", timestamp: at("2024-03-01T09:00:00Z") },
    attrs: {
      source: "Email",
      text: "Refund not received\nI returned the parcel two weeks ago and still have no refund.",
    },
  },
  {
    file: "rudderstack-events.ndjson",
    connector: "segment",
    events: 5,
    cases: ["acct-7", "anon-31", "anon-44"],
    first: { caseId: "anon-31", activity: "Viewed Pricing Page", timestamp: at("2024-04-02T09:00:00Z") },
    attrs: { path: "/pricing", channel: "web", rudderId: "c7a1c7e2-1b0e-4f5a-9d1c-0a1b2c3d4e5f" },
  },
  {
    file: "hubspot-contacts-lifecycle.csv",
    connector: "hubspot",
    events: 14,
    cases: ["501", "502", "503"],
    first: { caseId: "501", activity: "Created", timestamp: at("2024-01-03T09:00:00Z") },
    attrs: { Email: "ana@example.com", "Lifecycle Stage": "Customer" },
  },
  {
    file: "zendesk-tickets-api.json",
    connector: "zendesk",
    events: 7,
    cases: ["5201", "5202", "5203"],
    first: { caseId: "5201", activity: "Ticket created", timestamp: at("2024-03-05T07:14:22Z") },
    attrs: { via: "email", "satisfaction score": "good", tags: "delivery, late", "requester id": "9001" },
  },
] as const;

describe("connectors read other tools' exports as they come", () => {
  for (const c of CASES)
    it(`${c.file}: ${c.connector}, ${c.events} events`, async () => {
      const { events, report } = await readAllEvents(sample(c.file));
      expect(report.errors).toEqual([]);
      expect(report.connector?.name).toBe(c.connector);
      expect(events.length).toBe(c.events);
      expect([...new Set(events.map((e) => e.caseId))].sort()).toEqual([...c.cases]);
      expect(events[0]).toMatchObject(c.first);
      expect(events[0]?.attrs).toMatchObject(c.attrs);
    });

  it("HubSpot: one event per stage entered, named without the pipeline", async () => {
    const { events } = await readAllEvents(sample("hubspot-deals.csv"));
    expect(events.filter((e) => e.caseId === "9002").map((e) => e.activity)).toEqual([
      "Created",
      "Appointment Scheduled",
      "Qualified To Buy",
      "Closed Lost",
    ]);
    expect(events.find((e) => e.activity === "Closed Won")?.attrs["stage pipeline"]).toBe("Sales Pipeline");
  });

  it("Salesforce field history keeps stage changes only, with US dates decided from the data", async () => {
    const { events, report } = await readAllEvents(sample("salesforce-field-history-report.csv"));
    expect(events.map((e) => e.activity)).toEqual([
      "Created",
      "Qualification",
      "Proposal/Price Quote",
      "Closed Won",
    ]);
    expect(events[3]?.timestamp).toBe(at("2024-02-20T16:45:00Z"));
    expect(report.timestamps?.order).toContain("MM/DD/YYYY");
  });

  it("Segment skips identify calls and names page and screen calls as Segment does", async () => {
    const { events } = await readAllEvents(sample("segment-events.json"));
    expect(events.map((e) => e.activity)).toEqual([
      "Viewed Home Page",
      "Product Added",
      "Order Completed",
      "Viewed Onboarding Screen",
      "Product Added",
    ]);
  });

  it("RudderStack: the event time falls back to sentAt; identify calls are skipped", async () => {
    const { events } = await readAllEvents(sample("rudderstack-events.ndjson"));
    expect(events.map((e) => [e.caseId, e.activity, e.timestamp])).toEqual([
      ["anon-31", "Viewed Pricing Page", at("2024-04-02T09:00:00Z")],
      ["anon-31", "Trial Started", at("2024-04-02T09:03:10Z")],
      ["acct-7", "Invite Sent", at("2024-04-02T09:10:00Z")],
      ["anon-44", "Viewed Onboarding Screen", at("2024-04-02T10:00:00Z")],
      ["anon-44", "Trial Started", at("2024-04-02T10:02:00Z")],
    ]);
    expect(events[1]?.attrs).toMatchObject({ plan: "team", anonymousId: "anon-31", channel: "web" });
  });

  it("HubSpot contacts: one event per lifecycle stage reached, empty stages skipped", async () => {
    const { events } = await readAllEvents(sample("hubspot-contacts-lifecycle.csv"));
    const of = (id: string) => events.filter((e) => e.caseId === id).map((e) => e.activity);
    expect(of("501")).toEqual([
      "Created",
      "Became Subscriber",
      "Became Lead",
      "Became Marketing Qualified Lead",
      "Became Sales Qualified Lead",
      "Became Opportunity",
      "Became Customer",
    ]);
    expect(of("502")).toEqual(["Created", "Became Lead"]);
    expect(of("503")).toEqual([
      "Created",
      "Became Subscriber",
      "Became Lead",
      "Became Marketing Qualified Lead",
      "Became Opportunity",
    ]);
  });

  it("Zendesk Tickets API: the page's tickets array, milestones from each ticket's metric_set", async () => {
    const { events, report } = await readAllEvents(sample("zendesk-tickets-api.json"));
    expect(report.errors).toEqual([]);
    expect(events.filter((e) => e.caseId === "5203").map((e) => [e.activity, e.timestamp])).toEqual([
      ["Ticket created", at("2024-03-06T12:00:00Z")],
      ["Ticket assigned", at("2024-03-06T12:05:00Z")],
      ["Ticket solved", at("2024-03-06T12:38:00Z")],
    ]);
    expect(events.filter((e) => e.caseId === "5202").map((e) => e.activity)).toEqual(["Ticket created"]);
    expect(events[0]?.attrs.text).toBe(
      "Parcel never arrived\nTracking says delivered but there is nothing at my door.",
    );
  });

  it("reads a file as a plain log with connector none, and forcing a connector on another file names both", async () => {
    const plain = await readAllEvents(sample("posthog-events.csv"), { connector: "none" });
    expect(plain.report.connector).toBeUndefined();
    expect(plain.events[0]?.caseId).toBe("anon-1");
    await expect(readAllEvents(sample("zendesk-tickets.csv"), { connector: "hubspot" })).rejects.toThrow(
      /zendesk-tickets\.csv: does not look like a HubSpot stage history/,
    );
    await expect(
      readAllEvents(sample("zendesk-tickets.csv"), { connector: "zendesk", case: "Id" }),
    ).rejects.toThrow("give either columns or a connector");
  });

  it("columns given by the user win over detection", async () => {
    const { report, events } = await readAllEvents(sample("posthog-events.csv"), {
      case: "distinct_id",
      activity: "event",
      timestamp: "timestamp",
    });
    expect(report.connector).toBeUndefined();
    expect(events[0]?.attrs.properties).toContain("$current_url");
  });
});

describe("every engine reads the connector samples like the reference engine", () => {
  for (const name of ENGINES_UNDER_TEST)
    describeEngine(name, `${name} engine`, () => {
      for (const c of CASES)
        it(c.file, async () => {
          const engine = await openEngine(name);
          const oracle = await openEngine(ORACLE_ENGINE);
          try {
            const report = await engine.load({ file: sample(c.file) });
            await oracle.load({ file: sample(c.file) });
            expect(report.connector?.name).toBe(c.connector);
            expect(report.events).toBe(c.events);
            expectSameAnswer(await engine.stats(), await oracle.stats());
            expectSameAnswer(await engine.variants({ top: 10 }), await oracle.variants({ top: 10 }));
            expectSameAnswer(await engine.dfg(), await oracle.dfg());
          } finally {
            await engine.drop();
            await engine.close();
            await oracle.close();
          }
        });
    });
});

describe("Parquet from a warehouse", () => {
  it("reads GA4 rows with nested event_params from Parquet like the NDJSON export", async () => {
    const { DuckDb } = await import("./duckdb/connection.ts");
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "wayline-ga4-"));
    const out = join(dir, "events_20240305.parquet");
    const db = await DuckDb.open();
    try {
      await db.run(
        `COPY (SELECT * FROM read_json('${sample("ga4-bigquery.ndjson")}')) TO '${out}' (FORMAT parquet)`,
      );
    } finally {
      db.close();
    }
    try {
      const fromParquet = await readAllEvents(out);
      const fromJson = await readAllEvents(sample("ga4-bigquery.ndjson"));
      expect(fromParquet.report.connector?.name).toBe("ga4");
      expect(
        fromParquet.events.map(({ caseId, activity, timestamp }) => ({ caseId, activity, timestamp })),
      ).toEqual(fromJson.events.map(({ caseId, activity, timestamp }) => ({ caseId, activity, timestamp })));
      expect(fromParquet.events[0]?.attrs["param:page_location"]).toBe("https://shop.example/");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
