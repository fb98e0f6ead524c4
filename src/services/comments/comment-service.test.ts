import { afterEach, beforeEach, expect, it } from "vitest";
import type { CommentAuthor } from "../../domain/comments/index.ts";
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
    `comments and the inbox on ${dialect}`,
    () => {
      let t: TestStore;
      let s: Services;
      let ana: CommentAuthor & { kind: "member" };
      let ben: CommentAuthor & { kind: "member" };
      let mapId: string;
      let painId: string;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        let tick = 0;
        s = createServices({
          store: t.store,
          clock: () => new Date(Date.parse(NOW) + tick++ * 1000).toISOString(),
        });
        const member = async (email: string, role: "owner" | "commenter" | "editor") => {
          const u = await t.store.accounts.createUser(
            { email, name: email.split("@")[0] as string, passwordHash: "x" },
            NOW,
          );
          await t.store.members.setRole(WS, u.id, role, NOW);
          return { kind: "member" as const, userId: u.id, name: email.split("@")[0] as string };
        };
        ana = await member("ana@team.test", "owner");
        ben = await member("ben@team.test", "commenter");
        const map = (await s.journeys.create(WS, { templateId: "pizza-restaurant" })).map;
        mapId = map.id;
        painId = map.cards.find((c) => c.fields.kind === "pain")?.id as string;
      });
      afterEach(async () => t.dispose());

      it("mention → inbox of the mentioned; reply → inbox of the thread's author; nobody told of their own act", async () => {
        const th = await s.comments.start(
          WS,
          mapId,
          ana,
          { kind: "card", cardId: painId },
          `Can @[ben](${ben.userId}) look?`,
        );
        expect(th.comments[0]?.mine).toBe(true);
        let inbox = await s.notifications.list(WS, ben.userId);
        expect(inbox.items.map((i) => [i.type, i.actor])).toEqual([["mention", "ana"]]);
        expect(inbox.items[0]?.title).toMatch(/^ana mentioned you on Card “/);
        expect(inbox.items[0]?.link).toBe(`/maps/${mapId}?thread=${th.id}`);
        expect(inbox.unread).toBe(1);
        expect((await s.notifications.list(WS, ana.userId)).items).toEqual([]);
        await s.comments.reply(WS, mapId, th.id, ben, "On it");
        inbox = await s.notifications.list(WS, ana.userId);
        expect(inbox.items.map((i) => [i.type, i.excerpt])).toEqual([["reply", "On it"]]);
        expect(await s.notifications.mark(WS, ben.userId, "all", true)).toBe(0);
        expect((await s.notifications.list(WS, ben.userId, { unreadOnly: true })).items).toEqual([]);
        // One may only mark one's own items.
        const anas = inbox.items.map((i) => i.id);
        expect(await s.notifications.mark(WS, ben.userId, anas, true)).toBe(0);
        expect(await s.notifications.unread(WS, ana.userId)).toBe(1);
      });

      it("edit and delete only one's own; resolve and reopen; hostile text is stored as it was typed", async () => {
        const hostile = `<img src=x onerror=alert(1)> <script>alert("x")</script> javascript:alert(1) @[<b>x</b>](nobody`;
        const th = await s.comments.start(WS, mapId, ana, { kind: "map" }, hostile);
        expect(th.comments[0]?.body).toBe(hostile);
        await expect(
          s.comments.edit(WS, mapId, th.id, th.comments[0]?.id as string, ben, "mine now"),
        ).rejects.toThrow(/only the author/);
        const edited = await s.comments.edit(WS, mapId, th.id, th.comments[0]?.id as string, ana, "Better");
        expect(edited.comments[0]).toMatchObject({ body: "Better", deleted: false });
        expect(edited.comments[0]?.editedAt).not.toBeNull();
        const r = await s.comments.reply(WS, mapId, th.id, ben, "Reply");
        await expect(s.comments.remove(WS, mapId, th.id, r.comments[0]?.id as string, ben)).rejects.toThrow(
          /only the author/,
        );
        await s.comments.remove(WS, mapId, th.id, r.comments[1]?.id as string, ben);
        let list = await s.comments.list(WS, mapId, ana);
        expect(list.threads[0]?.comments.map((c) => [c.body, c.deleted])).toEqual([
          ["Better", false],
          ["", true],
        ]);
        expect((await s.comments.setStatus(WS, mapId, th.id, ben, "resolved")).resolvedBy).toBe("ben");
        list = await s.comments.list(WS, mapId, ana);
        expect(list.threads[0]?.status).toBe("resolved");
        expect(list.openByAnchor).toEqual({});
        expect((await s.comments.setStatus(WS, mapId, th.id, ana, "open")).status).toBe("open");
        // Deleting the last comment removes the thread.
        await s.comments.remove(WS, mapId, th.id, th.comments[0]?.id as string, ana);
        expect((await s.comments.list(WS, mapId, ana)).threads).toEqual([]);
      });

      it("refuses mentions of non-members and anchors that are not on the map", async () => {
        await expect(s.comments.start(WS, mapId, ana, { kind: "map" }, "@[eve](u-eve) hi")).rejects.toThrow(
          /no member with id "u-eve"/,
        );
        await expect(
          s.comments.start(WS, mapId, ana, { kind: "stage", stageId: "gone" }, "x"),
        ).rejects.toThrow(/body.anchor/);
        expect((await s.comments.list(WS, mapId, ana)).threads).toEqual([]);
      });

      it("a thread whose card is deleted is detached, never lost; badges count open threads per anchor", async () => {
        const th = await s.comments.start(WS, mapId, ana, { kind: "card", cardId: painId }, "About this");
        await s.comments.start(WS, mapId, ana, { kind: "card", cardId: painId }, "And this");
        expect((await s.comments.list(WS, mapId, ana)).openByAnchor).toEqual({ [`card:${painId}`]: 2 });
        const v = (await s.journeys.get(WS, mapId)).version;
        await s.journeys.apply(WS, mapId, {
          baseVersion: v,
          commands: [{ type: "deleteCard", id: painId as never }],
        });
        const list = await s.comments.list(WS, mapId, ana);
        expect(list.threads.map((x) => x.detached)).toEqual([true, true]);
        expect(list.threads[0]?.id).toBe(th.id);
        expect(list.threads[0]?.anchorLabel).toMatch(/^Card “/);
        expect(list.openByAnchor).toEqual({});
        // Still answerable.
        expect((await s.comments.reply(WS, mapId, th.id, ben, "still here")).comments).toHaveLength(2);
      });

      it("changes() answers at once when the cursor moved and wakes a waiter on a new comment", async () => {
        const { cursor } = await s.comments.list(WS, mapId, ana);
        expect(await s.comments.changes(WS, mapId, cursor, 0)).toEqual({ cursor, changed: false });
        const waiting = s.comments.changes(WS, mapId, cursor, 10);
        await s.comments.start(WS, mapId, ben, { kind: "map" }, "live");
        const got = await waiting;
        expect(got.changed).toBe(true);
        expect(got.cursor > cursor).toBe(true);
      });
    },
  );
