/// <reference lib="webworker" />
import type { ActivityRule } from "../../domain/index.ts";
import { previewRules } from "./rule-preview.ts";

/** One preview request: the rules and the log's activities; answered with the same `seq`. */
export interface PreviewRequest {
  seq: number;
  rules: ActivityRule[];
  activities: string[];
}

// The browser's RegExp is backtracking: a pattern like ^(a+)+$ may run for minutes. Here it can
// only stall this worker, which the page terminates after its time budget (useRulePreview.ts).
self.onmessage = (e: MessageEvent<PreviewRequest>) => {
  const { seq, rules, activities } = e.data;
  self.postMessage({ seq, preview: previewRules(rules, activities) });
};
