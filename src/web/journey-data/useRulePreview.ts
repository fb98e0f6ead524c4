import { useEffect, useMemo, useRef, useState } from "react";
import type { ActivityRule } from "../../domain/index.ts";
import { patternError, previewRules, type RulePreview } from "./rule-preview.ts";
import type { PreviewRequest } from "./rule-preview.worker.ts";

/** Time budget of one preview (the server, on RE2, decides anyway). */
export const PREVIEW_BUDGET_MS = 1000;

/** A preview and whether it is current, still computing, or was stopped at the budget. */
export interface RulePreviewState {
  preview: RulePreview;
  status: "ready" | "pending" | "timed_out";
}

/** Rules with nothing matched yet (shown while computing or after a stop). */
export function emptyPreview(rules: readonly ActivityRule[]): RulePreview {
  return {
    rules: rules.map((r) => ({
      ruleId: r.id,
      activities: [],
      shadowed: [],
      error: patternError(r.match, r.pattern),
    })),
    unmapped: [],
  };
}

const aligned = (p: RulePreview, rules: readonly ActivityRule[]) =>
  p.rules.length === rules.length && p.rules.every((m, i) => m.ruleId === rules[i]?.id);

/**
 * The rule preview computed in a Web Worker with a time budget: a pattern that backtracks for
 * ever stalls the worker, never the page; after `PREVIEW_BUDGET_MS` the worker is terminated and
 * the state says `timed_out`. Without Worker support (tests in jsdom) it computes in place.
 */
export function useRulePreview(
  rules: ActivityRule[],
  activities: string[],
  budgetMs = PREVIEW_BUDGET_MS,
): RulePreviewState {
  const [state, setState] = useState<RulePreviewState>(() =>
    typeof Worker === "undefined"
      ? { preview: previewRules(rules, activities), status: "ready" }
      : { preview: emptyPreview(rules), status: "pending" },
  );
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  // Callers may pass fresh arrays each render (`data?.activities ?? []`): run on content changes only.
  const key = JSON.stringify([rules, activities]);
  const latest = useRef({ rules, activities });
  latest.current = { rules, activities };
  useEffect(() => {
    void key;
    const { rules, activities } = latest.current;
    if (typeof Worker === "undefined") {
      setState({ preview: previewRules(rules, activities), status: "ready" });
      return;
    }
    const mine = ++seq.current;
    worker.current ??= new Worker(new URL("./rule-preview.worker.ts", import.meta.url), { type: "module" });
    const w = worker.current;
    setState((s) => ({
      preview: aligned(s.preview, rules) ? s.preview : emptyPreview(rules),
      status: "pending",
    }));
    const onMessage = (e: MessageEvent<{ seq: number; preview: RulePreview }>) => {
      if (e.data.seq !== mine) return;
      clearTimeout(timer);
      setState({ preview: e.data.preview, status: "ready" });
    };
    const timer = setTimeout(() => {
      w.terminate();
      if (worker.current === w) worker.current = null;
      if (seq.current === mine) setState({ preview: emptyPreview(rules), status: "timed_out" });
    }, budgetMs);
    w.addEventListener("message", onMessage);
    w.postMessage({ seq: mine, rules, activities } satisfies PreviewRequest);
    return () => {
      clearTimeout(timer);
      w.removeEventListener("message", onMessage);
    };
  }, [key, budgetMs]);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  // The state is set by the effect, after this render: a rule just added (or deleted) has no
  // entry in it yet. Every render gets one entry per rule it was given (empty while pending).
  const current = aligned(state.preview, rules);
  const fallback = useMemo(() => (current ? null : emptyPreview(rules)), [current, rules]);
  return fallback ? { preview: fallback, status: "pending" } : state;
}
