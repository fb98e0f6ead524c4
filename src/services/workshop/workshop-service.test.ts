import { afterEach, beforeEach, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { JourneyService } from "../journey-service.ts";
import { CAS_ATTEMPTS, CAS_BACKOFF_CAP_MS, casBackoffMs, WorkshopService } from "./workshop-service.ts";

const pgUp = await postgresAvailable();
const who = (i: number) => ({ key: `member:u${i}`, name: `User ${i}` });

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `workshop service on ${dialect}`, () => {
    let t: TestStore;
    let journeys: JourneyService;
    let mapId: string;
    beforeEach(async () => {
      t = await createTestStore(dialect);
      journeys = new JourneyService(t.store);
      const made = await journeys.create(WS, { title: "W", kind: "current_state" });
      mapId = made.map.id;
      await journeys.apply(WS, mapId, {
        baseVersion: made.version,
        commands: [
          { type: "addStage", id: "s1" as never, name: "Pay" },
          { type: "addLane", id: "lp" as never, laneType: "pain_points" },
          { type: "addCard", id: "p1" as never, laneId: "lp" as never, stageId: "s1" as never, text: "Fees" },
          { type: "addCard", id: "p2" as never, laneId: "lp" as never, stageId: "s1" as never, text: "Slow" },
        ],
      });
    });
    afterEach(async () => t.dispose());

    it("simultaneous dots from two server processes are all counted (no lost update)", async () => {
      // Two services = two processes: separate in-process queues, one table (compare-and-swap).
      const a = new WorkshopService(t.store, journeys);
      const b = new WorkshopService(t.store, journeys);
      await a.start(WS, mapId, who(0));
      await a.openVote(WS, mapId, who(0), { votesPerPerson: 2, stacking: true });
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? a : b)
            .vote(WS, mapId, who(i), i % 3 ? "p1" : "p2", 1)
            .then(() => (i % 2 ? b : a).vote(WS, mapId, who(i), "p1", 1)),
        ),
      );
      const shown = await b.reveal(WS, mapId, who(0));
      const totals = shown.session?.vote?.totals ?? {};
      expect((totals.p1 ?? 0) + (totals.p2 ?? 0)).toBe(24);
      expect(shown.session?.vote?.voters).toBe(12);
      const map = (await journeys.get(WS, mapId)).map;
      expect(map.cards.map((c) => [c.id, "votes" in c.fields ? c.fields.votes : null])).toEqual([
        ["p1", totals.p1],
        ["p2", totals.p2],
      ]);
    });

    it("a write survives another process winning many compare-and-swaps in a row, then gives up with conflict", async () => {
      // Another process writes between this one's read and write, `wins` times in a row.
      const repo = t.store.workshops;
      const realPut = repo.put.bind(repo);
      let wins = 0;
      repo.put = async (ws, id, expected, session, now) => {
        if (wins > 0) {
          wins--;
          const cur = await repo.get(ws, id);
          await realPut(ws, id, cur?.version ?? 0, cur?.session ?? "null", now);
        }
        return realPut(ws, id, expected, session, now);
      };
      const pauses: number[] = [];
      const s = new WorkshopService(t.store, journeys, undefined, async (ms) => {
        pauses.push(ms);
      });
      await s.start(WS, mapId, who(0));
      wins = CAS_ATTEMPTS - 1;
      pauses.length = 0;
      const opened = await s.openVote(WS, mapId, who(0), { votesPerPerson: 1, stacking: false });
      expect(opened.session?.vote).toBeTruthy();
      expect(pauses).toHaveLength(CAS_ATTEMPTS - 1);
      expect(pauses.every((ms) => ms >= 0 && ms < CAS_BACKOFF_CAP_MS)).toBe(true);
      wins = CAS_ATTEMPTS;
      await expect(s.vote(WS, mapId, who(1), "p1", 1)).rejects.toMatchObject({ code: "conflict" });
    });

    it("simultaneous first notes make one parking lot; another workspace finds nothing", async () => {
      const s = new WorkshopService(t.store, journeys);
      await s.start(WS, mapId, who(0));
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => s.note(WS, mapId, who(i), { text: `Note ${i}` })),
      );
      const map = (await journeys.get(WS, mapId)).map;
      const lots = map.lanes.filter((l) => l.name === "Parking lot");
      expect(lots).toHaveLength(1);
      expect(map.cards.filter((c) => c.laneId === lots[0]?.id)).toHaveLength(5);
      await expect(s.state("other", mapId, who(1))).rejects.toMatchObject({ code: "not_found" });
      await expect(s.timer("other", mapId, who(1), { op: "start" })).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });

it("compare-and-swap pauses grow with the attempt, capped, and are random below the bound", () => {
  expect(casBackoffMs(1, () => 0.999)).toBe(1);
  expect(casBackoffMs(3, () => 0.999)).toBe(7);
  expect(casBackoffMs(20, () => 0.999)).toBe(CAS_BACKOFF_CAP_MS - 1);
  expect(casBackoffMs(20, () => 0)).toBe(0);
});
