import { type ChildProcess, spawn } from "node:child_process";
import { WAYLINE_BIN } from "./cli.ts";

/** A `wayline serve` child process (crash, shutdown and backup tests). */
export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stderr and stdout so far. */
  output(): string;
  /** Resolves with the exit code or signal once it has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node bin/wayline.js serve --port 0 --data DIR` and waits for its "running at" line. */
export async function startServeProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [WAYLINE_BIN, "serve", "--port", "0", "--data", dataDir], {
    env: {
      ...process.env,
      NO_COLOR: "1",
      DATABASE_URL: "",
      CLICKHOUSE_URL: "",
      REDIS_URL: "",
      WAYLINE_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s:\n${out}`)), 30_000);
    const look = () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stderr?.on("data", look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited before starting:\n${out}`));
    });
  });
  return { url, child, output: () => out, exited };
}

/** JSON call to a served instance as a local client. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: test answers are inspected loosely
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
