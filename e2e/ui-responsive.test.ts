import { existsSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithService } from "../src/testing/services.ts";
import { buildWebApp, CHROMIUM, type Harness, startHarness } from "./harness.ts";
import { boxes, inside, pageOverflowX } from "./ui-checks.ts";

const shots = "e2e/screenshots";
const SIZES = [
  { width: 1440, height: 900, what: "full editing, wide" },
  { width: 1024, height: 768, what: "full editing" },
  { width: 768, height: 1024, what: "tablet editing" },
  { width: 390, height: 844, what: "reading, presence and comments" },
] as const;

/** The box lies within the window. */
async function onScreen(page: Page, l: Locator): Promise<boolean> {
  const [box] = await boxes(l);
  const v = page.viewportSize() ?? { width: 0, height: 0 };
  return !!box && inside(box, { x: 0, y: 0, w: v.width, h: v.height });
}

/** The visible toolbar or map-header button of that name, opening "More tools" when it is folded away. */
async function findTool(page: Page, name: string | RegExp): Promise<Locator | null> {
  const named = () =>
    page
      .locator("header.toolbar, .map-header")
      .getByRole("button", { name, exact: typeof name === "string" });
  const visible = async () => {
    const all = named();
    for (let i = 0; i < (await all.count()); i++) if (await all.nth(i).isVisible()) return all.nth(i);
    return null;
  };
  const direct = await visible();
  if (direct) return direct;
  const more = page.getByRole("button", { name: "More tools" });
  if (!(await more.isVisible())) return null;
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  return visible();
}

/** Clicks a toolbar tool by its accessible name, through "More tools" when it is folded away. */
async function tool(page: Page, name: string | RegExp): Promise<void> {
  const b = await findTool(page, name);
  if (!b) throw new Error(`no visible tool named ${name}`);
  await b.click();
}

/** Every action of the editor's bar and header: each must be reachable by name at every size. */
const ACTIONS: (string | RegExp)[] = [
  "Undo",
  "Redo",
  "Add stage",
  "Add lane",
  "Find in map",
  "Personas",
  "Emotion scale",
  "Data",
  /^Analysis/,
  "History",
  "Print",
  "Export",
  "View",
  "Present",
  "Share",
  /^Comments/,
  "Review",
  "Activity",
  "Workshop",
  /^Inbox/,
  /^Theme:/,
];

/** The dialog is on screen, the page does not scroll sideways, and the named controls are visible and inside it. */
async function checkDialog(page: Page, dialog: Locator, controls: Locator[], what: string): Promise<void> {
  await dialog.waitFor();
  expect(await onScreen(page, dialog), `${what} on screen`).toBe(true);
  expect(await pageOverflowX(page), `${what}: page overflow`).toBe(0);
  // Nothing inside scrolls sideways (a clipped format list or select is not "on screen").
  const sideways = await dialog.evaluate((d) =>
    [d, ...d.querySelectorAll("*")]
      .filter(
        (el) =>
          // Text fields scroll their own text; visually hidden (1 px) labels are clipped on purpose.
          !el.matches("input, textarea, select") &&
          el.clientWidth > 1 &&
          el.scrollWidth > el.clientWidth + 1 &&
          getComputedStyle(el).overflowX !== "visible",
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
  );
  expect(sideways, `${what}: scrolls sideways`).toEqual([]);
  const [outer] = await boxes(dialog);
  for (const c of controls) {
    await c.scrollIntoViewIfNeeded();
    expect(await c.isVisible(), `${what}: ${c}`).toBe(true);
    const [box] = await boxes(c);
    expect(!!box && !!outer && inside(box, outer), `${what}: ${c} inside the dialog`).toBe(true);
    expect(await onScreen(page, c), `${what}: ${c} on screen`).toBe(true);
  }
}

/** Lane names whose words are split over two lines (e.g. "Emotio" / "n curve"). */
const brokenWords = (page: Page) =>
  page.locator(".lane-header .name-button").evaluateAll((els) =>
    els.flatMap((el) => {
      const text = el.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      const out: string[] = [];
      const s = text.textContent ?? "";
      for (const m of s.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(text, m.index);
        r.setEnd(text, m.index + m[0].length);
        const tops = new Set(
          [...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)),
        );
        if (tops.size > 1) out.push(`${s}: ${m[0]}`);
      }
      return out;
    }),
  );

describeWithService("Chromium", existsSync(CHROMIUM), "the editor at laptop, tablet and phone sizes", () => {
  let h: Harness;
  let mapId: string;
  beforeAll(async () => {
    buildWebApp();
    h = await startHarness();
    const page = await h.newPage();
    const res = await page.request.post("/api/journeys", { data: { templateId: "pizza-restaurant" } });
    mapId = (await res.json()).id;
    await page.close();
  }, 120_000);
  afterAll(async () => h?.close());

  for (const size of SIZES)
    it(`${size.width} × ${size.height} (${size.what}): no page overflow, card panel and comments on screen, lane names unbroken`, async () => {
      const page = await h.newPage({ width: size.width, height: size.height });
      await page.goto(`/maps/${mapId}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      expect(await pageOverflowX(page)).toBe(0);
      expect(await brokenWords(page)).toEqual([]);
      // The card panel.
      await page
        .getByRole("gridcell", { name: "What Eva does, Aware", exact: true })
        .locator(".card")
        .first()
        .click();
      const panel = page.getByRole("complementary", { name: "Card details" });
      await panel.waitFor();
      expect(await onScreen(page, panel), "card panel").toBe(true);
      expect(await pageOverflowX(page)).toBe(0);
      await panel.getByRole("button", { name: "Close panel" }).click();
      // Comments.
      await tool(page, "Comments");
      const comments = page.getByRole("complementary", { name: "Comments" });
      await comments.waitFor();
      expect(await onScreen(page, comments), "comments panel").toBe(true);
      expect(await pageOverflowX(page)).toBe(0);
      await page.screenshot({ path: `${shots}/responsive-${size.width}x${size.height}.png` });
      await page.close();
    }, 90_000);

  for (const size of SIZES)
    it(`${size.width} × ${size.height}: every action reachable by name; Export and Share dialogs on screen`, async () => {
      const page = await h.newPage({ width: size.width, height: size.height });
      await page.goto(`/maps/${mapId}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      const missing: string[] = [];
      for (const name of ACTIONS) {
        if (!(await findTool(page, name))) missing.push(String(name));
        await page.keyboard.press("Escape");
      }
      expect(missing, "actions not reachable").toEqual([]);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 8)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(await pageOverflowX(page), `page overflow after the actions: ${wide.join(" ")}`).toBe(0);
      // Export.
      await tool(page, "Export");
      const exp = page.getByRole("dialog", { name: "Export" });
      await checkDialog(
        page,
        exp,
        [
          exp.getByRole("radio", { name: /PNG image/ }),
          exp.getByRole("radio", { name: /Wayline JSON/ }),
          exp.getByRole("link", { name: /^Download/ }),
          exp.getByRole("button", { name: "Close" }),
        ],
        `Export at ${size.width}`,
      );
      await page.screenshot({ path: `${shots}/responsive-export-${size.width}.png` });
      await exp.getByRole("button", { name: "Close" }).click();
      await exp.waitFor({ state: "detached" });
      // Share.
      await tool(page, "Share");
      const share = page.getByRole("dialog", { name: "Share" });
      await checkDialog(
        page,
        share,
        [
          share.getByRole("combobox", { name: /Access/ }),
          share.getByRole("button", { name: "Create link" }),
          share.getByRole("button", { name: "Close" }),
        ],
        `Share at ${size.width}`,
      );
      await share.getByRole("button", { name: "Create link" }).click();
      await share.getByRole("button", { name: /Copy/ }).first().waitFor();
      await checkDialog(
        page,
        share,
        [share.getByRole("button", { name: /Copy/ }).first()],
        "Share with a link",
      );
      await page.screenshot({ path: `${shots}/responsive-share-${size.width}.png` });
      await page.keyboard.press("Escape");
      await share.waitFor({ state: "detached" });
      await page.close();
    }, 120_000);

  /** The side panels the bar and header open: tool name → the panel's label. */
  const PANELS: [string | RegExp, string][] = [
    ["Personas", "Personas"],
    ["Emotion scale", "Emotion scale"],
    ["Data", "Data"],
    [/^Analysis/, "Analysis"],
    ["History", "History"],
    ["Review", "Review"],
    ["Activity", "Activity"],
    ["Workshop", "Workshop"],
  ];
  for (const size of SIZES.slice(2))
    it(`${size.width} × ${size.height}: every side panel opens on screen without page overflow`, async () => {
      const page = await h.newPage({ width: size.width, height: size.height });
      await page.goto(`/maps/${mapId}`);
      await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
      for (const [name, label] of PANELS) {
        await tool(page, name);
        const panel = page.getByRole("complementary", { name: label, exact: true });
        await panel.waitFor();
        expect(await onScreen(page, panel), `${label} panel on screen`).toBe(true);
        expect(await pageOverflowX(page), `${label} panel: page overflow`).toBe(0);
        // The same tool closes it again (they toggle), so the next panel opens alone.
        await tool(page, name);
        await panel.waitFor({ state: "detached" });
      }
      await page.close();
    }, 120_000);

  it("on a phone: one header line (title, presence, Comments) and a keyboard-operable More menu", async () => {
    // Five others on the map: their avatars must not push the bar wider than the phone.
    const others = [];
    for (let i = 0; i < 5; i++) {
      const p = await h.newPage({ width: 1024, height: 768 });
      await p.goto(`/maps/${mapId}`);
      others.push(p);
    }
    const page = await h.newPage({ width: 390, height: 844 });
    await page.goto(`/maps/${mapId}`);
    await page.getByRole("columnheader", { name: "Aware", exact: true }).waitFor();
    // Everyone is in the list; the bar shows you and four others (the rest are display: none).
    const people = page.locator(".presence-bar > li");
    await expect.poll(() => people.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    expect(await pageOverflowX(page), "page overflow with six people").toBe(0);
    expect(await page.getByRole("list", { name: "People on this map" }).getByRole("listitem").count()).toBe(
      5,
    );
    for (const p of others) await p.close();
    const header = page.getByRole("region", { name: "Map properties" });
    const [hb] = await boxes(header);
    expect(hb?.h, "map header height").toBeLessThan(64);
    expect(await header.getByRole("textbox", { name: "Map title" }).isVisible()).toBe(true);
    expect(await header.getByRole("button", { name: /^Comments/ }).isVisible()).toBe(true);
    expect(await page.getByRole("list", { name: "People on this map" }).isVisible()).toBe(true);
    expect(await header.getByRole("combobox", { name: "Status" }).count()).toBe(0);
    // The More menu: Enter opens it on its first tool, ↓ moves, Escape closes and returns focus.
    const more = page.getByRole("button", { name: "More tools" });
    await more.focus();
    await page.keyboard.press("Enter");
    expect(await more.getAttribute("aria-expanded")).toBe("true");
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    await expect.poll(focused).toBe("+ Add stage");
    await page.keyboard.press("ArrowDown");
    await expect.poll(focused).toBe("+ Add lane");
    await page.keyboard.press("End");
    expect(await focused()).not.toBe("+ Add lane");
    const popover = page.locator(".tb-overflow.open");
    expect(await onScreen(page, popover), "More menu on screen").toBe(true);
    await page.screenshot({ path: `${shots}/responsive-more-390.png` });
    await page.keyboard.press("Escape");
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    expect(await more.evaluate((el) => el === document.activeElement), "focus back on More").toBe(true);
    // Tab out of the menu closes it.
    await page.keyboard.press("ArrowDown");
    expect(await more.getAttribute("aria-expanded")).toBe("true");
    // The first tool takes focus on the next frame: End before it would act on the button.
    await expect.poll(focused).toBe("+ Add stage");
    await page.keyboard.press("End");
    await expect.poll(focused).not.toBe("+ Add stage");
    await page.keyboard.press("Tab");
    await expect.poll(() => more.getAttribute("aria-expanded")).toBe("false");
    // Map details unfold kind, status and goal below the title.
    await tool(page, "Map details");
    await header.getByRole("combobox", { name: "Status" }).waitFor();
    expect(await pageOverflowX(page)).toBe(0);
    expect(await onScreen(page, header.getByRole("textbox", { name: "Goal statement" }))).toBe(true);
    // Choosing a tool closes the menu and leaves focus on its button (a dialog returns it there).
    await tool(page, "Export");
    const exp = page.getByRole("dialog", { name: "Export" });
    await exp.waitFor();
    await page.keyboard.press("Escape");
    await exp.waitFor({ state: "detached" });
    expect(await more.evaluate((el) => el === document.activeElement), "focus back after the dialog").toBe(
      true,
    );
    await page.close();
  }, 90_000);

  for (const size of SIZES.slice(1, 3))
    it(`${size.width} × ${size.height}: edits by pointer and keyboard — rename a stage, add a card, move it, saved`, async () => {
      const page = await h.newPage({ width: size.width, height: size.height });
      const res = await page.request.post("/api/journeys", { data: { templateId: "pizza-restaurant" } });
      const id = (await res.json()).id as string;
      await page.goto(`/maps/${id}`);
      const aware = page.getByRole("columnheader", { name: "Aware", exact: true });
      await aware.waitFor();
      // Rename through the stage menu (the header's chrome shows on hover or focus).
      await aware.hover();
      await page.getByRole("button", { name: "Stage options for Aware" }).click();
      await page.getByRole("menuitem", { name: "Rename" }).click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("Hears of it");
      await page.keyboard.press("Enter");
      await page.getByRole("columnheader", { name: "Hears of it", exact: true }).waitFor();
      // Add a card in an empty cell with the pointer, then carry it one stage right by keyboard.
      const cell = page.getByRole("gridcell", { name: /^Pain points, Hears of it/ });
      await cell.hover();
      await cell
        .getByRole("button", { name: /Add card/ })
        .first()
        .click();
      await page.locator("textarea.card-editor").waitFor();
      await page.keyboard.type("Tablet card");
      await page.keyboard.press("Escape");
      const card = page.locator(".card", { hasText: "Tablet card" });
      await card.waitFor();
      expect(await pageOverflowX(page)).toBe(0);
      await card.focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Space");
      await expect
        .poll(() => page.getByRole("gridcell", { name: /^Pain points, Research/ }).innerText())
        .toContain("Tablet card");
      await page.locator(".save-state.save-saved").first().waitFor();
      const stored = await (await page.request.get(`/api/journeys/${id}`)).json();
      const research = stored.stages.find((st: { name: string }) => st.name === "Research")?.id;
      expect(stored.stages.some((st: { name: string }) => st.name === "Hears of it")).toBe(true);
      await expect
        .poll(async () => {
          const m = await (await page.request.get(`/api/journeys/${id}`)).json();
          return m.cards.find((c: { text: string }) => c.text === "Tablet card")?.stageId;
        })
        .toBe(research);
      await page.close();
    }, 60_000);

  it("offers the template dialog on screen at each size", async () => {
    for (const size of SIZES) {
      const page = await h.newPage({ width: size.width, height: size.height });
      await page.goto("/");
      await page
        .getByRole("button", { name: /template/i })
        .first()
        .click();
      const dialog = page.getByRole("dialog").first();
      await dialog.waitFor();
      expect(await onScreen(page, dialog), `template dialog at ${size.width}`).toBe(true);
      expect(await pageOverflowX(page)).toBe(0);
      await page.close();
    }
  }, 90_000);
});
