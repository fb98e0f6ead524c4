import { useEffect, useState } from "react";
import type { DfgEdge, LogStats, VariantsResult } from "../../domain/journey-data/index.ts";
import { logsApi } from "../api/logs.ts";
import { activitiesOf } from "./rule-preview.ts";

/** What a log's views need: statistics, the directly-follows graph, top variants and activity names. */
export interface LogData {
  stats: LogStats;
  dfg: DfgEdge[];
  variants: VariantsResult;
  activities: string[];
}

/**
 * Loads a log's statistics, graph and variants (null while loading). A new `version` re-reads
 * them (live events appended) and keeps the previous answer shown meanwhile.
 */
export function useLogData(
  logId: string | null,
  version = 0,
): { data: LogData | null; error: string | null } {
  const [data, setData] = useState<LogData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(logId);
  if (shown !== logId) {
    setShown(logId);
    setData(null);
    setError(null);
  }
  useEffect(() => {
    void version;
    if (!logId) return;
    let live = true;
    Promise.all([logsApi.stats(logId), logsApi.dfg(logId), logsApi.variants(logId, 20)]).then(
      ([stats, dfg, variants]) =>
        live &&
        setData({
          stats,
          dfg,
          variants,
          activities: activitiesOf(dfg, stats.startActivities, stats.endActivities),
        }),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [logId, version]);
  return { data, error };
}
