import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type MapCommand, WaylineError } from "../../domain/index.ts";
import { DEFAULT_WORKSPACE_ID as WS } from "../../storage/workspaces.ts";
import { createTestStore, postgresAvailable, type TestStore } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { createServices, type Services } from "../services.ts";

const pgUp = await postgresAvailable();
const clock = () => "2026-06-01T09:00:00.000Z";

/** The error of a call that must fail. */
async function refusal(p: Promise<unknown>): Promise<WaylineError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WaylineError);
    return e as WaylineError;
  }
  throw new Error("expected a refusal");
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describeWithService(
    dialect === "postgres" ? "PostgreSQL" : "SQLite",
    dialect === "sqlite" || pgUp,
    `journey hierarchy on ${dialect}`,
    () => {
      let t: TestStore;
      let s: Services;
      let dataDir: string;
      beforeEach(async () => {
        t = await createTestStore(dialect);
        dataDir = mkdtempSync(join(tmpdir(), "wayline-hierarchy-"));
        s = createServices({ store: t.store, dataDir, clock });
      });
      afterEach(async () => {
        await s.close();
        await t.dispose();
        rmSync(dataDir, { recursive: true, force: true });
      });

      /** A blank map with stages s1..s3 and a pain-point lane `lp`. */
      async function blank(title: string) {
        const { map } = await s.journeys.create(WS, { title, kind: "current_state" });
        await run(map.id, [
          { type: "addStage", id: "s1", name: "Start" },
          { type: "addStage", id: "s2", name: "Middle" },
          { type: "addStage", id: "s3", name: "End" },
          { type: "addLane", id: "lp", laneType: "pain_points" },
        ]);
        return map.id as string;
      }
      async function run(id: string, commands: unknown[]) {
        const { version } = await s.journeys.get(WS, id);
        return s.journeys.apply(WS, id, { baseVersion: version, commands: commands as MapCommand[] });
      }
      const link = (parent: string, child: string, stageId = "s2") =>
        run(parent, [{ type: "linkSubJourney", stageId, mapId: child }]);
      const pain = (id: string, status = "open") => ({
        type: "addCard",
        id,
        laneId: "lp",
        stageId: "s1",
        text: `Pain ${id}`,
        fields: { status },
      });

      it("a stage zooms into sub-journeys; the parent rolls up health and open pain points, live", async () => {
        const purchase = await blank("Purchase");
        const checkout = await blank("Checkout");
        const payment = await blank("Payment");
        await link(purchase, checkout);
        await link(checkout, payment, "s3");
        await run(checkout, [pain("c1"), pain("c2", "done")]);
        await run(payment, [pain("p1"), pain("p2", "in_progress")]);

        const top = await s.hierarchy.get(WS, purchase);
        expect(top.parents).toEqual([]);
        expect(top.stages.map((x) => [x.stageId, x.stageName, x.openPainPoints])).toEqual([
          ["s2", "Middle", 3],
        ]);
        const [child] = top.stages[0]?.children ?? [];
        expect(child).toMatchObject({
          mapId: checkout,
          title: "Checkout",
          exists: true,
          openPainPoints: 3,
          descendants: 1,
        });
        const score = (await s.analysis.check(WS, checkout)).score;
        expect(child?.healthScore).toBe(score);
        expect(top.stages[0]?.healthScore).toBe(score);
        expect(child?.conversion).toBeNull();

        const bottom = await s.hierarchy.get(WS, payment);
        expect(bottom.parents).toEqual([
          { mapId: checkout, title: "Checkout", stageId: "s3", stageName: "End" },
        ]);
        expect(bottom.breadcrumb.map((b) => b.title)).toEqual(["Purchase", "Checkout"]);

        // A change in a grandchild shows in the roll-up at once.
        await run(payment, [pain("p3")]);
        expect((await s.hierarchy.get(WS, purchase)).stages[0]?.openPainPoints).toBe(4);
        await run(checkout, [{ type: "updateCard", id: "c1", fields: { status: "done" } }]);
        expect((await s.hierarchy.get(WS, purchase)).stages[0]?.openPainPoints).toBe(3);
        // Unlinking and deleting: the link to a deleted map shows as such.
        await s.journeys.delete(WS, payment);
        const after = await s.hierarchy.get(WS, checkout);
        expect(after.stages[0]?.children[0]).toMatchObject({
          mapId: payment,
          exists: false,
          openPainPoints: 0,
        });
        await run(checkout, [{ type: "unlinkSubJourney", stageId: "s3", mapId: payment }]);
        expect((await s.hierarchy.get(WS, checkout)).stages).toEqual([]);
      });

      it("refuses cycles, however deep, naming the maps", async () => {
        const a = await blank("A");
        const b = await blank("B");
        const c = await blank("C");
        expect((await refusal(link(a, a))).message).toContain("a map cannot be its own sub-journey");
        await link(a, b);
        const direct = await refusal(link(b, a));
        expect(direct.code).toBe("invalid_command");
        expect(direct.message).toBe("commands[0].mapId: linking “A” under “B” would make a cycle: B → A → B");
        await link(b, c, "s1");
        expect((await refusal(link(c, a, "s3"))).message).toContain("would make a cycle: C → A → B → C");
        // Nothing was written by the refused batches.
        expect((await s.journeys.get(WS, c)).map.stages.every((x) => x.subJourneyIds.length === 0)).toBe(
          true,
        );
        // Two parents are fine (a diamond is no cycle).
        await link(a, c, "s3");
        expect((await s.hierarchy.get(WS, c)).parents.map((p) => p.title)).toEqual(["A", "B"]);
      });

      it("links only maps of the same workspace, also on import; an import closing a cycle is refused", async () => {
        const owner = await t.store.accounts.createUser(
          { email: "o@x.io", name: "O", passwordHash: "h" },
          clock(),
        );
        const other = await t.store.members.createWorkspace("Other", owner.id, clock());
        const foreign = (await s.journeys.create(other.id, { title: "Elsewhere", kind: "current_state" })).map
          .id;
        const a = await blank("A");
        expect((await refusal(link(a, foreign))).message).toBe(
          `commands[0].mapId: no journey map with id "${foreign}" in this workspace`,
        );
        const b = await blank("B");
        await link(b, a);
        const bFile = await s.journeys.exportNative(WS, b);
        await s.journeys.delete(WS, a);
        // B's file links to A, which is gone: refused with the path of the link.
        expect((await refusal(s.journeys.importNative(WS, bFile))).message).toBe(
          `map.stages[1].subJourneyIds[0]: no journey map with id "${a}" in this workspace`,
        );
        // C links to D; D is deleted (C's link now dangles) and a file of D linking to C comes back
        // under D's id: C → D → C, refused.
        const c = await blank("C");
        const d = await blank("D");
        await link(c, d);
        const dFile = await s.journeys.exportNative(WS, d);
        await s.journeys.delete(WS, d);
        dFile.map.stages[0]?.subJourneyIds.push(c as never);
        expect((await refusal(s.journeys.importNative(WS, dFile))).message).toBe(
          "map.stages[0].subJourneyIds[0]: linking “C” under “D” would make a cycle: D → C → D",
        );
        expect(await t.store.journeys.exists(d)).toBe(false);
      });
    },
  );
}
