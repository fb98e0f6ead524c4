import { describe, expect, it } from "vitest";
import { useTestApi } from "../../test-api.ts";

const CSV = `case_id,stage,touchpoint,metric,score,comment
c1,Order,,csat,2,The delivery address cannot be changed
c2,Order,,csat,1,"How do I change the delivery address?"
c3,Order,,csat,2,Please let me change the delivery address
c4,Order,,csat,4,Friendly waiter
c5,Order,,csat,2,Changing the delivery address is impossible
c6,Eat,,csat,5,"Best crust in town, loved it"
`;

describe("survey themes API", () => {
  const ctx = useTestApi();

  it("answers themes per stage and turns one into an observed pain card with its quotes", async () => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const up = await ctx.api.post(`/api/journeys/${m.id}/surveys?filename=f.csv`, CSV, {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
    expect(up.status).toBe(201);
    const themes = (await ctx.api.get(`/api/journeys/${m.id}/surveys/themes`)).json;
    const order = themes.stages.find((s: { stageName: string }) => s.stageName === "Order");
    expect(order.comments).toBe(5);
    const address = order.themes.find((t: { phrase: string }) => t.phrase === "delivery address");
    expect(address).toMatchObject({ count: 4, share: 0.8 });
    expect(address.quotes[0]).toMatchObject({ row: 1, text: "The delivery address cannot be changed" });
    expect(themes.automationCandidates.map((a: { stageName: string }) => a.stageName)).toEqual(["Order"]);

    const before = m.cards.length;
    const r = await ctx.api.post(`/api/journeys/${m.id}/surveys/themes/pain`, {
      stageId: order.stageId,
      phrase: "delivery address",
    });
    expect(r.status).toBe(201);
    const card = r.json.map.cards.find((c: { id: string }) => c.id === r.json.cardId);
    expect(r.json.map.cards).toHaveLength(before + 1);
    expect(card).toMatchObject({
      stageId: order.stageId,
      confidence: "observed",
      fields: { kind: "pain", reach: 0.8 },
    });
    expect(card.evidence.map((e: { kind: string; note: string }) => e.kind)).toEqual([
      "survey",
      "survey",
      "survey",
    ]);
    expect(card.evidence[0].note).toBe("The delivery address cannot be changed");
    const missing = await ctx.api.post(`/api/journeys/${m.id}/surveys/themes/pain`, {
      stageId: order.stageId,
      phrase: "no such theme",
    });
    expect(missing.status).toBe(404);
    expect((await ctx.api.post(`/api/journeys/${m.id}/surveys/themes/pain`, { phrase: "x" })).status).toBe(
      400,
    );
  });
});
