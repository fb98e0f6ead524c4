import { useCallback, useEffect, useRef, useState } from "react";
import type { ActivityEntry, ActivityPage } from "../../contract/activity.ts";

/** How often an open activity listing asks for new entries (ms). */
export const ACTIVITY_REFRESH_MS = 3000;

/**
 * A paged activity listing: the first page, re-read every `ACTIVITY_REFRESH_MS` while shown (live
 * edits of others appear), and "more" appends the next page by cursor.
 */
export function useActivity(load: (cursor?: string) => Promise<ActivityPage>, key: string, live = true) {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const extra = useRef<ActivityEntry[]>([]);
  const loadRef = useRef(load);
  loadRef.current = load;
  const refresh = useCallback(async () => {
    try {
      const page = await loadRef.current();
      const fresh = new Set(page.entries.map((e) => e.id));
      setEntries([...page.entries, ...extra.current.filter((e) => !fresh.has(e.id))]);
      if (extra.current.length === 0) setNext(page.nextCursor);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the filters; a new key starts over
  useEffect(() => {
    extra.current = [];
    setEntries([]);
    void refresh();
    if (!live) return;
    const t = setInterval(() => void refresh(), ACTIVITY_REFRESH_MS);
    return () => clearInterval(t);
  }, [key, live, refresh]);
  const more = async () => {
    if (!next) return;
    try {
      const page = await loadRef.current(next);
      extra.current = [...extra.current, ...page.entries];
      setEntries((xs) => [...xs, ...page.entries]);
      setNext(page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return { entries, error, hasMore: next !== null, more };
}
