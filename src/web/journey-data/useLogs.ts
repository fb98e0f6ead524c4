import { useCallback, useEffect, useState } from "react";
import type { LogInfo } from "../../contract/logs.ts";
import { logsApi } from "../api/logs.ts";

/** The workspace's logs, reloadable. */
export function useLogs(): { logs: LogInfo[] | null; error: string | null; reload: () => void } {
  const [logs, setLogs] = useState<LogInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    logsApi.list().then(
      (l) => {
        setLogs(l);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => reload(), [reload]);
  return { logs, error, reload };
}
