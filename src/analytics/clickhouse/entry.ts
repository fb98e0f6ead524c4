import type { EngineEntry } from "../engine.ts";

/** Registry entry of the ClickHouse engine (server at CLICKHOUSE_URL; tables per stored log). */
export const clickhouseEntry: EngineEntry = {
  description: "ClickHouse server at CLICKHOUSE_URL (default http://127.0.0.1:18123)",
  capabilities: { persistent: true, oracle: false },
  service: {
    name: "ClickHouse",
    async probe(url) {
      const { probeClickHouse } = await import("./client.ts");
      return probeClickHouse(url);
    },
  },
  async open(options) {
    const { ClickHouseEngine } = await import("./clickhouse-engine.ts");
    const stored = options?.stored;
    return ClickHouseEngine.open(options?.url, stored ? { prefix: stored.name } : undefined);
  },
};
