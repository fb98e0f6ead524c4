import { beforeAll, describe, expect, it } from "vitest";
import { buildMap, type SurveyResponse } from "../../domain/journey-data/index.ts";
import { themesNlp, themesReport } from "./themes.ts";

const map = buildMap(
  "Support",
  [
    { type: "addStage", id: "s-order" as never, name: "Order" },
    { type: "addStage", id: "s-deliver" as never, name: "Delivery" },
  ],
  "2026-12-01T00:00:00.000Z",
);

const answer = (stage: string, comment: string, score = 2): SurveyResponse => ({
  caseId: null,
  stage,
  touchpoint: null,
  metric: "csat",
  score,
  comment,
});

describe("themes from survey comments (wink-nlp + AFINN)", () => {
  let nlp: Awaited<ReturnType<typeof themesNlp>>;
  beforeAll(async () => {
    nlp = await themesNlp();
  }, 60_000);

  it("finds recurring phrases per stage with counts, sentiment, quotes and their rows", () => {
    const responses = [
      answer("Delivery", "Where is my parcel? The tracking link is broken."),
      answer("Delivery", "Tracking link does not work, terrible."),
      answer("Delivery", "I want to change the delivery address."),
      answer("Delivery", "How do I change the delivery address?"),
      answer("Delivery", "Please change the delivery address for my order."),
      answer("Order", "Great shop, lovely checkout.", 5),
      answer("Order", ""),
    ];
    const r = themesReport(map, [{ id: "sv1", responses }], nlp);
    const delivery = r.stages.find((s) => s.stageName === "Delivery");
    expect(delivery?.comments).toBe(5);
    const address = delivery?.themes.find((t) => t.phrase === "delivery address");
    expect(address?.count).toBe(3);
    expect(address?.share).toBeCloseTo(3 / 5, 10);
    expect(address?.quotes.map((q) => q.row)).toEqual([3, 4, 5]);
    expect(address?.quotes[0]).toEqual({
      surveyId: "sv1",
      row: 3,
      text: "I want to change the delivery address.",
    });
    const tracking = delivery?.themes.find((t) => t.phrase === "tracking link");
    expect(tracking?.count).toBe(2);
    expect(tracking?.sentiment).toBeLessThan(0);
    // A phrase of one comment only is not a theme.
    expect(delivery?.themes.some((t) => t.phrase === "parcel")).toBe(false);
    // 3 of 5 comments ask the same thing: an automation candidate; Order has 1 comment, too few.
    expect(r.automationCandidates).toEqual([
      { stageId: "s-deliver", stageName: "Delivery", phrase: delivery?.themes[0]?.phrase, share: 3 / 5 },
    ]);
    expect(delivery?.themes[0]?.count).toBe(3);
    expect(r.stages.find((s) => s.stageName === "Order")?.themes).toEqual([]);
  });
});
