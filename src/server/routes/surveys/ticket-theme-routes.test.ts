import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { uploadCsvLog, useTestAppWithLogs } from "../../test-api.ts";

const SAMPLES = join(import.meta.dirname, "../../../analytics/import/samples");
const sample = (f: string) => readFileSync(join(SAMPLES, f), "utf8");

// A Freshdesk export (the sample's columns) with recurring requests: 3 of the 5 tickets ask to
// change the delivery address.
const HEADER = sample("freshdesk-tickets.csv").split("\n")[0];
const ticket = (id: number, subject: string, description: string, created: string) =>
  `${id},"${subject}","${description}",Closed,Low,Email,Question,Mia Wong,Support,${created},,${created.replace(" 09", " 15")},,${created},,,,Ana Ruiz,ana@example.com,7700${id}`;
const FRESHDESK = `${[
  HEADER,
  ticket(
    21,
    "Change delivery address",
    "Please change the delivery address of my order.",
    "2024-03-01 09:00:00",
  ),
  ticket(
    22,
    "Wrong delivery address",
    "I typed the wrong delivery address, can you fix it?",
    "2024-03-01 09:10:00",
  ),
  ticket(23, "Refund missing", "Still no refund for my return. Terrible service.", "2024-03-01 09:20:00"),
  ticket(24, "Address", "How do I change the delivery address?", "2024-03-01 09:30:00"),
  ticket(25, "Refund", "Where is my refund? This is terrible.", "2024-03-01 09:40:00"),
].join("\n")}\n`;

async function mapOn(api: ReturnType<typeof useTestAppWithLogs>["api"], rules: [string, string][]) {
  const m = (await api.post("/api/journeys", { title: "Support", kind: "current_state" })).json;
  const r = await api.post(`/api/journeys/${m.id}/commands`, {
    baseVersion: 1,
    commands: [
      { type: "addStage", id: "s-ask", name: "Ask for help" },
      { type: "addStage", id: "s-done", name: "Resolved" },
      ...rules.map(([pattern, stageId]) => ({ type: "addActivityRule", match: "exact", pattern, stageId })),
    ],
  });
  expect(r.status).toBe(200);
  return m.id as string;
}

describe("ticket themes API", () => {
  const app = useTestAppWithLogs("ticket-themes");

  it("reads the Zendesk sample's tickets onto the stage of their first mapped event", async () => {
    const log = await uploadCsvLog(app.api, "zendesk-tickets.csv", sample("zendesk-tickets.csv"));
    const id = await mapOn(app.api, [
      ["Ticket created", "s-ask"],
      ["Ticket solved", "s-done"],
    ]);
    const r = await app.api.get(`/api/journeys/${id}/tickets/themes?logId=${log.id}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ logId: log.id, attribute: "text", tickets: 3, truncated: false });
    const ask = r.json.stages.find((s: { stageId: string }) => s.stageId === "s-ask");
    expect([ask.comments, r.json.stages[1].comments]).toEqual([3, 0]);
    // Three different requests: no phrase is in two tickets, so no theme.
    expect(ask.themes).toEqual([]);
    // Only solved tickets mapped: the two solved ones are placed there.
    const late = await mapOn(app.api, [["Ticket solved", "s-done"]]);
    const solved = (await app.api.get(`/api/journeys/${late}/tickets/themes?logId=${log.id}`)).json;
    expect(solved.stages.map((s: { comments: number }) => s.comments)).toEqual([0, 2]);
    // The Freshdesk sample: 2 tickets, subject and description read as one text.
    const fd = await uploadCsvLog(app.api, "freshdesk-tickets.csv", sample("freshdesk-tickets.csv"));
    const fdMap = await mapOn(app.api, [["Ticket created", "s-ask"]]);
    const f = (await app.api.get(`/api/journeys/${fdMap}/tickets/themes?logId=${fd.id}`)).json;
    expect([f.tickets, f.stages[0].comments, f.stages[0].themes]).toEqual([2, 2, []]);
  });

  it("finds recurring requests in a Freshdesk export and suggests one as a pain point", async () => {
    const log = await uploadCsvLog(app.api, "freshdesk.csv", FRESHDESK);
    const id = await mapOn(app.api, [
      ["Ticket created", "s-ask"],
      ["Ticket resolved", "s-done"],
    ]);
    const r = (await app.api.get(`/api/journeys/${id}/tickets/themes?logId=${log.id}`)).json;
    const ask = r.stages.find((s: { stageId: string }) => s.stageId === "s-ask");
    expect(ask.comments).toBe(5);
    const address = ask.themes.find((t: { phrase: string }) => t.phrase === "delivery address");
    expect(address).toMatchObject({ count: 3, share: 0.6 });
    expect(address.quotes.map((q: { ticketId: string }) => q.ticketId)).toEqual(["21", "22", "24"]);
    expect(address.quotes[0]).toEqual({
      logId: log.id,
      ticketId: "21",
      event: 1,
      text: "Change delivery address\nPlease change the delivery address of my order.",
    });
    const refund = ask.themes.find((t: { phrase: string }) => t.phrase === "refund");
    expect(refund.count).toBe(2);
    expect(refund.sentiment).toBeLessThan(0);
    expect(r.automationCandidates.map((a: { stageId: string; phrase: string }) => a.stageId)).toEqual([
      "s-ask",
    ]);

    const pain = await app.api.post(`/api/journeys/${id}/tickets/themes/pain`, {
      logId: log.id,
      stageId: "s-ask",
      phrase: "delivery address",
    });
    expect(pain.status, JSON.stringify(pain.json)).toBe(201);
    const card = pain.json.map.cards.find((c: { id: string }) => c.id === pain.json.cardId);
    expect(card).toMatchObject({
      stageId: "s-ask",
      confidence: "observed",
      text: "“delivery address”: 3 of 5 tickets (60 %) at Ask for help",
      fields: { kind: "pain", reach: 0.6 },
    });
    expect(card.evidence.map((e: { kind: string; title: string }) => [e.kind, e.title])).toEqual([
      ["support_log", `support log ${log.id}, ticket 21, event 1`],
      ["support_log", `support log ${log.id}, ticket 22, event 3`],
      ["support_log", `support log ${log.id}, ticket 24, event 7`],
    ]);
    const missing = await app.api.post(`/api/journeys/${id}/tickets/themes/pain`, {
      logId: log.id,
      stageId: "s-ask",
      phrase: "no such theme",
    });
    expect(missing.status).toBe(404);
  });

  it("refuses a log without ticket text and a request without logId, naming them", async () => {
    const log = await uploadCsvLog(
      app.api,
      "plain.csv",
      "case,activity,timestamp\n1,Ticket created,2024-01-01T00:00:00Z\n",
    );
    const id = await mapOn(app.api, [["Ticket created", "s-ask"]]);
    const r = await app.api.get(`/api/journeys/${id}/tickets/themes?logId=${log.id}`);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('no event carries the attribute "text"');
    const none = await app.api.get(`/api/journeys/${id}/tickets/themes`);
    expect(none.status).toBe(400);
    expect(none.json.error.details.problems[0].path).toBe("query.logId");
  });
});
