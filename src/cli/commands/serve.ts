import type { Command } from "commander";
import { loadServerConfig } from "../../server/config.ts";

/** `wayline serve`: runs the web app and API. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve Wayline (web app and REST API); SQLite under --data unless DATABASE_URL is set")
    .option("--port <port>", "TCP port (default 4400, or PORT)")
    .option("--host <host>", "interface (default 127.0.0.1, or HOST)")
    .option("--data <dir>", "folder of the embedded SQLite database (default ./data, or WAYLINE_DATA_DIR)")
    .action(async (o: { port?: string; host?: string; data?: string }) => {
      const cfg = loadServerConfig(process.env, { port: o.port, host: o.host, dataDir: o.data });
      const { startServer } = await import("../../server/serve.ts");
      const { redactUrl } = await import("../../storage/database.ts");
      const server = await startServer(cfg);
      const where =
        server.store.dialect === "sqlite" ? server.store.location : redactUrl(server.store.location);
      console.error(
        `Wayline is running at ${server.url} (${server.store.dialect}: ${where}, auth: ${cfg.auth})`,
      );
      // Graceful shutdown on the first SIGTERM/SIGINT (ops/shutdown.ts); a second one ends at once.
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) process.exit(1);
        stopping = true;
        console.error(`Wayline is shutting down (${signal}) …`);
        try {
          await server.close();
          server.logger.flush();
          process.exit(0);
        } catch (e) {
          server.logger.error({ err: e }, "shutdown failed");
          server.logger.flush();
          process.exit(1);
        }
      };
      process.on("SIGINT", () => void stop("SIGINT"));
      process.on("SIGTERM", () => void stop("SIGTERM"));
    });
}
