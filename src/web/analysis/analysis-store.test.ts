import { afterEach, describe, expect, it, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import type { HealthReportView, InsightsView } from "../../contract/analysis.ts";
import type { MapSession } from "../state/session.ts";
import { createAnalysisStore } from "./analysis-store.ts";

afterEach(() => vi.useRealTimers());

function fakeSession() {
  const store = createStore(() => ({ map: { id: "m1" }, save: "saved" as "saved" | "saving" }));
  return { store, serverVersion: 3 } as unknown as MapSession & { serverVersion: number };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("createAnalysisStore", () => {
  it("fetches at once, then again once after edits are saved at a new version", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"], shouldAdvanceTime: true });
    const session = fakeSession();
    let score = 50;
    const client = {
      check: vi.fn(
        async () => ({ score, counts: { error: 0, warning: 0, info: 0 }, findings: [] }) as HealthReportView,
      ),
      insights: vi.fn(
        async () => ({ patterns: [], momentsOfTruth: [], painPoints: [], quickWins: [] }) as InsightsView,
      ),
    };
    const h = createAnalysisStore(session, client);
    await vi.waitFor(() => expect(h.store.getState().version).toBe(3));
    expect(h.store.getState().health?.score).toBe(50);

    // A burst of saves at new versions costs one request, after the settle delay.
    score = 70;
    (session as { serverVersion: number }).serverVersion = 5;
    session.store.setState({ save: "saving" } as never);
    session.store.setState({ save: "saved" } as never);
    session.store.setState({ save: "saved" } as never);
    expect(client.check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    await flush();
    await vi.waitFor(() => expect(h.store.getState().health?.score).toBe(70));
    expect(client.check).toHaveBeenCalledTimes(2);
    expect(h.store.getState().version).toBe(5);

    // Saved at the same version: nothing to do.
    session.store.setState({ save: "saved" } as never);
    await vi.advanceTimersByTimeAsync(500);
    expect(client.check).toHaveBeenCalledTimes(2);
    h.dispose();
  });

  it("keeps the last results and reports the error when a fetch fails", async () => {
    const session = fakeSession();
    const client = {
      check: vi.fn(async () => {
        throw new Error("server down");
      }),
      insights: vi.fn(async () => ({}) as InsightsView),
    };
    const h = createAnalysisStore(session, client);
    await vi.waitFor(() => expect(h.store.getState().error).toBe("server down"));
    expect(h.store.getState().health).toBeNull();
    expect(h.store.getState().loading).toBe(false);
    h.dispose();
  });
});
