import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { CHROMIUM, type Harness, startHarness } from "./harness.ts";

// A Freshdesk export: 3 of 5 tickets ask to change the delivery address; Source is the channel.
const HEADER =
  "Ticket ID,Subject,Description,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,Closed time,Last update time,Initial response time,Tags,Survey results,Full name,Email,Contact ID";
const ticket = (id: number, source: string, subject: string, at: string) =>
  `${id},"${subject}","${subject}",Closed,Low,${source},Question,Mia,Support,${at},,${at.replace(" 09", " 15")},,${at},,,,Ana,ana@example.com,7${id}`;
const CSV = `${[
  HEADER,
  ticket(21, "Email", "Change the delivery address please", "2024-03-01 09:00:00"),
  ticket(22, "Email", "Wrong delivery address on my order", "2024-03-01 09:10:00"),
  ticket(23, "Phone", "Refund still missing", "2024-03-01 09:20:00"),
  ticket(24, "Chat", "How do I change the delivery address?", "2024-03-01 09:30:00"),
  ticket(25, "Email", "Where is my refund?", "2024-03-01 09:40:00"),
].join("\n")}\n`;

/** Run `npx vite build` first: the harness serves this worktree's dist/. */
describeWithService(
  "Chromium",
  existsSync(CHROMIUM),
  "ticket themes and drafted touchpoints in Chromium",
  () => {
    let h: Harness;
    let dir: string;
    beforeAll(async () => {
      h = await startHarness();
      dir = mkdtempSync(join(tmpdir(), "wayline-tickets-e2e-"));
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("drafts a map with touchpoints from the Source column and suggests a ticket theme as a pain point", async () => {
      const page = await h.newPage({ width: 1366, height: 768 });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto("/");
      const up = await page.request.post("/api/logs?filename=freshdesk.csv", {
        data: CSV,
        headers: { "content-type": "text/csv", "x-wayline-upload": "1" },
      });
      expect(up.status()).toBe(201);
      const log = await up.json();

      // Draft: the dialog names the channel attribute and lists each stage's touchpoints.
      await page.goto("/");
      await page.getByRole("link", { name: "Data" }).click();
      await page.getByRole("heading", { name: "Event logs" }).waitFor();
      await page.getByText("freshdesk", { exact: false }).first().click();
      await page.getByRole("button", { name: "Draft a map from this log" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("Touchpoints from “source”.").waitFor();
      expect(await dialog.getByRole("list", { name: "Proposed stages" }).textContent()).toContain(
        "Email 60 %, Chat 20 %, Phone 20 %",
      );
      await dialog.getByRole("button", { name: "Create map" }).click();
      await page.getByRole("rowheader", { name: /Touchpoints from “source”/ }).waitFor();
      const mapId = page.url().split("/maps/")[1] as string;

      // Ticket themes on the drafted map (its rules place "Ticket created").
      await page.getByRole("button", { name: "Data", exact: true }).click();
      const panel = page.getByRole("complementary", { name: "Data" });
      await panel.getByRole("tab", { name: "Surveys" }).click();
      await panel.getByRole("combobox", { name: "Support log" }).selectOption(log.id);
      const themes = panel.locator(".ticket-themes");
      await themes.getByText("delivery address").first().waitFor();
      expect(await themes.textContent()).toContain("(ticket 21)");
      const item = themes.locator("li", { hasText: /^delivery address/ }).first();
      await item.getByRole("button", { name: "Suggest as pain point" }).click();
      await themes.getByText("Pain point “delivery address” added to the map.").waitFor();
      const map = await (await page.request.get(`/api/journeys/${mapId}`)).json();
      const pain = map.cards.find((c: { text: string }) => c.text.startsWith("“delivery address”"));
      expect(pain.fields.reach).toBe(0.6);
      expect(pain.evidence[0].kind).toBe("support_log");
      expect(errors).toEqual([]);
    }, 180_000);
  },
);
