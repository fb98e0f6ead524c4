import { expect, it } from "vitest";
import { atLeast, ROLES, type Role } from "../../domain/roles.ts";
import { DEFAULT_WORKSPACE_ID as A } from "../../storage/workspaces.ts";
import { postgresAvailable } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { ORIGIN, type Session, useAccountsApi } from "../accounts/test-accounts.ts";
import { createApp } from "../app.ts";
import { localAuthenticator } from "../auth.ts";
import { can, PERMISSIONS } from "./permissions.ts";
import { ROUTE_ACTIONS, type RouteRule, ruleFor } from "./route-actions.ts";

/** Ids of workspace A's things, created fresh for each route (a DELETE must not starve the next). */
interface Fixture {
  map: string;
  other: string;
  persona: string;
  survey: string;
  target: string;
  invitation: string;
  token: string;
}

function fill(rule: RouteRule, f: Fixture): string {
  const id = rule.path.startsWith("/api/personas")
    ? f.persona
    : rule.path.startsWith("/api/logs")
      ? "log-1"
      : rule.path.includes("/invitations/:id")
        ? f.invitation
        : f.map;
  return rule.path
    .replace(":ws", A)
    .replace(":userId", f.target)
    .replace(":otherId", f.other)
    .replace(":surveyId", f.survey)
    .replace(":token", f.token)
    .replace(":id", id);
}

const BODIES: Record<string, unknown> = {
  "POST /api/journeys": { title: "New", kind: "current_state" },
  "PATCH /api/journeys/:id": { title: "Renamed" },
  "PATCH /api/workspaces/:ws/members/:userId": { role: "viewer" },
  "POST /api/workspaces/:ws/invitations": { role: "viewer" },
  "POST /api/workspaces": { name: "Another" },
};

const NO_ROUTE = /^no route/;

const pgUp = await postgresAvailable();

for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `the permission table on ${dialect}`,
    () => {
      const t = useAccountsApi(undefined, dialect);

      it("names every route of the app, and every rule is a route", () => {
        const app = createApp({ store: t.store, auth: localAuthenticator(), accounts: t.options });
        const routes = new Set(
          app.routes
            .filter((r) => r.method !== "ALL" && r.path !== "/api/health")
            .map((r) => `${r.method} ${r.path}`),
        );
        const rules = new Set(ROUTE_ACTIONS.map((r) => `${r.method} ${r.path}`));
        expect([...routes].filter((r) => !rules.has(r))).toEqual([]);
        expect([...rules].filter((r) => !routes.has(r))).toEqual([]);
        for (const r of ROUTE_ACTIONS)
          if (r.scope !== "user" && r.scope !== "public") expect(r.action).toBeDefined();
      });

      it("can() follows the role order and never crosses workspaces", () => {
        for (const [action, min] of Object.entries(PERMISSIONS) as [keyof typeof PERMISSIONS, Role][])
          for (const role of ROLES) {
            expect(can({ role }, action)).toBe(atLeast(role, min));
            expect(can({ role, workspaceId: "w1" }, action, { workspaceId: "w2" })).toBe(false);
          }
        expect(ruleFor("GET", "/api/journeys/import")?.path).toBe("/api/journeys/:id");
        expect(ruleFor("PUT", "/api/journeys")).toBeUndefined();
        expect(ruleFor("POST", "/api/journeys/import")?.action).toBe("map.create");
      });

      it("every route, for every role, a member of another workspace, an unknown token and no credentials", async () => {
        const who: Partial<Record<Role, Session>> = {};
        for (const role of ROLES) {
          const email = `${role}@a.test`;
          if (role === "owner") await t.user(email);
          else await t.user(email, [[A, role]]);
          who[role] = await t.login(email);
        }
        const owner = who.owner as Session;
        const outsiderUser = await t.user("out@b.test");
        const outsider = await t.login("out@b.test");
        const b = await t.store.members.createWorkspace("B", outsiderUser.id, new Date().toISOString());
        const c = (await owner.call("POST", "/api/workspaces", { name: "C" })).json.id as string;
        const failures: string[] = [];
        const expectStatus = (
          label: string,
          got: { status: number; json: { error?: { message?: string } } },
          ok: (s: number) => boolean,
        ) => {
          if (!ok(got.status) || NO_ROUTE.test(got.json?.error?.message ?? ""))
            failures.push(`${label}: ${got.status} ${got.json?.error?.message ?? ""}`);
        };
        for (const rule of ROUTE_ACTIONS) {
          const map = (await owner.call("POST", "/api/journeys", { title: "A map", kind: "current_state" }))
            .json.id;
          const other = (await owner.call("POST", "/api/journeys", { title: "B map", kind: "current_state" }))
            .json.id;
          const persona = (await owner.call("POST", "/api/personas", { name: "Eva" })).json.id;
          const survey = (
            await owner.call("POST", `/api/journeys/${map}/surveys`, { name: "S", responses: [{ csat: 4 }] })
          ).json.id;
          const target = (await t.user(`t${Math.random()}@a.test`, [[A, "viewer"]])).id;
          const inv = (await owner.call("POST", `/api/workspaces/${A}/invitations`, { role: "viewer" })).json;
          const token = (await owner.call("POST", `/api/workspaces/${c}/invitations`, { role: "viewer" }))
            .json.token;
          const path = fill(rule, { map, other, persona, survey, target, invitation: inv.id, token });
          const key = `${rule.method} ${rule.path}`;
          const body = rule.method === "GET" ? undefined : (BODIES[key] ?? {});
          const label = (x: string) => `${key} as ${x}`;
          // Credentials that are absent, unknown or forged never pass (public routes excepted).
          if (rule.scope !== "public") {
            expectStatus(
              label("nobody"),
              await t.api.call(rule.method, path, body, { origin: ORIGIN }),
              (s) => s === 401,
            );
            const fake = { cookie: "wl_session=wls_forged", origin: ORIGIN };
            expectStatus(
              label("forged cookie"),
              await t.api.call(rule.method, path, body, fake),
              (s) => s === 401,
            );
            const bearer = { authorization: "Bearer wl_unknown", origin: ORIGIN };
            expectStatus(
              label("unknown token"),
              await t.api.call(rule.method, path, body, bearer),
              (s) => s === 401,
            );
          }
          // A member of another workspace reaches nothing of A: neither by naming A nor by A's ids.
          if (rule.scope === "current" || rule.scope === "path" || rule.scope === "server") {
            const named = await outsider.call(rule.method, path, body, { "x-wayline-workspace": A });
            expectStatus(
              label("outsider naming A"),
              named,
              (s) => s === 404 || (rule.scope === "server" && s === 403),
            );
            if (rule.scope === "current" && /:(id|otherId|surveyId)/.test(rule.path)) {
              // From their own workspace with A's ids: nothing is found, read or changed. A 400 (the
              // input is checked before any lookup) reveals nothing either; the map is re-read below.
              const own = await outsider.call(rule.method, path, body, { "x-wayline-workspace": b.id });
              const read = rule.method === "GET" && own.status === 200;
              if (read && [map, other, persona, "A map", "Eva"].some((x) => (own.text ?? "").includes(x)))
                failures.push(`${label("outsider by id from B")}: answered A's data`);
              expectStatus(
                label("outsider by id from B"),
                own,
                (s) => s === 404 || s === 400 || (read && s === 200),
              );
              const after = await owner.call("GET", `/api/journeys/${map}`, undefined, {
                "x-wayline-workspace": A,
              });
              if (after.json?.version !== 1 || after.json?.title !== "A map")
                failures.push(`${label("outsider by id from B")}: changed A's map`);
            }
            if (rule.scope === "current" && rule.method === "GET" && !rule.path.includes(":")) {
              const list = await outsider.call("GET", path, undefined, { "x-wayline-workspace": b.id });
              if (JSON.stringify(list.json).includes(map))
                failures.push(`${label("outsider")}: lists A's map`);
            }
          }
          for (const role of ROLES) {
            // These end the session the loop relies on; accounts.test.ts covers them for a user.
            if (["/api/auth/logout", "/api/auth/logout-all", "/api/auth/password"].includes(rule.path))
              continue;
            const s = who[role] as Session;
            const res = await s.call(rule.method, path, body, { "x-wayline-workspace": A });
            const allowed = rule.action === undefined || atLeast(role, PERMISSIONS[rule.action]);
            expectStatus(label(role), res, (st) =>
              allowed ? st !== 401 && st !== 403 && st < 500 : st === 403,
            );
          }
        }
        expect(failures).toEqual([]);
      }, 120_000);
    },
  );
