import { expect, it } from "vitest";
import { atLeast, ROLES, type Role } from "../../domain/roles.ts";
import { SHARE_ROLE } from "../../domain/share.ts";
import { DEFAULT_WORKSPACE_ID as A } from "../../storage/workspaces.ts";
import { postgresAvailable } from "../../testing/databases.ts";
import { describeWithService } from "../../testing/services.ts";
import { ORIGIN, type Session, useAccountsApi } from "../accounts/test-accounts.ts";
import { createApp } from "../app.ts";
import { localAuthenticator } from "../auth.ts";
import { identifyCollabConnection } from "../collab/auth.ts";
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
  link: string;
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
    .replace(":linkId", f.link)
    .replace(":id", id);
}

const BODIES: Record<string, unknown> = {
  "POST /api/journeys": { title: "New", kind: "current_state" },
  "PATCH /api/journeys/:id": { title: "Renamed" },
  "PATCH /api/workspaces/:ws/members/:userId": { role: "viewer" },
  "POST /api/workspaces/:ws/invitations": { role: "viewer" },
  "POST /api/workspaces": { name: "Another" },
  "POST /api/journeys/:id/share-links": { access: "view" },
  "POST /api/journeys/:id/workshop/timer": { op: "start" },
  "POST /api/journeys/:id/workshop/agenda": { op: "add", title: "Warm-up" },
  "POST /api/journeys/:id/workshop/follow": { clientId: 7 },
  "POST /api/journeys/:id/workshop/voting": { votesPerPerson: 3 },
  "POST /api/journeys/:id/workshop/votes": { cardId: "c1", delta: 1 },
  "POST /api/journeys/:id/workshop/notes": { text: "Parking lot note" },
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
          const link = (await owner.call("POST", `/api/journeys/${map}/share-links`, { access: "edit" })).json
            .link.id;
          const path = fill(rule, { map, other, persona, survey, target, invitation: inv.id, token, link });
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
        // Thousands of requests (every route × every role × fresh fixtures): ~60 s on PostgreSQL on a
        // quiet machine, over 120 s while other suites load both cores.
      }, 300_000);
    },
  );

/** Every route, called by the holder of a share link instead of a member. */
for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `share links in the permission table on ${dialect}`,
    () => {
      const t = useAccountsApi(undefined, dialect);

      it("a link reaches only its own map's shared routes, within its role; revoked, expired and other maps' links nothing", async () => {
        await t.user("owner@a.test");
        const owner = await t.login("owner@a.test");
        const mk = async (title: string) =>
          (await owner.call("POST", "/api/journeys", { title, kind: "current_state" })).json.id as string;
        const share = async (map: string, access: string, extra: Record<string, unknown> = {}) =>
          (await owner.call("POST", `/api/journeys/${map}/share-links`, { access, ...extra })).json;
        const failures: string[] = [];
        for (const rule of ROUTE_ACTIONS) {
          if (rule.scope === "public") continue;
          const map = await mk("Shared map");
          const other = await mk("Other map");
          const persona = (await owner.call("POST", "/api/personas", { name: "Eva" })).json.id;
          const linkOnMap = await share(map, "view");
          const path = fill(rule, {
            map,
            other,
            persona,
            survey: "s-1",
            target: "u-1",
            invitation: "i-1",
            token: "t-1",
            link: linkOnMap.link.id,
          });
          const key = `${rule.method} ${rule.path}`;
          const body = rule.method === "GET" ? undefined : (BODIES[key] ?? {});
          const as = (token: string) =>
            t.api.call(rule.method, path, body, { "x-wayline-share": token, origin: ORIGIN });
          for (const access of ["view", "comment", "edit"] as const) {
            const res = await as((await share(map, access)).token);
            const role = SHARE_ROLE[access];
            const reachable = rule.shared === true && rule.action !== undefined;
            const ok = reachable
              ? atLeast(role, PERMISSIONS[rule.action as keyof typeof PERMISSIONS])
                ? res.status !== 401 && res.status !== 403 && res.status < 500
                : res.status === 403
              : // Unreachable: not found, or refused before the route (viewers never write) — no data.
                [401, 403, 404].includes(res.status);
            if (!ok)
              failures.push(`${key} with a ${access} link: ${res.status} ${res.json?.error?.message ?? ""}`);
          }
          // A link of another map, a revoked link and an expired link reach nothing of this map.
          const foreign = await as((await share(other, "edit")).token);
          if (foreign.status !== 404 && foreign.status !== 401)
            failures.push(`${key} with another map's link: ${foreign.status}`);
          const revoked = await share(map, "edit");
          const revoke = await owner.call(
            "DELETE",
            `/api/journeys/${map}/share-links/${revoked.link.id}`,
            undefined,
            {
              "x-wayline-csrf": owner.csrf,
            },
          );
          if (revoke.status !== 204) failures.push(`revoking: ${revoke.status}`);
          const gone = await as(revoked.token);
          if (gone.status !== 401) failures.push(`${key} with a revoked link: ${gone.status}`);
          const expired = await share(map, "edit", { days: 1 });
          await t.store.db
            .updateTable("share_links")
            .set({ expires_at: "2020-01-01T00:00:00.000Z" })
            .where("id", "=", expired.link.id)
            .execute();
          const old = await as(expired.token);
          if (old.status !== 401) failures.push(`${key} with an expired link: ${old.status}`);
          const after = await owner.call("GET", `/api/journeys/${other}`);
          if (after.json?.version !== 1 || after.json?.title !== "Other map")
            failures.push(`${key}: changed the other map`);
        }
        expect(failures).toEqual([]);
        // can() itself: a share principal acts on its own map only, never on workspace-wide resources.
        const guest = { role: "editor" as const, workspaceId: A, share: { mapId: "m1" } };
        expect(can(guest, "map.edit", { workspaceId: A, mapId: "m1" })).toBe(true);
        expect(can(guest, "map.edit", { workspaceId: A, mapId: "m2" })).toBe(false);
        expect(can(guest, "map.read", { workspaceId: A })).toBe(false);
        expect(can(guest, "map.read")).toBe(false);
      }, 180_000);
    },
  );

/** Listings of the current workspace (GET, no path parameter): a hidden map must appear in none. */
const LISTINGS = ROUTE_ACTIONS.filter(
  (r) => r.scope === "current" && r.method === "GET" && !r.path.includes(":"),
);
/** Listings that show this test's map to someone who may see it (the control: the check can fail). */
const SHOWN_TO_LISTED = ["/api/journeys", "/api/portfolio", "/api/atlas", "/api/inbox"];

/** Every map route and every listing, on a map restricted to named members. */
for (const dialect of ["sqlite", "postgres"] as const)
  describeWithService(
    "PostgreSQL",
    dialect === "sqlite" || pgUp,
    `restricted maps in the permission table on ${dialect}`,
    () => {
      const t = useAccountsApi(undefined, dialect);

      it("unlisted members get 404 on every map route and see the map in no listing; listed ones, admins and owners reach it", async () => {
        await t.user("owner@a.test");
        const owner = await t.login("owner@a.test");
        const as: Record<string, Session> = { owner };
        for (const [name, role] of [
          ["admin", "admin"],
          ["listed", "editor"],
          ["editor", "editor"],
          ["commenter", "commenter"],
          ["viewer", "viewer"],
        ] as const) {
          await t.user(`${name}@a.test`, [[A, role]]);
          as[name] = await t.login(`${name}@a.test`);
        }
        const listed = as.listed as Session;
        const unlisted = ["editor", "commenter", "viewer"] as const;
        const failures: string[] = [];
        const restrictedMap = async (title: string) => {
          const m = (await owner.call("POST", "/api/journeys", { templateId: "pizza-restaurant", title }))
            .json;
          const put = await owner.call("PUT", `/api/journeys/${m.id}/access`, {
            restricted: true,
            userIds: [listed.userId],
          });
          if (put.status !== 200) failures.push(`restricting: ${put.status} ${put.text}`);
          return m.id as string;
        };
        // Listings: the map's id and title reach listed members and never the others.
        const title = `Secret map ${Math.random().toString(36).slice(2)}`;
        const secret = await restrictedMap(title);
        const mention = Object.values(as)
          .map((s) => `@[${s.email}](${s.userId})`)
          .join(" ");
        const thread = await owner.call("POST", `/api/journeys/${secret}/comments`, {
          anchor: { kind: "map" },
          body: `${mention} please look`,
        });
        if (thread.status !== 201) failures.push(`commenting: ${thread.status} ${thread.text}`);
        const shows = (text: string | undefined) =>
          (text ?? "").includes(secret) || (text ?? "").includes(title);
        for (const rule of [...LISTINGS, { path: `/api/journeys?q=${encodeURIComponent("Secret map")}` }]) {
          for (const name of unlisted) {
            const res = await (as[name] as Session).call("GET", rule.path);
            if (shows(res.text))
              failures.push(`GET ${rule.path} as unlisted ${name}: lists the restricted map`);
          }
          if (SHOWN_TO_LISTED.includes(rule.path))
            for (const name of ["listed", "admin"]) {
              const res = await (as[name] as Session).call("GET", rule.path);
              if (!shows(res.text)) failures.push(`GET ${rule.path} as ${name}: does not list the map`);
            }
        }
        const count = await (as.editor as Session).call("GET", "/api/inbox/count");
        const listedCount = await listed.call("GET", "/api/inbox/count");
        if (JSON.stringify(count.json) === JSON.stringify(listedCount.json))
          failures.push(
            `inbox count: unlisted ${JSON.stringify(count.json)} = listed ${JSON.stringify(listedCount.json)}`,
          );
        // Map routes: a fresh restricted map each (a DELETE must not starve the next).
        for (const rule of ROUTE_ACTIONS.filter((r) => r.path.startsWith("/api/journeys/:id"))) {
          const map = await restrictedMap("Restricted");
          const open = (await owner.call("POST", "/api/journeys", { title: "Open", kind: "current_state" }))
            .json.id as string;
          const key = `${rule.method} ${rule.path}`;
          const body = rule.method === "GET" ? undefined : (BODIES[key] ?? {});
          const pathOf = (m: string) =>
            fill(rule, {
              map: m,
              other: open,
              persona: "p-1",
              survey: "s-1",
              target: "u-1",
              invitation: "i-1",
              token: "t-1",
              link: "l-1",
            });
          const path = pathOf(map);
          for (const name of unlisted) {
            const res = await (as[name] as Session).call(rule.method, path, body);
            // Viewers' writes are refused before any lookup, for every map id alike: that 403
            // reveals nothing. Everything else about a hidden map is "not there".
            const refusedAnyway = name === "viewer" && rule.method !== "GET";
            if (res.status !== 404 && !(refusedAnyway && res.status === 403))
              failures.push(`${key} as unlisted ${name}: ${res.status}`);
          }
          // The restricted map named as the other map of a comparison is hidden the same way.
          if (rule.path.includes(":otherId")) {
            const swapped = rule.path.replace(":id", open).replace(":otherId", map);
            const res = await (as.editor as Session).call(rule.method, swapped);
            if (res.status !== 404)
              failures.push(`${key} (restricted as other) as unlisted editor: ${res.status}`);
          }
          const after = await owner.call("GET", `/api/journeys/${map}`);
          if (after.json?.title !== "Restricted" || after.json?.version !== 1)
            failures.push(`${key}: an unlisted member changed the map`);
          for (const name of ["listed", "admin", "owner"]) {
            // Each on a map of their own: a DELETE or rename by one must not decide the next.
            const own = name === "listed" ? map : await restrictedMap("Restricted");
            const res = await (as[name] as Session).call(rule.method, pathOf(own), body);
            const role: Role = name === "listed" ? "editor" : (name as Role);
            const allowed = rule.action === undefined || atLeast(role, PERMISSIONS[rule.action]);
            const hidden = res.status === 404 && /no journey map/.test(res.json?.error?.message ?? "");
            if (allowed ? hidden || res.status === 403 || res.status >= 500 : res.status !== 403)
              failures.push(`${key} as ${name}: ${res.status} ${res.json?.error?.message ?? ""}`);
          }
        }
        expect(failures).toEqual([]);
      }, 180_000);

      it("share links of a member who is not (or no longer) listed stop opening the map; the websocket refuses unlisted members", async () => {
        await t.user("owner@a.test");
        const owner = await t.login("owner@a.test");
        await t.user("ed@a.test", [[A, "editor"]]);
        const ed = await t.login("ed@a.test");
        const map = (await owner.call("POST", "/api/journeys", { title: "M", kind: "current_state" })).json
          .id;
        const edLink = (await ed.call("POST", `/api/journeys/${map}/share-links`, { access: "view" })).json
          .token;
        const ownerLink = (await owner.call("POST", `/api/journeys/${map}/share-links`, { access: "view" }))
          .json.token;
        const guest = (token: string) =>
          t.api.call("GET", `/api/journeys/${map}`, undefined, { "x-wayline-share": token });
        expect((await guest(edLink)).status).toBe(200);
        await owner.call("PUT", `/api/journeys/${map}/access`, { restricted: true, userIds: [] });
        expect((await guest(edLink)).status).toBe(401);
        expect((await t.api.call("GET", `/api/share/${edLink}`)).status).toBe(404);
        expect((await guest(ownerLink)).status).toBe(200);
        await owner.call("PUT", `/api/journeys/${map}/access`, { restricted: true, userIds: [ed.userId] });
        expect((await guest(edLink)).status).toBe(200);
        // The websocket asks the same function with the map's access list.
        const identify = (userId: string, role: Role) => async () => ({
          name: userId,
          role,
          workspaceId: A,
          userId,
        });
        const ws = (userId: string, role: Role) =>
          identifyCollabConnection({ mode: "accounts", identify: identify(userId, role) }, t.store.journeys, {
            request: {} as never,
            token: "",
            mapId: map,
          });
        await expect(ws(ed.userId, "editor")).resolves.toMatchObject({ canEdit: true });
        await expect(ws("someone-else", "editor")).rejects.toMatchObject({ code: "not_found" });
        await expect(ws("someone-else", "admin")).resolves.toMatchObject({ canEdit: true });
        // Unknown members are refused on the access list with a located error.
        const bad = await owner.call("PUT", `/api/journeys/${map}/access`, {
          restricted: true,
          userIds: ["nobody"],
        });
        expect(bad.status).toBe(400);
        expect(bad.json.error.message).toContain("userIds[0]");
      });
    },
  );
