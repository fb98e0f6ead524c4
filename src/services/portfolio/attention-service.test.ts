import { afterEach, beforeEach, expect, it } from "vitest";
import { isPainCard, isUnresolved } from "../../domain/analysis/index.ts";
import type { JourneyMap } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { JourneyService } from "../journey-service.ts";
import { SettingsService } from "../settings-service.ts";
import { AttentionService } from "./attention-service.ts";

const pgUp = await postgresAvailable();
const created = "2026-01-01T09:00:00.000Z";
/** Day after creation: nothing is due yet. */
const SOON = "2026-01-02";
/** Eighteen months on: every template pain point with a date and every review is overdue. */
const LATER = "2027-07-01";

const openDated = (m: JourneyMap) =>
  m.cards.filter(isPainCard).filter((c) => isUnresolved(c) && c.fields.dueDate !== null).length;

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    dialect === "sqlite" || pgUp,
    `needs attention across the workspace on ${dialect}`,
    () => {
      let t: TestStore;
      let journeys: JourneyService;
      let settings: SettingsService;
      let attention: AttentionService;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        journeys = new JourneyService(t.store, () => created);
        settings = new SettingsService(t.store);
        attention = new AttentionService(journeys, settings, () => `${LATER}T00:00:00.000Z`);
      });
      afterEach(async () => t.dispose());

      it("lists overdue pain points and overdue reviews of template maps, per owner", async () => {
        const pizza = (await journeys.create(WS, { templateId: "pizza-restaurant" })).map;
        const shop = (await journeys.create(WS, { templateId: "ecommerce-purchase" })).map;
        await journeys.patch(WS, pizza.id, { owner: "Maria Rossi" });

        const fresh = await attention.list(WS, { today: SOON });
        expect(fresh.counts).toMatchObject({ "pain-overdue": 0, "review-overdue": 0 });
        expect(fresh.mapCount).toBe(2);

        const late = await attention.list(WS);
        expect(late.today).toBe(LATER);
        expect(openDated(pizza) + openDated(shop)).toBeGreaterThan(0);
        expect(late.counts["pain-overdue"]).toBe(openDated(pizza) + openDated(shop));
        expect(late.counts["review-overdue"]).toBe(2);
        expect(late.items[0]?.kind).toBe("pain-overdue");

        const maria = await attention.list(WS, { owner: " maria rossi " });
        expect(maria.items.length).toBeGreaterThan(0);
        expect(maria.items.every((i) => i.owner === "Maria Rossi")).toBe(true);
        expect(maria.items.filter((i) => i.kind === "review-overdue").map((i) => i.mapId)).toEqual([
          pizza.id,
        ]);
        expect(late.owners).toContainEqual({ owner: "Maria Rossi", count: maria.items.length });

        const overdueOnly = await attention.list(WS, { kinds: ["pain-overdue"] });
        expect(new Set(overdueOnly.items.map((i) => i.kind))).toEqual(new Set(["pain-overdue"]));
      });

      it("follows the workspace settings and the future-state link; skips archived maps", async () => {
        const pizza = (await journeys.create(WS, { templateId: "pizza-restaurant" })).map;
        const futureOf = (r: Awaited<ReturnType<AttentionService["list"]>>) =>
          r.items.filter((i) => i.kind === "future-state-missing").map((i) => i.message);
        expect(futureOf(await attention.list(WS, { today: SOON }))).toHaveLength(1);

        const future = (await journeys.create(WS, { title: "Pizza to be", kind: "future_state" })).map;
        await journeys.patch(WS, pizza.id, { counterpartId: future.id });
        expect(futureOf(await attention.list(WS, { today: SOON }))).toEqual([]);
        await journeys.delete(WS, future.id);
        expect(futureOf(await attention.list(WS, { today: SOON }))).toEqual([
          `The linked future-state map ${future.id} no longer exists.`,
        ]);

        await settings.update(WS, {
          health: { reviewCadenceMonths: 24, rules: { "future-state-missing": "off" } },
        });
        const relaxed = await attention.list(WS);
        expect(relaxed.counts).toMatchObject({ "review-overdue": 0, "future-state-missing": 0 });
        expect(relaxed.counts["pain-overdue"]).toBeGreaterThan(0);

        await journeys.patch(WS, pizza.id, { status: "archived" });
        expect((await attention.list(WS)).items).toEqual([]);
      });
    },
  );
}
