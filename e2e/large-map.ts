import type { Page } from "playwright-core";
import { expect } from "vitest";
import { benchCommands } from "../bench/editor/generate.ts";

/**
 * A generated 20 stages × 12 lanes × 600-card map (drawn virtualised: ≥ VIRTUALISE_FROM_CARDS),
 * created through the REST API; cards are `c0` … `c599`, lanes `l0` … `l11`, stages `s0` … `s19`.
 */
export async function largeMap(page: Page): Promise<string> {
  let res = await page.request.post("/api/journeys", { data: { title: "Large map", kind: "current_state" } });
  let map = (await res.json()) as { id: string; version: number };
  const cmds = benchCommands(20, 600, 12);
  for (let i = 0; i < cmds.length; i += 400) {
    res = await page.request.post(`/api/journeys/${map.id}/commands`, {
      data: { baseVersion: map.version, commands: cmds.slice(i, i + 400) },
    });
    expect(res.ok()).toBe(true);
    map = { ...map, ...(await res.json()) };
  }
  return map.id;
}
