import { afterEach, beforeEach, expect, it } from "vitest";
import { WaylineError } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { JourneyService } from "../journey-service.ts";
import { PortfolioService } from "./portfolio-service.ts";

const pgUp = await postgresAvailable();
const clock = () => "2026-01-01T09:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    dialect === "sqlite" || pgUp,
    `portfolio across maps on ${dialect}`,
    () => {
      let t: TestStore;
      let journeys: JourneyService;
      let portfolio: PortfolioService;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        journeys = new JourneyService(t.store, clock);
        portfolio = new PortfolioService(journeys, clock);
      });
      afterEach(async () => t.dispose());

      it("lists every pain point and idea of the template maps by priority", async () => {
        const pizza = (await journeys.create(WS, { templateId: "pizza-restaurant" })).map;
        const shop = (await journeys.create(WS, { templateId: "ecommerce-purchase" })).map;
        const kinds = (m: typeof pizza) =>
          m.cards.filter((c) => ["pain", "idea"].includes(c.fields.kind)).length;
        const all = await portfolio.list(WS);
        expect(all.total).toBe(kinds(pizza) + kinds(shop));
        expect(new Set(all.items.map((i) => i.mapId))).toEqual(new Set([pizza.id, shop.id]));
        const scores = all.items.map((i) => i.score).filter((s): s is number => s !== null);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        const pains = await portfolio.list(WS, { type: "pain", mapId: pizza.id });
        expect(pains.items.every((i) => i.type === "pain" && i.mapId === pizza.id)).toBe(true);
        const late = await portfolio.list(WS, { overdue: true }, "2030-01-01");
        expect(late.items.length).toBeGreaterThan(0);
        expect(late.items.every((i) => i.overdue)).toBe(true);
        const csv = await portfolio.csv(WS, { mapId: shop.id }, "http://localhost:4400");
        expect(csv.split("\r\n")[0]).toBe("Summary,Description,Assignee,Due date,Labels,Link");
        expect(csv).toContain(`http://localhost:4400/maps/${shop.id}`);
      });

      it("bulk-edits pain points of two maps through their commands, undoable per map", async () => {
        const pizza = (await journeys.create(WS, { templateId: "pizza-restaurant" })).map;
        const shop = (await journeys.create(WS, { templateId: "ecommerce-purchase" })).map;
        const { items } = await portfolio.list(WS, { type: "pain" });
        const a = items.find((i) => i.mapId === pizza.id);
        const b = items.find((i) => i.mapId === shop.id);
        if (!a || !b) throw new Error("templates have pain points");
        const before = { pizza: await journeys.get(WS, pizza.id), shop: await journeys.get(WS, shop.id) };
        const set = { owner: "Maria", status: "in_progress" as const, dueDate: "2026-03-31" };
        const out = await portfolio.bulkEdit(WS, {
          items: [a, b].map(({ mapId, cardId }) => ({ mapId, cardId })),
          set,
        });
        expect(out.maps.map((m) => [m.mapId, m.version])).toEqual([
          [pizza.id, before.pizza.version + 1],
          [shop.id, before.shop.version + 1],
        ]);
        const edited = (await journeys.get(WS, shop.id)).map.cards.find((c) => c.id === b.cardId);
        expect(edited?.fields).toMatchObject(set);

        const undoShop = out.maps[1];
        if (!undoShop) throw new Error("two maps");
        await journeys.apply(WS, shop.id, undoShop.undo);
        expect((await journeys.get(WS, shop.id)).map.cards).toEqual(before.shop.map.cards);
        const stillPizza = (await journeys.get(WS, pizza.id)).map.cards.find((c) => c.id === a.cardId);
        expect(stillPizza?.fields).toMatchObject(set);
      });

      it("checks every item first: an idea or unknown card changes nothing", async () => {
        const pizza = (await journeys.create(WS, { templateId: "pizza-restaurant" })).map;
        const pain = pizza.cards.find((c) => c.fields.kind === "pain");
        const idea = pizza.cards.find((c) => c.fields.kind === "idea");
        if (!pain || !idea) throw new Error("template has both");
        const err = await portfolio
          .bulkEdit(WS, {
            items: [
              { mapId: pizza.id, cardId: pain.id },
              { mapId: pizza.id, cardId: idea.id },
            ],
            set: { owner: "Maria" },
          })
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(WaylineError);
        expect((err as WaylineError).details?.problems).toEqual([
          { path: "body.items[1].cardId", message: `no pain point "${idea.id}" on map ${pizza.id}` },
        ]);
        const after = await journeys.get(WS, pizza.id);
        expect(after.version).toBe(1);
        expect(after.map.cards).toEqual(pizza.cards);
        const missing = portfolio.bulkEdit(WS, {
          items: [{ mapId: "nope", cardId: "x" }],
          set: { owner: null },
        });
        await expect(missing).rejects.toMatchObject({ code: "not_found" });
      });

      it("moves solutions between statuses with setSolution (shipping dates them today), undoable", async () => {
        const pizza = (await journeys.create(WS, { templateId: "pizza-restaurant" })).map;
        const [idea, other] = pizza.cards.filter((c) => c.fields.kind === "idea");
        const kpi = pizza.cards.find((c) => c.fields.kind === "kpi");
        if (!idea || !other || !kpi) throw new Error("template has two ideas and a KPI");
        const made = await journeys.apply(WS, pizza.id, {
          baseVersion: 1,
          commands: [
            {
              type: "setSolution",
              id: idea.id,
              solution: { status: "planned", shipDate: null, kpiIds: [kpi.id] },
            },
          ],
        });
        const out = await portfolio.bulkEdit(WS, {
          items: [{ mapId: pizza.id, cardId: idea.id }],
          set: { solutionStatus: "shipped" },
        });
        const shipped = (await journeys.get(WS, pizza.id)).map.cards.find((c) => c.id === idea.id);
        expect(shipped?.fields).toMatchObject({
          solutionStatus: "shipped",
          shipDate: "2026-01-01", // the clock's day
          kpiIds: [kpi.id],
        });
        const listed = await portfolio.list(WS, { type: "solution", status: "shipped" });
        expect(listed.items.map((i) => i.cardId)).toEqual([idea.id]);
        await journeys.apply(WS, pizza.id, (out.maps[0] as (typeof out.maps)[0]).undo);
        expect((await journeys.get(WS, pizza.id)).map.cards).toEqual(made.view.map.cards);
        // A plain idea is no solution; solutionStatus is not mixed with the pain-point fields.
        const err = await portfolio
          .bulkEdit(WS, {
            items: [{ mapId: pizza.id, cardId: other.id }],
            set: { solutionStatus: "planned" },
          })
          .catch((e: unknown) => e);
        expect((err as WaylineError).details?.problems).toEqual([
          { path: "body.items[0].cardId", message: `no solution "${other.id}" on map ${pizza.id}` },
        ]);
      });
    },
  );
}
