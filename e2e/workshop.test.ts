import { existsSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { prioritizePainPoints } from "../src/domain/analysis/priority.ts";
import type { MapCommand } from "../src/domain/index.ts";
import { JourneyService } from "../src/services/journey-service.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../src/storage/workspaces.ts";
import { describeWithService } from "../src/testing/services.ts";
import { accountsApp, addMember, PASSWORD, signedIn } from "./accounts.ts";
import { CHROMIUM } from "./harness.ts";

const SHOTS = process.env.WAYLINE_SHOTS;

/** Serious and critical axe findings inside `selector`, as "rule: target" lines. */
async function axe(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page } as never).include(selector).analyze();
  return result.violations
    .filter((v: { impact?: string | null }) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** Seconds shown by a timer ("mm:ss"). */
async function seconds(timer: Locator): Promise<number> {
  const [m, s] = ((await timer.textContent()) ?? "").split(":").map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "workshop mode in Chromium (facilitator and guest)",
  () => {
    const app = accountsApp("workshop");

    it("a facilitator runs a vote that a guest joins: shared timer, parking lot, hidden dots, reveal, priority", async () => {
      const now = new Date().toISOString();
      await addMember(app.server, { email: "olga@team.io", name: "Olga", role: "owner" });
      const fran = await addMember(app.server, { email: "fran@team.io", name: "Fran", role: "editor" });
      const journeys = new JourneyService(app.server.store);
      const made = await journeys.create(WS, { title: "Checkout", kind: "current_state" });
      const pain = { impact: "abandon", reach: 0.5 };
      await journeys.apply(WS, made.map.id, {
        baseVersion: made.version,
        commands: [
          { type: "addStage", id: "s1", name: "Browse" },
          { type: "addStage", id: "s2", name: "Pay" },
          { type: "addLane", id: "lp", laneType: "pain_points" },
          { type: "addCard", id: "p1", laneId: "lp", stageId: "s1", text: "Slow search", fields: pain },
          { type: "addCard", id: "p2", laneId: "lp", stageId: "s2", text: "Hidden fees", fields: pain },
        ] as MapCommand[],
      });
      const mapId = made.map.id;
      const ranked = async () =>
        prioritizePainPoints((await journeys.get(WS, mapId)).map).map((p) => p.card.text);
      expect(await ranked()).toEqual(["Slow search", "Hidden fees"]);
      const { token } = await app.server.store.shareLinks.create(
        {
          workspaceId: WS,
          mapId,
          access: "comment",
          passwordHash: null,
          createdBy: fran.id,
          expiresAt: null,
        },
        now,
      );

      // The facilitator signs in, opens the map and starts a session with a 5-minute timer and an agenda.
      const f = await (
        await app.browser.newContext({ baseURL: app.server.url, viewport: { width: 1440, height: 900 } })
      ).newPage();
      await f.goto("/");
      const login = f.getByRole("form", { name: "Sign in" });
      await login.getByLabel("E-mail").fill("fran@team.io");
      await login.getByLabel("Password").fill(PASSWORD);
      await login.getByRole("button", { name: "Sign in" }).click();
      await f.getByRole("heading", { name: "Your journey maps" }).waitFor();
      await f.goto(`/maps/${mapId}`);
      await f.getByRole("button", { name: "Workshop", exact: true }).click();
      const panel = f.getByRole("complementary", { name: "Workshop" });
      await panel.getByRole("button", { name: "Start a workshop session" }).click();
      await panel.getByLabel("Minutes").fill("5");
      await panel.getByRole("button", { name: "Set", exact: true }).click();
      await panel.getByRole("timer", { name: "Time left" }).filter({ hasText: "05:00" }).waitFor();
      await panel.getByRole("button", { name: "Start timer" }).click();
      await panel.getByText("Running").waitFor();
      for (const step of ["Warm-up", "Dot vote"]) {
        await panel.getByLabel("New step").fill(step);
        await panel.getByRole("button", { name: "Add step" }).click();
        await panel.getByRole("listitem").filter({ hasText: step }).waitFor();
      }
      await panel.getByRole("button", { name: "Make “Dot vote” the current step" }).click();
      await panel.getByText("Now: Dot vote").waitFor();

      // The guest opens the comment link: the same timer and current step, live.
      const g = await (
        await app.browser.newContext({ baseURL: app.server.url, viewport: { width: 1440, height: 900 } })
      ).newPage();
      await g.goto(`/s/${token}`);
      await g.getByLabel("Your name (shown to the others)").fill("Dana Guest");
      await g.getByRole("button", { name: "Continue" }).click();
      const gPanel = g.getByRole("complementary", { name: "Workshop" });
      await gPanel.getByText("Now: Dot vote").waitFor({ timeout: 15_000 });
      const fTimer = panel.getByRole("timer", { name: "Time left" });
      const gTimer = gPanel.getByRole("timer", { name: "Time left" });
      // The timer runs: within a few seconds both show less than the 5 minutes it started with.
      await expect.poll(() => seconds(fTimer), { timeout: 10_000 }).toBeLessThan(300);
      const [a, b] = [await seconds(fTimer), await seconds(gTimer)];
      expect(Math.abs(a - b)).toBeLessThanOrEqual(2);
      expect(await gPanel.getByRole("button", { name: "Start timer" }).count()).toBe(0);

      // The guest parks a note: a real "Parking lot" lane appears on the facilitator's map.
      await gPanel.getByLabel("Note").fill("Ask legal about the fees");
      await gPanel.getByLabel("Stage").selectOption({ label: "Pay" });
      await gPanel.getByRole("button", { name: "Add to parking lot" }).click();
      await gPanel.getByText("Note added").waitFor();
      await f.getByText("Ask legal about the fees").first().waitFor({ timeout: 15_000 });
      const lanes = (await journeys.get(WS, mapId)).map.lanes.map((l) => l.name);
      expect(lanes).toContain("Parking lot");

      // Dot vote: 2 dots each; the guest's dots stay hidden from the facilitator until the reveal.
      await panel.getByLabel("Dots per person").fill("2");
      await panel.getByRole("button", { name: "Open the vote" }).click();
      await gPanel.getByText(/You have 2 dots left of 2/).waitFor({ timeout: 15_000 });
      await gPanel.getByRole("button", { name: "Add a dot to “Hidden fees”" }).click();
      await gPanel.getByText(/You have 1 dot left/).waitFor();
      await gPanel.getByRole("button", { name: "Add a dot to “Hidden fees”" }).click();
      await gPanel.getByText(/You have 0 dots left/).waitFor();
      expect(await gPanel.getByRole("button", { name: "Add a dot to “Slow search”" }).isDisabled()).toBe(
        true,
      );
      await panel.getByText(/1 person voted so far/).waitFor({ timeout: 15_000 });
      expect(await panel.getByRole("region", { name: "Vote results" }).count()).toBe(0);
      // Not only hidden on screen: the facilitator's browser never receives the guest's dots.
      const answered = await f.evaluate(
        async (id) => (await (await fetch(`/api/journeys/${id}/workshop`)).json()).session.vote,
        mapId,
      );
      expect(answered).toMatchObject({ voters: 1, mine: {}, totals: null });
      if (SHOTS) await g.screenshot({ path: join(SHOTS, "workshop-guest-voting.png") });
      expect(await axe(g, ".workshop-panel")).toEqual([]);
      expect(await gPanel.getByRole("button", { name: "Reveal the votes" }).count()).toBe(0);

      // The timer survives a reload of the facilitator's page.
      await f.reload();
      await f.getByRole("button", { name: /^Workshop \d\d:\d\d$/ }).waitFor({ timeout: 15_000 });
      if (!(await f.getByRole("complementary", { name: "Workshop" }).isVisible()))
        await f.getByRole("button", { name: /^Workshop / }).click();
      expect(Math.abs((await seconds(fTimer)) - (await seconds(gTimer)))).toBeLessThanOrEqual(2);

      // Reveal: both see the totals; the votes now rank "Hidden fees" first and stay as evidence.
      await panel.getByRole("button", { name: "Reveal the votes" }).click();
      const fResults = panel.getByRole("region", { name: "Vote results" });
      const gResults = gPanel.getByRole("region", { name: "Vote results" });
      await fResults.getByText("2 votes").waitFor();
      await gResults.getByText("2 votes").waitFor({ timeout: 15_000 });
      expect(await gResults.getByRole("listitem").filter({ hasText: "Hidden fees" }).textContent()).toContain(
        "2 votes",
      );
      expect(await ranked()).toEqual(["Hidden fees", "Slow search"]);
      const card = (await journeys.get(WS, mapId)).map.cards.find((c) => c.text === "Hidden fees");
      expect(card?.evidence.map((e) => e.title)).toEqual([
        `Workshop ${new Date().toISOString().slice(0, 10)}: 2 votes of 1 participant`,
      ]);
      expect(card?.confidence).toBe("observed");
      if (SHOTS) {
        await panel.screenshot({ path: join(SHOTS, "workshop-panel-facilitator.png") });
        await g.screenshot({ path: join(SHOTS, "workshop-guest-results.png") });
      }
      expect(await axe(f, ".workshop-panel")).toEqual([]);
      expect(await axe(g, ".workshop-panel")).toEqual([]);
    }, 240_000);

    it("everyone follows the facilitator's view; a participant can leave and come back", async () => {
      await addMember(app.server, { email: "ben@team.io", name: "Ben", role: "commenter" });
      await addMember(app.server, { email: "fia@team.io", name: "Fia", role: "editor" });
      const made = await new JourneyService(app.server.store).create(WS, { templateId: "pizza-restaurant" });
      const f = await signedIn(app.browser, app.server.url, "fia@team.io");
      const b = await signedIn(app.browser, app.server.url, "ben@team.io");
      await f.goto(`/maps/${made.map.id}`);
      await b.goto(`/maps/${made.map.id}`);
      await b.getByRole("button", { name: "Workshop", exact: true }).waitFor();
      await f.getByRole("button", { name: "Workshop", exact: true }).click();
      const panel = f.getByRole("complementary", { name: "Workshop" });
      await panel.getByRole("button", { name: "Start a workshop session" }).click();
      // The participant's header shows the session's timer, and the panel opens by itself.
      await b.getByRole("button", { name: "Workshop 10:00" }).waitFor({ timeout: 15_000 });
      const bPanel = b.getByRole("complementary", { name: "Workshop" });
      await bPanel.waitFor();
      expect(await bPanel.getByRole("button", { name: "Everyone follow me" }).count()).toBe(0);
      await panel.getByRole("button", { name: "Everyone follow me" }).click();
      const banner = b.getByRole("status").filter({ hasText: /^Following/ });
      await banner.waitFor({ timeout: 15_000 });
      await panel.getByText("Everyone's view follows yours; each can leave.").waitFor();
      // Leaving: the banner's Stop; the panel offers the way back.
      await banner.getByRole("button", { name: "Stop" }).click();
      await banner.waitFor({ state: "detached" });
      await bPanel.getByRole("button", { name: /^Follow / }).click();
      await banner.waitFor();
      await panel.getByRole("button", { name: "Release everyone" }).click();
      await bPanel.getByRole("button", { name: /^Follow / }).waitFor({ state: "detached", timeout: 15_000 });
      expect(await axe(b, ".workshop-panel")).toEqual([]);
    }, 180_000);
  },
);
