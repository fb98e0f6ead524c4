import type { Page } from "playwright-core";

/** Installs, in the page, a recorder of input → next paint latencies for one event type. */
async function record(page: Page, event: string): Promise<void> {
  await page.evaluate((ev) => {
    const w = window as unknown as { __lat: number[] };
    const x = window as unknown as { __lat: number[]; __work: number[] };
    x.__lat = [];
    x.__work = [];
    document.addEventListener(
      ev,
      () => {
        const t0 = performance.now();
        // After the event task (React flushes discrete updates in it): the work the edit cost.
        setTimeout(() => x.__work.push(performance.now() - t0), 0);
        // After the next frame: input → painted, including the wait for the frame.
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
      },
      { capture: true },
    );
  }, event);
}

/** Latencies recorded so far: to the next paint, and to the end of the event's work. */
export interface Latencies {
  paint: number[];
  work: number[];
}

const collected = (page: Page) =>
  page.evaluate(() => {
    const x = window as unknown as { __lat: number[]; __work: number[] };
    return { paint: [...x.__lat], work: [...x.__work] };
  });
const resetLatencies = (page: Page) =>
  page.evaluate(() => {
    const x = window as unknown as { __lat: number[]; __work: number[] };
    x.__lat.length = 0;
    x.__work.length = 0;
  });

/**
 * Navigation start → the map's cards drawn and a frame painted: the time of the first frame at
 * which the number of `.card` elements reached its final value (unchanged for 10 frames after).
 * The same rule measures a grid that draws every card and one that draws only those in view.
 */
export async function measureFirstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let count = 0;
        let since = 0;
        let frames = 0;
        const check = () => {
          const n = document.querySelectorAll(".card").length;
          if (n !== count) {
            count = n;
            frames = 0;
            since = -1;
            // A task after this frame: the frame that shows the new count is painted by then.
            setTimeout(() => {
              if (since === -1) since = performance.now();
            }, 0);
          } else frames++;
          if (count > 0 && frames >= 10 && since > 0) resolve(since);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** Typing into a card's inline editor: each keystroke to the next paint. */
export async function measureKeystrokes(page: Page, n: number): Promise<Latencies> {
  await page.locator(".card").nth(30).dblclick();
  await page.locator("textarea.card-editor").waitFor();
  await record(page, "keydown");
  for (let i = 0; i < n; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(60);
  }
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  return collected(page);
}

/** A command from the keyboard (emotion arrow key, stage rename) to the next paint. */
export async function measureCommand(page: Page, what: "emotion" | "rename", n: number): Promise<Latencies> {
  await record(page, "keydown");
  const out: Latencies = { paint: [], work: [] };
  for (let i = 0; i < n; i++) {
    if (what === "emotion") {
      await page.getByRole("slider", { name: "Emotion at Stage 5", exact: true }).focus();
      await resetLatencies(page);
      await page.keyboard.press(i % 2 ? "ArrowDown" : "ArrowUp");
    } else {
      await page.getByRole("columnheader").nth(3).locator(".name-button").dblclick();
      await page.getByRole("textbox", { name: "Stage name" }).fill(`Renamed ${i}`);
      await resetLatencies(page);
      await page.keyboard.press("Enter");
    }
    await page.waitForTimeout(400);
    const lat = await collected(page);
    if (lat.paint[0] !== undefined) out.paint.push(lat.paint[0]);
    if (lat.work[0] !== undefined) out.work.push(lat.work[0]);
  }
  return out;
}

/** An emotion edit → the status shows "All changes saved" again (autosave round trip). */
export async function measureSave(page: Page, n: number): Promise<number[]> {
  const out: number[] = [];
  const slider = page.getByRole("slider", { name: "Emotion at Stage 6", exact: true });
  for (let i = 0; i < n; i++) {
    await page.getByText("All changes saved").waitFor();
    await slider.focus();
    const ms = await page.evaluate(
      (up) =>
        new Promise<number>((resolve) => {
          const status = document.querySelector(".save-state") as HTMLElement;
          let t0 = 0;
          let sawSaving = false;
          const obs = new MutationObserver(() => {
            if (status.textContent?.includes("Saving")) sawSaving = true;
            else if (sawSaving && status.textContent?.includes("All changes saved")) {
              obs.disconnect();
              resolve(performance.now() - t0);
            }
          });
          obs.observe(status, { childList: true, subtree: true, characterData: true });
          t0 = performance.now();
          document.activeElement?.dispatchEvent(
            new KeyboardEvent("keydown", { key: up ? "ArrowUp" : "ArrowDown", bubbles: true }),
          );
        }),
      i % 2 === 0,
    );
    out.push(ms);
  }
  return out;
}
