import { expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { postgresAvailable } from "../../../testing/databases.ts";
import { describeWithService } from "../../../testing/services.ts";
import { ORIGIN, type Session, useAccountsApi } from "../../accounts/test-accounts.ts";

const pgUp = await postgresAvailable();

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService("PostgreSQL", dialect === "sqlite" || pgUp, `workshop routes on ${dialect}`, () => {
    const t = useAccountsApi(undefined, dialect);

    /** A map with two equally ranked pain points (p1 in the first stage, p2 in the second) and an idea. */
    async function setup() {
      await t.user("fac@a.test");
      const fac = await t.login("fac@a.test");
      await t.user("com@a.test", [[A, "commenter"]]);
      await t.user("view@a.test", [[A, "viewer"]]);
      const com = await t.login("com@a.test");
      const viewer = await t.login("view@a.test");
      const map = (await fac.call("POST", "/api/journeys", { title: "Checkout", kind: "current_state" }))
        .json;
      const pain = { impact: "abandon", reach: 0.5 };
      const r = await fac.call("POST", `/api/journeys/${map.id}/commands`, {
        baseVersion: map.version,
        commands: [
          { type: "addStage", id: "s1", name: "Browse" },
          { type: "addStage", id: "s2", name: "Pay" },
          { type: "addLane", id: "lp", laneType: "pain_points" },
          { type: "addLane", id: "li", laneType: "ideas" },
          { type: "addCard", id: "p1", laneId: "lp", stageId: "s1", text: "Slow search", fields: pain },
          { type: "addCard", id: "p2", laneId: "lp", stageId: "s2", text: "Hidden fees", fields: pain },
          { type: "addCard", id: "i1", laneId: "li", stageId: "s2", text: "Show fees early" },
        ],
      });
      expect(r.status).toBe(200);
      const link = async (access: string) =>
        (await fac.call("POST", `/api/journeys/${map.id}/share-links`, { access })).json.token as string;
      const guest = async (access: string, name: string) => {
        const token = await link(access);
        return {
          call: (method: string, path: string, body?: unknown) =>
            t.api.call(method, path, body, {
              "x-wayline-share": token,
              "x-wayline-guest": name,
              origin: ORIGIN,
            }),
        };
      };
      return { fac, com, viewer, id: map.id as string, guest };
    }

    const ws = (id: string, rest = "") => `/api/journeys/${id}/workshop${rest}`;

    it("a facilitator runs a session that a commenter and a comment-link guest join; a reveal feeds priority", async () => {
      const { fac, com, viewer, id, guest } = await setup();
      const dana = await guest("comment", "Dana");
      expect((await viewer.call("GET", ws(id))).json).toMatchObject({ session: null, version: 0 });
      const started = await fac.call("POST", ws(id), {});
      expect(started.status).toBe(201);
      expect(started.json.you).toMatchObject({ facilitate: true, reveal: true, vote: true, note: true });
      expect((await fac.call("POST", ws(id), {})).status).toBe(409);

      // Timer and agenda: everyone reads the same state.
      await fac.call("POST", ws(id, "/timer"), { op: "set", minutes: 5 });
      const running = await fac.call("POST", ws(id, "/timer"), { op: "start" });
      expect(running.json.session.timer.runningSince).not.toBeNull();
      await fac.call("POST", ws(id, "/agenda"), { op: "add", title: "Warm-up" });
      const agenda = await fac.call("POST", ws(id, "/agenda"), { op: "add", title: "Dot vote" });
      const voteStep = agenda.json.session.agenda.steps[1].id;
      await fac.call("POST", ws(id, "/agenda"), { op: "current", stepId: voteStep });
      const seen = await dana.call("GET", ws(id));
      expect(seen.json.session.agenda.currentStepId).toBe(voteStep);
      expect(seen.json.session.remainingMs).toBeLessThanOrEqual(300_000);
      expect(seen.json.session.remainingMs).toBeGreaterThan(290_000);
      expect(seen.json.you).toMatchObject({
        name: "Dana",
        facilitate: false,
        reveal: false,
        vote: true,
        note: true,
      });

      // Parking lot: created with the first note, a real lane of the map.
      const note = await dana.call("POST", ws(id, "/notes"), { text: "Ask legal about fees", stageId: "s2" });
      expect(note.status).toBe(201);
      await com.call("POST", ws(id, "/notes"), { text: "Loyalty points?" });
      const m1 = (await fac.call("GET", `/api/journeys/${id}`)).json;
      const lot = m1.lanes.find((l: { name: string }) => l.name === "Parking lot");
      expect(m1.lanes.filter((l: { name: string }) => l.name === "Parking lot")).toHaveLength(1);
      expect(
        m1.cards
          .filter((c: { laneId: string }) => c.laneId === lot.id)
          .map((c: { text: string; stageId: string }) => `${c.stageId} ${c.text}`)
          .sort(),
      ).toEqual(["s1 Loyalty points?", "s2 Ask legal about fees"]);

      // Voting: 2 dots each, hidden until revealed.
      expect((await dana.call("POST", ws(id, "/votes"), { cardId: "p2", delta: 1 })).status).toBe(409);
      await fac.call("POST", ws(id, "/voting"), { votesPerPerson: 2, stacking: true });
      await dana.call("POST", ws(id, "/votes"), { cardId: "p2", delta: 1 });
      const mine = await dana.call("POST", ws(id, "/votes"), { cardId: "p2", delta: 1 });
      expect(mine.json.session.vote).toMatchObject({ mine: { p2: 2 }, myRemaining: 0, totals: null });
      expect((await dana.call("POST", ws(id, "/votes"), { cardId: "i1", delta: 1 })).status).toBe(400);
      await com.call("POST", ws(id, "/votes"), { cardId: "p2", delta: 1 });
      await com.call("POST", ws(id, "/votes"), { cardId: "i1", delta: 1 });
      const before = await fac.call("GET", ws(id));
      expect(before.json.session.vote).toMatchObject({ voters: 2, mine: {}, totals: null });
      expect(before.text).not.toContain('"p2":2');
      expect((await viewer.call("POST", ws(id, "/votes"), { cardId: "p1", delta: 1 })).status).toBe(403);
      expect((await dana.call("POST", ws(id, "/reveal"), {})).status).toBe(403);

      const shown = await fac.call("POST", ws(id, "/reveal"), {});
      expect(shown.json.session.vote.totals).toEqual({ p2: 3, i1: 1 });
      expect((await dana.call("GET", ws(id))).json.session.vote.totals).toEqual({ p2: 3, i1: 1 });
      const m2 = (await fac.call("GET", `/api/journeys/${id}`)).json;
      const p2 = m2.cards.find((c: { id: string }) => c.id === "p2");
      expect(p2.fields.votes).toBe(3);
      expect(p2.confidence).toBe("observed");
      const today = new Date().toISOString().slice(0, 10);
      expect(p2.evidence.map((e: { kind: string; title: string }) => [e.kind, e.title])).toEqual([
        ["workshop", `Workshop ${today}: 3 votes of 2 participants`],
      ]);
      const insights = (await fac.call("GET", `/api/journeys/${id}/insights`)).json;
      expect(JSON.stringify(insights).indexOf("Hidden fees")).toBeLessThan(
        JSON.stringify(insights).indexOf("Slow search"),
      );

      // Ending keeps what the session left on the map; a late vote finds no session.
      expect((await dana.call("DELETE", ws(id))).status).toBe(403);
      expect(
        (await fac.call("DELETE", ws(id), undefined, { "x-wayline-csrf": fac.csrf })).json.session,
      ).toBeNull();
      expect((await com.call("POST", ws(id, "/notes"), { text: "late" })).status).toBe(409);
      expect(
        (await fac.call("GET", `/api/journeys/${id}`)).json.cards.find((c: { id: string }) => c.id === "p2")
          .fields.votes,
      ).toBe(3);
    });

    it("viewers and view-link guests see the session but cannot vote, note or run it; bad input is located", async () => {
      const { fac, viewer, id, guest } = await setup();
      const vera = await guest("view", "Vera");
      await fac.call("POST", ws(id), {});
      await fac.call("POST", ws(id, "/voting"), { votesPerPerson: 3 });
      for (const who of [viewer, vera] as { call: Session["call"] }[]) {
        expect((await who.call("GET", ws(id))).json.you).toMatchObject({
          facilitate: false,
          vote: false,
          note: false,
        });
        expect((await who.call("POST", ws(id, "/votes"), { cardId: "p1", delta: 1 })).status).toBe(403);
        expect((await who.call("POST", ws(id, "/notes"), { text: "hi" })).status).toBe(403);
        expect((await who.call("POST", ws(id, "/timer"), { op: "start" })).status).toBe(403);
      }
      const bad = await fac.call("POST", ws(id, "/voting"), { votesPerPerson: 21 });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.json.error.details)).toContain("votesPerPerson");
      const long = await fac.call("POST", ws(id, "/notes"), { text: "x".repeat(501) });
      expect(long.status).toBe(400);
      expect(JSON.stringify(long.json.error.details)).toContain("text");
      const stage = await fac.call("POST", ws(id, "/notes"), { text: "x", stageId: "nope" });
      expect(stage.status).toBe(400);
      expect(stage.json.error.details).toMatchObject({ field: "stageId" });
      expect((await fac.call("POST", ws(id, "/votes"), { cardId: "s1", delta: 1 })).status).toBe(400);
    });

    it("a waiting client is answered when the session changes", async () => {
      const { fac, com, id } = await setup();
      const { version } = (await fac.call("POST", ws(id), {})).json;
      const waiting = com.call("GET", ws(id, `?since=${version}&wait=10`));
      await new Promise((r) => setTimeout(r, 150));
      const t0 = Date.now();
      await fac.call("POST", ws(id, "/agenda"), { op: "add", title: "Warm-up" });
      const got = await waiting;
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(got.json.version).toBe(version + 1);
      expect(got.json.session.agenda.steps.map((s: { title: string }) => s.title)).toEqual(["Warm-up"]);
    });
  });
