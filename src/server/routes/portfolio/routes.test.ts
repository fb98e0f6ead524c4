import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import { localAuthenticator, tokenAuthenticator } from "../../auth.ts";
import { useTestApi } from "../../test-api.ts";
import { testClient } from "../../test-client.ts";

const clock = () => "2026-11-23T12:00:00.000Z";

describe("portfolio API", () => {
  const ctx = useTestApi({ clock });

  it("lists pain points across maps, bulk-edits them and undoes on one map", async () => {
    const pizza = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const shop = (await ctx.api.post("/api/journeys", { templateId: "ecommerce-purchase" })).json;
    const list = await ctx.api.get("/api/portfolio?type=pain&sort=priority");
    expect(list.status).toBe(200);
    expect(list.json.today).toBe("2026-11-23");
    const picked = [pizza.id, shop.id].map((id) =>
      list.json.items.find((i: { mapId: string }) => i.mapId === id),
    );
    const patch = await ctx.api.patch("/api/portfolio", {
      items: picked.map((i: { mapId: string; cardId: string }) => ({ mapId: i.mapId, cardId: i.cardId })),
      set: { owner: "Maria", dueDate: "2026-11-01" },
    });
    expect(patch.status).toBe(200);
    expect(patch.json.maps).toHaveLength(2);
    const maria = (await ctx.api.get("/api/portfolio?owner=maria&overdue=true")).json.items;
    expect(maria.map((i: { cardId: string }) => i.cardId).sort()).toEqual(
      picked.map((i: { cardId: string }) => i.cardId).sort(),
    );
    const shopUndo = patch.json.maps.find((m: { mapId: string }) => m.mapId === shop.id);
    expect((await ctx.api.post(`/api/journeys/${shop.id}/commands`, shopUndo.undo)).status).toBe(200);
    const after = (await ctx.api.get("/api/portfolio?owner=Maria")).json.items;
    expect(after.map((i: { mapId: string }) => i.mapId)).toEqual([pizza.id]);
  });

  it("refuses solutionStatus mixed with the pain-point fields, naming the field", async () => {
    const pizza = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const res = await ctx.api.patch("/api/portfolio", {
      items: [{ mapId: pizza.id, cardId: pizza.cards[0].id }],
      set: { solutionStatus: "planned", owner: "Maria" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.problems[0].path).toBe("body.set.solutionStatus");
  });

  it("exports the filtered portfolio as an issue-tracker CSV", async () => {
    const pizza = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const app = createApp({ store: ctx.store, auth: localAuthenticator(), clock });
    const env = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
    const res = await app.request(
      `http://localhost:4400/api/portfolio?format=csv&mapId=${pizza.id}&type=pain`,
      { headers: { host: "localhost:4400" } },
      env,
    );
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toContain("portfolio.csv");
    const csv = await res.text();
    expect(csv.split("\r\n")[0]).toBe("Summary,Description,Assignee,Due date,Labels,Link");
    expect(csv).toContain(`http://localhost:4400/maps/${pizza.id}`);
    expect(csv).toContain("pain-point open");
  });

  it("exports the same issue-tracker rows as XLSX, read back with exceljs; solutions are typed and labelled", async () => {
    const created = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    const pizza = (await ctx.api.get(`/api/journeys/${created.id}`)).json;
    const idea = pizza.cards.find((c: { fields: { kind: string } }) => c.fields.kind === "idea");
    const kpi = pizza.cards.find((c: { fields: { kind: string } }) => c.fields.kind === "kpi");
    const made = await ctx.api.post(`/api/journeys/${pizza.id}/commands`, {
      baseVersion: pizza.version,
      commands: [
        {
          type: "setSolution",
          id: idea.id,
          solution: { status: "shipped", shipDate: "2026-10-01", kpiIds: [kpi.id] },
        },
      ],
    });
    expect(made.status).toBe(200);
    const solutions = (await ctx.api.get("/api/portfolio?type=solution&status=shipped")).json.items;
    expect(solutions.map((i: { cardId: string; kpiIds: string[] }) => [i.cardId, i.kpiIds])).toEqual([
      [idea.id, [kpi.id]],
    ]);
    const app = createApp({ store: ctx.store, auth: localAuthenticator(), clock });
    const env = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
    const get = (format: string) =>
      app.request(
        `http://localhost:4400/api/portfolio?format=${format}&mapId=${pizza.id}`,
        { headers: { host: "localhost:4400" } },
        env,
      );
    const res = await get("xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toContain("portfolio.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet("Portfolio");
    if (!sheet) throw new Error("no Portfolio sheet");
    const cells: string[][] = [];
    sheet.eachRow((row) => cells.push(Array.from({ length: 6 }, (_, i) => row.getCell(i + 1).text)));
    const csv = parse(await (await get("csv")).text(), { bom: true }) as string[][];
    expect(cells).toEqual(csv);
    expect(cells[0]).toEqual(["Summary", "Description", "Assignee", "Due date", "Labels", "Link"]);
    expect(cells.find((r) => r[4]?.startsWith("solution shipped"))?.[1]).toContain("Shipped: 2026-10-01");
  });

  it("rejects bad filters and bodies", async () => {
    expect((await ctx.api.get("/api/portfolio?sort=rice")).status).toBe(400);
    expect((await ctx.api.get("/api/portfolio?status=closed")).status).toBe(400);
    expect((await ctx.api.get("/api/portfolio?format=pdf")).status).toBe(400);
    const empty = await ctx.api.patch("/api/portfolio", { items: [{ mapId: "m", cardId: "c" }], set: {} });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.json.error.details)).toContain("body.set");
    expect((await ctx.api.patch("/api/portfolio", { items: [], set: { owner: "x" } })).status).toBe(400);
    const missing = await ctx.api.patch("/api/portfolio", {
      items: [{ mapId: "nope", cardId: "c" }],
      set: { status: "done" },
    });
    expect(missing.status).toBe(404);
  });

  it("lets viewers read the portfolio but not bulk-edit it", async () => {
    const app = createApp({ store: ctx.store, auth: tokenAuthenticator(ctx.store.tokens), clock });
    const api = testClient(app, "10.0.0.5");
    const viewer = await ctx.store.tokens.create("viewer", "viewer", clock());
    const auth = { authorization: `Bearer ${viewer}` };
    expect((await api.get("/api/portfolio", auth)).status).toBe(200);
    expect((await api.get("/api/attention", auth)).status).toBe(200);
    const edit = { items: [{ mapId: "m", cardId: "c" }], set: { owner: "x" } };
    expect((await api.patch("/api/portfolio", edit, auth)).status).toBe(403);
  });
});
