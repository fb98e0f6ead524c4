import { describe, expect, it } from "vitest";
import type { WaylineError } from "../domain/index.ts";
import { loadServerConfig } from "./config.ts";

describe("server configuration", () => {
  it("defaults to port 4400 on loopback with SQLite under ./data in local mode", () => {
    expect(loadServerConfig({})).toEqual({ port: 4400, host: "127.0.0.1", dataDir: "./data", auth: "local" });
  });
  it("reads the environment and lets flags win", () => {
    const cfg = loadServerConfig(
      {
        PORT: "5000",
        DATABASE_URL: "postgres://u:secret@db/wayline",
        WAYLINE_AUTH: "token",
        HOST: "0.0.0.0",
      },
      { port: "6000" },
    );
    expect(cfg).toMatchObject({
      port: 6000,
      host: "0.0.0.0",
      auth: "token",
      databaseUrl: "postgres://u:secret@db/wayline",
    });
  });
  it("rejects bad values with the field that is wrong", () => {
    const fieldOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadServerConfig(env);
      } catch (e) {
        const problems = ((e as WaylineError).details?.problems ?? []) as { path: string }[];
        return problems[0]?.path;
      }
      return null;
    };
    expect(fieldOf({ PORT: "http" })).toBe("port");
    expect(fieldOf({ PORT: "70000" })).toBe("port");
    expect(fieldOf({ DATABASE_URL: "mysql://x" })).toBe("databaseUrl");
    expect(fieldOf({ WAYLINE_AUTH: "none" })).toBe("auth");
    expect(fieldOf({ HOST: "0.0.0.0" })).toBe("host");
    expect(fieldOf({ WAYLINE_AUTH: "accounts", WAYLINE_PUBLIC_URL: "ftp://x" })).toBe("publicUrl");
  });
  it("accounts mode may serve a team on any interface behind a public URL", () => {
    const cfg = loadServerConfig({
      WAYLINE_AUTH: "accounts",
      HOST: "0.0.0.0",
      WAYLINE_PUBLIC_URL: "https://cjm.example",
    });
    expect(cfg).toMatchObject({ auth: "accounts", host: "0.0.0.0", publicUrl: "https://cjm.example" });
  });
});
