import { describe, expect, it } from "vitest";
import { useTestApi } from "../../test-api.ts";

const CSV = `case_id,stage,touchpoint,metric,score,comment
c1,Order,,csat,2,"Menu had no ingredients, I was worried about peanuts"
c2,order,,csat,4,Friendly waiter
c3,Eat,,csat,5,"Best crust in town, loved it"
c4,Eat,,nps,10,
c5,,Google Maps search,ces,3,Hard to find the place
c6,Leave,,csat,9,score out of range
c7,Nowhere,,csat,3,
c8,Eat,,nps,ten,not a number
`;

describe("surveys API", () => {
  const ctx = useTestApi();

  it("imports answers, reports bad rows by line and column, and gives per-stage results", async () => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const r = await ctx.api.post(
      `/api/journeys/${m.id}/surveys?filename=feedback.csv&name=Autumn%20survey`,
      CSV,
      { "content-type": "text/csv", "x-wayline-upload": "1" },
    );
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ name: "Autumn survey", responses: 6 });
    expect(r.json.errors).toEqual([
      { line: 7, column: "score", reason: "csat scores lie in 1…5" },
      { line: 9, column: "score", reason: expect.any(String) },
    ]);
    expect((await ctx.api.get(`/api/journeys/${m.id}/surveys`)).json).toHaveLength(1);
    const res = (await ctx.api.get(`/api/journeys/${m.id}/surveys/results`)).json;
    const byName = Object.fromEntries(res.stages.map((s: { stageName: string }) => [s.stageName, s]));
    expect(byName.Order.csat).toMatchObject({ value: 0.5, n: 2 });
    expect(byName.Order.csat.low).toBeLessThan(0.5);
    expect(byName.Eat.nps).toMatchObject({ value: 100, n: 1 });
    expect(byName.Eat.sentiment.value).toBeGreaterThan(0);
    expect(byName.Research.ces).toMatchObject({ value: 3, n: 1 });
    expect(byName.Order.emotion.value).toBeLessThan(byName.Eat.emotion.value);
    expect(res.unplaced).toEqual([{ name: "Nowhere", responses: 1 }]);
  });

  it("rejects files without the needed columns and unknown surveys", async () => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const bad = await ctx.api.post(`/api/journeys/${m.id}/surveys?filename=x.csv`, "a,b\n1,2\n", {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/needs columns metric, score and stage or touchpoint; found a, b/);
    expect((await ctx.api.post(`/api/journeys/${m.id}/surveys?filename=x.exe`, "x")).status).toBe(400);
    expect((await ctx.api.delete(`/api/journeys/${m.id}/surveys/nope`)).status).toBe(404);
    const nd =
      '{"stage":"Eat","metric":"csat","score":5,"comment":"great"}\n{"stage":"Eat","metric":"csat","score":1}\n';
    const ok = await ctx.api.post(`/api/journeys/${m.id}/surveys?filename=x.ndjson`, nd, {
      "content-type": "application/x-ndjson",
      "x-wayline-upload": "1",
    });
    expect(ok.json.responses).toBe(2);
    expect((await ctx.api.delete(`/api/journeys/${m.id}/surveys/${ok.json.id}`)).status).toBe(204);
    expect(
      (
        await ctx.api.post("/api/journeys/nope/surveys?filename=x.csv", CSV, {
          "content-type": "text/csv",
          "x-wayline-upload": "1",
        })
      ).status,
    ).toBe(404);
  });
});
