import { afterEach, beforeEach, expect, it } from "vitest";
import type { WaylineError } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { JourneyService } from "../journey-service.ts";
import { SimilarPainService } from "./similar-service.ts";

const pgUp = await postgresAvailable();
const clock = () => "2026-12-02T09:00:00.000Z";

/** Pain points of three maps: paraphrases across maps in English, French and German, and noise. */
const MAPS: Record<string, [string, string][]> = {
  Returns: [
    ["r1", "Refund takes three weeks to arrive"],
    ["r2", "Le délai de livraison est trop long, colis perdu"],
    ["r3", "Zahlung fehlgeschlagen bei Kreditkarte"],
  ],
  "Web shop": [
    ["w1", "Waiting weeks for my refunds to be processed"],
    ["w2", "Checkout page is slow on mobile"],
    ["w3", "Délai de livraison trop long"],
  ],
  Store: [
    ["s1", "Mobile checkout was very slow and crashed"],
    ["s2", "Die Zahlung ist fehlgeschlagen"],
    ["s3", "Staff were rude at the front desk"],
    ["s4", "The page takes long to load"],
  ],
};

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    dialect === "sqlite" || pgUp,
    `similar pain points across maps on ${dialect}`,
    () => {
      let t: TestStore;
      let journeys: JourneyService;
      let similar: SimilarPainService;
      const ids: Record<string, string> = {};
      const ref = (card: string) => {
        const title = Object.keys(MAPS).find((m) => MAPS[m]?.some(([id]) => id === card)) as string;
        return { mapId: ids[title] as string, cardId: card };
      };
      beforeEach(async () => {
        t = await createTestStore(dialect);
        journeys = new JourneyService(t.store, clock);
        similar = new SimilarPainService(t.store, journeys, clock);
        for (const [title, pains] of Object.entries(MAPS)) {
          const m = await journeys.create(WS, { title, kind: "current_state" });
          ids[title] = m.map.id;
          await journeys.apply(WS, m.map.id, {
            baseVersion: m.version,
            commands: [
              { type: "addStage", id: "st" as never, name: "Stage" },
              { type: "addLane", id: "lp" as never, laneType: "pain_points" },
              ...pains.map(([id, text]) => ({
                type: "addCard" as const,
                id: id as never,
                laneId: "lp" as never,
                stageId: "st" as never,
                text,
              })),
            ],
          });
        }
      });
      afterEach(async () => t.dispose());

      const partners = async (card: string) =>
        (await similar.report(WS, ref(card))).items[0]?.suggestions.map((s) => s.cardId).sort();

      it("suggests paraphrases of other maps through lemmas and folded accents, not one-word coincidences", async () => {
        const all = await similar.report(WS);
        expect(all.compared).toBe(10);
        expect(all.truncated).toBe(false);
        expect(await partners("r1")).toEqual(["w1"]); // refund/refunds, weeks
        expect(await partners("w2")).toEqual(["s1"]); // checkout, slow, mobile
        expect(await partners("r2")).toEqual(["w3"]); // délai de livraison … long (French)
        expect(await partners("r3")).toEqual(["s2"]); // Zahlung fehlgeschlagen (German)
        expect(await partners("s3")).toEqual([]);
        expect(await partners("s4")).toEqual([]); // shares only "page" / "long"
        const r1 = (await similar.report(WS, ref("r1"))).items[0];
        expect(r1?.suggestions[0]).toMatchObject({
          mapTitle: "Web shop",
          summary: "Waiting weeks for my refunds to be processed",
        });
        expect(r1?.suggestions[0]?.shared.sort()).toEqual(["refund", "week"]);
        expect(all.items.map((i) => i.pain.cardId).sort()).toEqual([
          "r1",
          "r2",
          "r3",
          "s1",
          "s2",
          "w1",
          "w2",
          "w3",
        ]);
      });

      it("a link shows as siblings on both sides; a dismissal is not suggested again; unlink forgets", async () => {
        const linked = await similar.decide(WS, ref("w1"), ref("r1"), "link");
        expect(linked.suggestions).toEqual([]);
        expect(linked.siblings.map((s) => [s.mapTitle, s.cardId])).toEqual([["Returns", "r1"]]);
        expect((await similar.report(WS, ref("r1"))).items[0]?.siblings.map((s) => s.cardId)).toEqual(["w1"]);
        await similar.decide(WS, ref("s1"), ref("w2"), "dismiss");
        expect(await partners("w2")).toEqual([]);
        expect(await partners("s1")).toEqual([]);
        // A fresh service (a restart) reads the same decisions from the table.
        const again = new SimilarPainService(t.store, journeys, clock);
        expect((await again.report(WS, ref("w2"))).items[0]?.suggestions).toEqual([]);
        await again.decide(WS, ref("w2"), ref("s1"), "unlink");
        expect(await partners("w2")).toEqual(["s1"]);
        // Linking a pair the similarity did not suggest is allowed (the team knows better).
        const manual = await similar.decide(WS, ref("s3"), ref("r3"), "link");
        expect(manual.siblings.map((s) => s.cardId)).toEqual(["r3"]);
      });

      it("refuses pairs that are not two pain points of different maps, with the field named", async () => {
        const fail = async (p: Promise<unknown>) => {
          try {
            await p;
          } catch (e) {
            return ((e as WaylineError).details?.problems as { path: string }[] | undefined)?.map(
              (x) => x.path,
            );
          }
          throw new Error("expected a refusal");
        };
        expect(await fail(similar.decide(WS, ref("r1"), ref("r2"), "link"))).toEqual(["body.b.mapId"]);
        expect(
          await fail(similar.decide(WS, ref("r1"), { mapId: ids.Store as string, cardId: "nope" }, "link")),
        ).toEqual(["body.b.cardId"]);
        expect(await fail(similar.report(WS, { mapId: "nope", cardId: "r1" }))).toEqual(["query.cardId"]);
        expect(await t.store.painLinks.list(WS)).toEqual([]);
      });

      it("an edited text is scored again (the cached scoring follows the texts)", async () => {
        expect(await partners("r1")).toEqual(["w1"]);
        const view = await journeys.get(WS, ref("r1").mapId);
        await journeys.apply(WS, view.map.id, {
          baseVersion: view.version,
          commands: [{ type: "updateCard", id: "r1" as never, text: "Parking is hard to find" }],
        });
        expect(await partners("r1")).toEqual([]);
        expect(await partners("w1")).toEqual([]);
      });

      it("a deleted map takes its links with it", async () => {
        await similar.decide(WS, ref("w1"), ref("r1"), "link");
        await journeys.delete(WS, ids.Returns as string);
        expect(await t.store.painLinks.list(WS)).toEqual([]);
        expect((await similar.report(WS, ref("w1"))).items[0]?.siblings).toEqual([]);
      });
    },
  );
}
