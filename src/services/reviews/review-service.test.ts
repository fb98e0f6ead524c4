import { afterEach, beforeEach, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { createServices, type Services } from "../services.ts";

const pgUp = await postgresAvailable();
const NOW = "2026-12-01T10:00:00.000Z";

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `review, publish and sweeps on ${dialect}`,
    () => {
      let t: TestStore;
      let s: Services;
      let today = NOW;
      const ids: Record<string, string> = {};
      let mapId: string;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        today = NOW;
        s = createServices({ store: t.store, clock: () => today });
        for (const [name, role] of [
          ["ana", "editor"],
          ["ben", "commenter"],
          ["cy", "commenter"],
          ["vi", "viewer"],
        ] as const) {
          const u = await t.store.accounts.createUser(
            { email: `${name}@team.test`, name, passwordHash: "x" },
            NOW,
          );
          await t.store.members.setRole(WS, u.id, role, NOW);
          ids[name] = u.id;
        }
        mapId = (await s.journeys.create(WS, { title: "Checkout", kind: "current_state" })).map.id;
      });
      afterEach(async () => t.dispose());
      const who = (n: string) => ({ userId: ids[n] as string, name: n });

      it("every reviewer approves → published, last reviewed today, a named version; each step in the inbox", async () => {
        const r = await s.reviews.request(
          WS,
          mapId,
          who("ana"),
          [ids.ben as string, ids.cy as string],
          "Ready?",
        );
        expect((await s.journeys.get(WS, mapId)).map.status).toBe("in_review");
        expect(
          (await s.notifications.list(WS, ids.ben as string)).items.map((i) => [i.type, i.link]),
        ).toEqual([["review_requested", `/maps/${mapId}?review=${r.id}`]]);
        await expect(s.reviews.request(WS, mapId, who("ana"), [ids.ben as string], "")).rejects.toThrow(
          /in progress/,
        );
        await expect(s.reviews.decide(WS, mapId, r.id, who("vi"), "approved", "")).rejects.toThrow(
          /only the reviewers/,
        );
        const half = await s.reviews.decide(WS, mapId, r.id, who("ben"), "approved", "");
        expect(half.status).toBe("pending");
        expect((await s.journeys.get(WS, mapId)).map.status).toBe("in_review");
        await expect(s.reviews.decide(WS, mapId, r.id, who("ben"), "approved", "")).rejects.toThrow(
          /already answered/,
        );
        const done = await s.reviews.decide(WS, mapId, r.id, who("cy"), "approved", "Looks right");
        expect(done.status).toBe("approved");
        const map = (await s.journeys.get(WS, mapId)).map;
        expect([map.status, map.lastReviewedAt]).toEqual(["published", "2026-12-01"]);
        const versions = await s.versions.list(WS, mapId);
        expect(versions.find((v) => v.id === done.versionId)?.label).toBe(
          "Published 2026-12-01 (approved by ben, cy)",
        );
        expect((await s.notifications.list(WS, ids.ana as string)).items.map((i) => i.type)).toEqual([
          "review_approved",
          "review_approved",
        ]);
        // The approval comment is a thread on the whole map.
        const threads = (await s.comments.list(WS, mapId, { kind: "member", ...who("ana") })).threads;
        expect(threads.map((x) => [x.anchor.kind, x.comments[0]?.body])).toEqual([
          ["map", "Approved the review: Looks right"],
        ]);
      });

      it("changes requested need a comment, end the review and put the map back to draft", async () => {
        const r = await s.reviews.request(WS, mapId, who("ana"), [ids.ben as string], "");
        await expect(s.reviews.decide(WS, mapId, r.id, who("ben"), "changes_requested", " ")).rejects.toThrow(
          /body.comment/,
        );
        const out = await s.reviews.decide(
          WS,
          mapId,
          r.id,
          who("ben"),
          "changes_requested",
          "Stage 3 is wrong",
        );
        expect(out.status).toBe("changes_requested");
        expect((await s.journeys.get(WS, mapId)).map.status).toBe("draft");
        expect((await s.notifications.list(WS, ids.ana as string)).items[0]?.title).toBe(
          "ben requested changes to “Checkout”",
        );
      });

      it("refuses reviewers who are not members, viewers and oneself", async () => {
        await expect(s.reviews.request(WS, mapId, who("ana"), ["nobody"], "")).rejects.toThrow(
          /reviewers\[0\].*no member/,
        );
        await expect(s.reviews.request(WS, mapId, who("ana"), [ids.vi as string], "")).rejects.toThrow(
          /is a viewer/,
        );
        await expect(s.reviews.request(WS, mapId, who("ana"), [ids.ana as string], "")).rejects.toThrow(
          /your own/,
        );
        expect(await s.reviews.list(WS, mapId)).toEqual([]);
      });

      it("sweeps tell a member once that they own a pain point, that it is overdue and that their map is due for review", async () => {
        const created = await s.journeys.create(WS, { templateId: "pizza-restaurant" });
        const pain = created.map.cards.find((c) => c.fields.kind === "pain");
        await s.journeys.apply(WS, created.map.id, {
          baseVersion: created.version,
          commands: [
            { type: "updateCard", id: pain?.id as never, fields: { owner: "Ben", dueDate: "2026-11-20" } },
            { type: "setMapProperties", patch: { owner: "ana@team.test", lastReviewedAt: "2025-01-01" } },
          ],
        });
        expect(await s.notifications.sweep(WS, true)).toBe(3);
        expect(await s.notifications.sweep(WS, true)).toBe(0);
        const ben = (await s.notifications.list(WS, ids.ben as string)).items;
        expect(ben.map((i) => i.type).sort()).toEqual(["pain_assigned", "pain_overdue"]);
        expect(ben.find((i) => i.type === "pain_overdue")?.link).toBe(
          `/maps/${created.map.id}?card=${pain?.id}`,
        );
        const ana = (await s.notifications.list(WS, ids.ana as string)).items;
        expect(ana.map((i) => [i.type, i.excerpt])).toEqual([["review_due", "Last reviewed 2025-01-01"]]);
      });
    },
  );
