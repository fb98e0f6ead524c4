import { z } from "zod";
import { invalid, problemsFromIssues } from "../domain/index.ts";

/** Server settings, from the environment and CLI flags. */
export const ServerConfigSchema = z.strictObject({
  /** TCP port. */
  port: z.coerce.number().int().min(0).max(65535).default(4400),
  /** Interface to listen on; local mode only listens on loopback. */
  host: z.string().min(1).default("127.0.0.1"),
  /** Folder of the embedded SQLite database. */
  dataDir: z.string().min(1).default("./data"),
  /** `postgres://…` to store in PostgreSQL instead of SQLite. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** `local`: this machine only, no login; `token`: bearer tokens; `accounts`: users, sessions, workspaces. */
  auth: z.enum(["local", "token", "accounts"]).default("local"),
  /** Public URL of the web app (`WAYLINE_PUBLIC_URL`): its origin is the only one cookie writes may come from. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** Reads the configuration from environment variables overridden by explicit values. */
export function loadServerConfig(
  env: NodeJS.ProcessEnv,
  overrides: Partial<Record<keyof ServerConfig, unknown>> = {},
): ServerConfig {
  const raw = {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.WAYLINE_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    auth: env.WAYLINE_AUTH,
    publicUrl: env.WAYLINE_PUBLIC_URL || undefined,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  const r = ServerConfigSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!r.success)
    throw invalid("invalid_request", "invalid configuration", problemsFromIssues(r.error.issues));
  const cfg = r.data;
  const loopback = /^(127\.|localhost$|::1$)/.test(cfg.host);
  if (cfg.auth === "local" && !loopback)
    throw invalid("invalid_request", "invalid configuration", [
      {
        path: "host",
        message: `local mode (no login) must listen on loopback, not "${cfg.host}"; set WAYLINE_AUTH=accounts (or token) to serve a team`,
      },
    ]);
  return cfg;
}
