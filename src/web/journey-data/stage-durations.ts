import { useEffect } from "react";
import { create } from "zustand";
import type { MapDurationsReport } from "../../contract/logs.ts";
import type { ActivityRule } from "../../domain/index.ts";
import { logsApi } from "../api/logs.ts";
import { useEditor, useSession } from "../editor/session-context.ts";
import type { MapSession } from "../state/session.ts";
import { useSelectedLog } from "./selected-log.ts";

/**
 * Durations of the open map on its data log (the log chosen in the Data panel, else the
 * workspace's first): shared by the stage headers' SLA chips and the Data panel's durations
 * view, so the map asks the server once per map, log and set of activity rules.
 */
export interface StageDurationsState {
  /** What the report answers: map, chosen log and rules (null before any request). */
  key: string | null;
  /** The latest report for `key`; null while loading, without a log, or after an error. */
  report: MapDurationsReport | null;
  /** Why there is no report: no log in the workspace, or the server's error. */
  problem: "no_log" | string | null;
  loading: boolean;
}

export const useStageDurationsStore = create<StageDurationsState>(() => ({
  key: null,
  report: null,
  problem: null,
  loading: false,
}));

const keyOf = (mapId: string, chosen: string | null, rules: readonly ActivityRule[]) =>
  JSON.stringify([mapId, chosen, rules]);

/**
 * Loads the report for this map, log choice and rules unless it is already loaded or on its way
 * (`force` reloads). The map's pending edits are saved first: the server reads the stored rules.
 */
export async function loadStageDurations(
  session: MapSession,
  mapId: string,
  chosen: string | null,
  rules: readonly ActivityRule[],
  force = false,
): Promise<void> {
  const key = keyOf(mapId, chosen, rules);
  const store = useStageDurationsStore;
  if (!force && store.getState().key === key) return;
  store.setState({ key, loading: true, ...(store.getState().key === key ? {} : { report: null }) });
  const current = () => store.getState().key === key;
  try {
    const logs = await logsApi.list();
    const logId = logs.some((l) => l.id === chosen) ? chosen : (logs[0]?.id ?? null);
    if (!logId) {
      if (current()) store.setState({ report: null, problem: "no_log", loading: false });
      return;
    }
    await session.whenIdle();
    const report = await logsApi.mapDurations(mapId, logId);
    if (current()) store.setState({ report, problem: null, loading: false });
  } catch (e) {
    if (current()) store.setState({ report: null, problem: (e as Error).message, loading: false });
  }
}

/** The open map's durations report (loaded on first use, reloaded when the rules or the log change). */
export function useStageDurations(): StageDurationsState & { reload: () => void } {
  const session = useSession();
  const mapId = useEditor((s) => s.map.id);
  const rules = useEditor((s) => s.map.activityRules);
  const chosen = useSelectedLog();
  useEffect(() => {
    void loadStageDurations(session, mapId, chosen, rules);
  }, [session, mapId, chosen, rules]);
  const state = useStageDurationsStore();
  const mine = state.key === keyOf(mapId, chosen, rules);
  return {
    ...(mine ? state : { key: null, report: null, problem: null, loading: true }),
    reload: () => void loadStageDurations(session, mapId, chosen, rules, true),
  };
}
