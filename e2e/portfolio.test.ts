import { existsSync, mkdirSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";

const shots = "e2e/screenshots";

interface Card {
  id: string;
  fields: Record<string, unknown>;
}

/** Drags with the mouse in small steps (dnd-kit starts a drag after 5 px). */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("drag source or target not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "portfolio in Chromium: board drag and Move to…, similar pain points, panel fields, KPIs before/after",
  () => {
    let h: Harness;
    let returns: string;
    let shop: string;
    const cardOf = async (page: Page, mapId: string, id: string) =>
      ((await (await page.request.get(`/api/journeys/${mapId}`)).json()).cards as Card[]).find(
        (c) => c.id === id,
      );
    beforeAll(async () => {
      buildWebApp();
      mkdirSync(shots, { recursive: true });
      h = await startHarness();
      const page = await h.newPage();
      const post = async (path: string, data: unknown) => (await page.request.post(path, { data })).json();
      const r = await post("/api/journeys", { title: "Returns", kind: "current_state" });
      returns = r.id;
      const made = await page.request.post(`/api/journeys/${returns}/commands`, {
        data: {
          baseVersion: r.version,
          commands: [
            { type: "addStage", id: "s1", name: "Request refund" },
            { type: "addLane", id: "lp", laneType: "pain_points" },
            { type: "addLane", id: "li", laneType: "ideas" },
            { type: "addLane", id: "lk", laneType: "kpis" },
            {
              type: "addCard",
              id: "p1",
              laneId: "lp",
              stageId: "s1",
              text: "Refund takes three weeks to arrive",
              fields: { impact: "abandon", reach: 0.4, confidencePct: 60, effortWeeks: 3 },
            },
            {
              type: "addCard",
              id: "k1",
              laneId: "lk",
              stageId: "s1",
              text: "Refund time",
              fields: { name: "Refund time", unit: "days", target: 5 },
            },
            { type: "recordKpiValue", id: "k1", date: "2026-09-01", value: 24 },
            { type: "recordKpiValue", id: "k1", date: "2026-10-01", value: 21 },
            { type: "recordKpiValue", id: "k1", date: "2026-11-01", value: 12 },
            { type: "recordKpiValue", id: "k1", date: "2026-11-20", value: 9 },
            {
              type: "addCard",
              id: "i1",
              laneId: "li",
              stageId: "s1",
              text: "Instant refund to store credit",
              fields: { painPointIds: ["p1"], effort: "medium" },
            },
            {
              type: "setSolution",
              id: "i1",
              solution: { status: "shipped", shipDate: "2026-10-15", kpiIds: ["k1"] },
            },
            { type: "addCard", id: "i2", laneId: "li", stageId: "s1", text: "Refund tracker page" },
            { type: "setSolution", id: "i2", solution: { status: "planned", shipDate: null, kpiIds: [] } },
          ],
        },
      });
      expect(made.status()).toBe(200);
      const s = await post("/api/journeys", { title: "Web shop", kind: "current_state" });
      shop = s.id;
      const made2 = await page.request.post(`/api/journeys/${shop}/commands`, {
        data: {
          baseVersion: s.version,
          commands: [
            { type: "addStage", id: "s1", name: "After purchase" },
            { type: "addLane", id: "lp", laneType: "pain_points" },
            {
              type: "addCard",
              id: "q1",
              laneId: "lp",
              stageId: "s1",
              text: "Waiting weeks for my refunds to be processed",
              fields: { impact: "workaround", reach: 0.3 },
            },
            {
              type: "addCard",
              id: "q2",
              laneId: "lp",
              stageId: "s1",
              text: "Checkout page is slow on mobile",
              fields: { impact: "trivial", reach: 0.2 },
            },
          ],
        },
      });
      expect(made2.status()).toBe(200);
      await page.close();
    }, 240_000);
    afterAll(async () => h?.close());

    it("the board moves cards by drag and by the Move to… menu through the map, undoable there", {
      timeout: 120_000,
    }, async () => {
      const page = await h.newPage({ width: 1366, height: 900 });
      await page.goto("/portfolio");
      await page.getByLabel("View").selectOption("board");
      const open = page.getByRole("region", { name: "Open" });
      const inProgress = page.getByRole("region", { name: "In progress" });
      const card = open.locator('li[data-card$="/q2"]');
      await card.waitFor();
      await page.screenshot({ path: `${shots}/portfolio-board-before.png` });
      await drag(page, card, inProgress);
      await inProgress.locator('li[data-card$="/q2"]').waitFor();
      expect((await cardOf(page, shop, "q2"))?.fields.status).toBe("in_progress");
      await page.getByRole("button", { name: "Undo on Web shop" }).click();
      await open.locator('li[data-card$="/q2"]').waitFor();
      expect((await cardOf(page, shop, "q2"))?.fields.status).toBe("open");

      // Keyboard: the card's Move to… menu (a native select).
      const menu = page.getByRole("combobox", { name: "Move “Checkout page is slow on mobile” to" });
      await menu.focus();
      await menu.selectOption("done");
      await page.getByRole("region", { name: "Done" }).locator('li[data-card$="/q2"]').waitFor();
      expect((await cardOf(page, shop, "q2"))?.fields.status).toBe("done");
      await page.screenshot({ path: `${shots}/portfolio-board-after.png` });

      // Solutions board: planned → shipped dates the solution today.
      await page.getByLabel("View").selectOption("solutions");
      const planned = page.getByRole("region", { name: "Planned" });
      const shipped = page.getByRole("region", { name: "Shipped" });
      const sol = planned.locator('li[data-card$="/i2"]');
      await sol.waitFor();
      await drag(page, sol, shipped);
      await shipped.locator('li[data-card$="/i2"]').waitFor();
      const i2 = await cardOf(page, returns, "i2");
      expect(i2?.fields.solutionStatus).toBe("shipped");
      expect(i2?.fields.shipDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.screenshot({ path: `${shots}/portfolio-solutions-board.png` });
      await page.close();
    });

    it("similar pain points: suggested in the portfolio, linked there, siblings in the panel open the other map", {
      timeout: 120_000,
    }, async () => {
      const page = await h.newPage({ width: 1366, height: 900 });
      await page.goto("/portfolio");
      const row = page.getByRole("row", { name: /Refund takes three weeks to arrive/ });
      await row.locator("summary", { hasText: "1 similar pain point in other maps" }).click();
      const link = row.getByRole("button", {
        name: "Link Waiting weeks for my refunds to be processed (Web shop)",
      });
      await link.waitFor();
      await page.screenshot({ path: `${shots}/portfolio-similar.png` });
      await link.click();
      await row.locator("summary", { hasText: "1 linked" }).waitFor();

      // The other side's panel lists its sibling; the link opens the first map at the card.
      await page.goto(`/maps/${shop}?card=q1`);
      const panel = page.getByRole("group", { name: "Similar pain points in other maps" });
      const sibling = panel.getByRole("link", { name: /Returns · Request refund: Refund takes three weeks/ });
      await sibling.waitFor();
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/panel-pain-siblings.png` });
      await sibling.click();
      await page.waitForURL(`**/maps/${returns}*`);
      const back = page.getByRole("group", { name: "Similar pain points in other maps" });
      await back.getByRole("link", { name: /Web shop · After purchase: Waiting weeks/ }).waitFor();
      await page.close();
    });

    it("panel fields of pain, idea/solution and KPI, and the KPIs page before → after", {
      timeout: 120_000,
    }, async () => {
      const page = await h.newPage({ width: 1366, height: 900 });
      await page.goto(`/maps/${returns}?card=p1`);
      await page.getByLabel("RICE confidence % (empty: from evidence)").waitFor();
      expect(await page.getByLabel("RICE confidence % (empty: from evidence)").inputValue()).toBe("60");
      expect(await page.getByLabel("RICE effort (person-weeks)").inputValue()).toBe("3");
      await page.screenshot({ path: `${shots}/panel-pain-rice.png` });

      await page.goto(`/maps/${returns}?card=i1`);
      const solution = page.getByRole("group", { name: "Solution" });
      await solution.waitFor();
      expect(await solution.getByLabel("Status").inputValue()).toBe("shipped");
      expect(await solution.getByLabel("Ship date").inputValue()).toBe("2026-10-15");
      expect(await solution.getByRole("checkbox", { name: "Refund time" }).isChecked()).toBe(true);
      await solution.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/panel-solution.png` });

      await page.goto(`/maps/${returns}?card=k1`);
      const history = page.getByRole("group", { name: "History" });
      await history.waitFor();
      expect(await history.locator("svg.sparkline polyline").count()).toBe(1);
      expect(await history.getByRole("img").getAttribute("class")).toBe("sparkline");
      expect(await history.textContent()).toContain("2026-11-20");
      await history.getByLabel("Date", { exact: true }).fill("2026-12-01");
      await history.getByLabel("Value", { exact: true }).fill("7");
      await history.getByRole("button", { name: "Record value" }).click();
      await history.locator(".kpi-history li", { hasText: "2026-12-01" }).waitFor();
      await history.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/panel-kpi-history.png` });
      await expect
        .poll(
          async () => ((await cardOf(page, returns, "k1"))?.fields.history as unknown[] | undefined)?.length,
        )
        .toBe(5);

      await page.goto("/kpis");
      const row = page.getByRole("row", { name: /Refund time/ });
      await row.waitFor();
      const text = (await row.textContent()) ?? "";
      expect(text).toContain("Instant refund to store credit");
      expect(text).toMatch(/21\s*days?\s*→\s*7/); // before the ship date → latest after it
      await page.screenshot({ path: `${shots}/kpis-before-after.png`, fullPage: true });
      expect(await row.locator(".kpi-change-better").count()).toBe(1); // 21 → 7 days, toward 5
      await page.close();
    });
  },
);
