import { afterEach, beforeEach } from "vitest";
import type { Role } from "../../domain/roles.ts";
import { createTestStore, type TestStore } from "../../testing/databases.ts";
import { createApp } from "../app.ts";
import { accountAuthenticator } from "./authenticator.ts";
import { LoginLimiter, type LoginLimits } from "./login-limiter.ts";
import { hashPassword } from "./passwords.ts";
import type { AccountsOptions } from "./session.ts";

/** The origin the test server believes it is served from. */
export const ORIGIN = "http://wayline.test:4400";
/** The password of every test account. */
export const PASSWORD = "correct horse battery";

/** A signed-in test user: their cookie and CSRF token, and a client that sends them. */
export interface Session {
  userId: string;
  email: string;
  cookie: string;
  csrf: string;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): ReturnType<Client["call"]>;
}

type Client = ReturnType<typeof tolerantClient>;

/** Like `testClient`, but answers that are not JSON (exports, summaries) come back as `text`. */
function tolerantClient(app: ReturnType<typeof createApp>, remoteAddress: string) {
  const env = { incoming: { socket: { remoteAddress } } };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { host: "wayline.test:4400", ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      init.headers = { "content-type": "application/json", ...init.headers };
    }
    const res = await app.request(`${ORIGIN}${path}`, init, env);
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  return {
    get: (p: string, h?: Record<string, string>) => call("GET", p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call("POST", p, b, h),
    call,
  };
}

/** The session cookie of a login answer (`name=value`). */
export function cookieOf(headers: Headers): string {
  const set = headers.get("set-cookie") ?? "";
  return set.split(";")[0] ?? "";
}

/** A fresh accounts-mode app per test, reached from 10.0.0.9 as a browser on ORIGIN would. */
export function useAccountsApi(limits?: LoginLimits, dialect: "sqlite" | "postgres" = "sqlite") {
  let t: TestStore | undefined;
  let client: Client | undefined;
  let opts: AccountsOptions | undefined;
  let hash: string | undefined;
  beforeEach(async () => {
    t = await createTestStore(dialect);
    hash ??= await hashPassword(PASSWORD);
    opts = {
      store: t.store,
      limiter: new LoginLimiter(t.store.loginFailures, limits),
      now: () => new Date(),
      publicOrigin: ORIGIN,
    };
    const app = createApp({
      store: t.store,
      auth: accountAuthenticator(opts),
      accounts: opts,
      rateLimitPerMinute: 0,
      // The permission sweep sends hundreds of unknown credentials from one address on purpose;
      // the failure limit has its own tests (tokens-hardening.test.ts).
      authFailuresPerMinute: 0,
    });
    client = tolerantClient(app, "10.0.0.9");
  });
  afterEach(async () => t?.dispose());
  const need = <T>(x: T | undefined): T => {
    if (!x) throw new Error("useAccountsApi: outside a test");
    return x;
  };
  const api = () => need(client);
  /** Signs in and returns a session client. */
  const login = async (email: string, password = PASSWORD): Promise<Session> => {
    const res = await api().post("/api/auth/login", { email, password }, { origin: ORIGIN });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.json)}`);
    const cookie = cookieOf(res.headers);
    const csrf = res.json.csrf as string;
    return {
      userId: res.json.user.id,
      email,
      cookie,
      csrf,
      call: (method, path, body, headers = {}) =>
        api().call(method, path, body, { cookie, origin: ORIGIN, ...headers }),
    };
  };
  /** Creates an account (no password hashing per user: one argon2id hash is reused). */
  const user = async (email: string, memberOf: [string, Role][] = []) => {
    const store = need(t).store;
    const u = await store.accounts.createUser(
      { email, name: email.split("@")[0] ?? email, passwordHash: need(hash) },
      new Date().toISOString(),
    );
    for (const [ws, role] of memberOf) await store.members.setRole(ws, u.id, role, new Date().toISOString());
    return u;
  };
  return {
    get api() {
      return api();
    },
    get store() {
      return need(t).store;
    },
    get options() {
      return need(opts);
    },
    login,
    user,
  };
}
