import { existsSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { JourneyService } from "../src/services/journey-service.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../src/storage/workspaces.ts";
import { describeWithService } from "../src/testing/services.ts";
import { accountsApp, addMember, signedIn } from "./accounts.ts";
import { CHROMIUM } from "./harness.ts";

const SHOTS = process.env.WAYLINE_SHOTS;

/** Serious and critical axe findings inside `selector`, as "rule: target" lines. */
async function axe(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page } as never).include(selector).analyze();
  return result.violations
    .filter((v: { impact?: string | null }) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** Polls `read` until it answers `want` (10 s), then asserts it. */
async function until<T>(read: () => Promise<T>, want: T): Promise<void> {
  const end = Date.now() + 10_000;
  let got = await read();
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  expect(got).toBe(want);
}

describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "comments, inbox and review in Chromium (two users)",
  () => {
    const app = accountsApp("talk");

    it("A mentions B on a card → B's inbox → B replies → A sees it live; B approves the review → published", async () => {
      const _now = new Date().toISOString();
      await addMember(app.server, { email: "ana@team.io", name: "Ana", role: "owner" });
      await addMember(app.server, { email: "ben@team.io", name: "Ben", role: "commenter" });
      const created = await new JourneyService(app.server.store).create(WS, {
        templateId: "pizza-restaurant",
      });
      const mapId = created.map.id;
      const card = created.map.cards[0];
      if (!card) throw new Error("template without cards");

      const a = await signedIn(app.browser, app.server.url, "ana@team.io");
      const b = await signedIn(app.browser, app.server.url, "ben@team.io");
      await a.goto(`/maps/${mapId}`);
      await a.locator(`[data-card-id="${card.id}"]`).click();
      await a.getByRole("button", { name: /^Comments/ }).click();
      const panel = a.getByRole("complementary", { name: "Comments" });
      await until(() => panel.getByLabel("Comment on").inputValue(), `card:${card.id}`);
      const box = panel.getByRole("combobox", { name: "New comment" });
      await box.click();
      await box.pressSequentially("@be");
      await panel.getByRole("option", { name: /Ben/ }).waitFor();
      await box.press("Enter");
      await box.pressSequentially("please check this wording");
      await panel.getByRole("button", { name: "Comment", exact: true }).click();
      const thread = panel.getByRole("article", { name: /^Thread on Card/ });
      await thread.getByText("please check this wording").waitFor();
      expect(await thread.locator(".mention").textContent()).toBe("@Ben");
      await until(() => a.locator(`[data-card-id="${card.id}"] .comment-badge`).textContent(), "1");
      // Hostile text stays text.
      await box.fill(`<img src=x onerror="window.__xss=1"> <b>bold?</b>`);
      await panel.getByRole("button", { name: "Comment", exact: true }).click();
      // The posted comment (a text span), not the composer that may still hold the text.
      await panel
        .locator("span")
        .filter({ hasText: `<img src=x onerror="window.__xss=1"> <b>bold?</b>` })
        .first()
        .waitFor();
      expect(await a.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await panel.locator("img, b").count()).toBe(0);
      if (SHOTS) await a.screenshot({ path: join(SHOTS, "comments-panel.png") });
      expect(await axe(a, ".comments-panel")).toEqual([]);

      // B: the inbox in the top bar shows the mention; opening it focuses the thread.
      await b.reload();
      const inbox = b.getByRole("button", { name: /^Inbox, 1 unread$/ });
      await inbox.waitFor();
      await inbox.click();
      const item = b
        .getByRole("dialog", { name: "Inbox" })
        .getByRole("link", { name: /Ana mentioned you on Card/ });
      if (SHOTS) await b.screenshot({ path: join(SHOTS, "inbox.png") });
      expect(await axe(b, ".inbox")).toEqual([]);
      await item.click();
      await b.waitForURL(`**/maps/${mapId}`);
      const bPanel = b.getByRole("complementary", { name: "Comments" });
      const bThread = bPanel.locator("article.thread.focused");
      await bThread.getByText("please check this wording").waitFor();
      await until(
        () => b.evaluate(() => document.activeElement?.getAttribute("data-card-id") ?? null),
        card.id,
      );
      await bThread.getByRole("combobox", { name: "Reply" }).fill("On it — fixed the wording");
      await bThread.getByRole("button", { name: "Reply", exact: true }).click();
      await b.getByRole("button", { name: "Inbox", exact: true }).waitFor();

      // A sees the reply without reloading.
      await thread.getByText("On it — fixed the wording").waitFor({ timeout: 15_000 });

      // Review: A asks B; B opens it from the inbox and approves; the map is published.
      await a.getByRole("button", { name: "Review", exact: true }).click();
      const review = a.getByRole("complementary", { name: "Review" });
      await review.getByRole("checkbox", { name: /Ben/ }).check();
      await review.getByLabel("Message to the reviewers").fill("Ready for the launch deck");
      await review.getByRole("button", { name: "Request review" }).click();
      await review.getByRole("region", { name: "Review in progress" }).waitFor();
      await b.getByRole("button", { name: /^Inbox/ }).click();
      await b
        .getByRole("dialog", { name: "Inbox" })
        .getByRole("link", { name: /Ana asked you to review/ })
        .click();
      const bReview = b.getByRole("complementary", { name: "Review" });
      await bReview.getByLabel("Review comment").fill("Clear and complete");
      if (SHOTS) await b.screenshot({ path: join(SHOTS, "review-panel.png") });
      expect(await axe(b, ".review-panel")).toEqual([]);
      await bReview.getByRole("button", { name: "Approve and publish" }).click();
      await bReview.getByText(/Status: Published/).waitFor();
      const after = await new JourneyService(app.server.store).get(WS, mapId);
      expect(after.map.status).toBe("published");
      expect(after.map.lastReviewedAt).toBe(new Date().toISOString().slice(0, 10));
      const versions = await app.server.store.versions.list(WS, mapId);
      expect(versions.some((v) => v.kind === "named" && v.label.startsWith("Published"))).toBe(true);
    }, 180_000);
  },
);
