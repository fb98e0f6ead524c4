// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import type { ActivityRule } from "../../domain/index.ts";
import { previewRules } from "./rule-preview.ts";
import type { PreviewRequest } from "./rule-preview.worker.ts";
import { useRulePreview } from "./useRulePreview.ts";

/**
 * A stand-in for the browser's Worker running the real previewRules — except for patterns named
 * "hang", which never answer (like a backtracking RegExp stuck in a real worker).
 */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(req: PreviewRequest) {
    if (req.rules.some((r) => r.pattern.includes("hang"))) return;
    setTimeout(() => {
      if (!this.terminated)
        this.dispatchEvent(
          new MessageEvent("message", {
            data: { seq: req.seq, preview: previewRules(req.rules, req.activities) },
          }),
        );
    }, 5);
  }
  terminate() {
    this.terminated = true;
  }
}

const rule = (id: string, pattern: string): ActivityRule =>
  ({
    id,
    match: "regex",
    pattern,
    ignoreCase: false,
    stageId: null,
    stepId: null,
  }) as unknown as ActivityRule;

function Probe({ rules, activities }: { rules: ActivityRule[]; activities: string[] }) {
  const { preview, status } = useRulePreview(rules, activities, 200);
  return (
    <p>
      {status}:{preview.rules.map((r) => r.activities.join("+")).join("|")}:{preview.unmapped.join("+")}
    </p>
  );
}

const original = globalThis.Worker;
afterEach(() => {
  cleanup();
  globalThis.Worker = original;
  FakeWorker.made = [];
});

it("computes the preview in a worker and shows it when it answers", async () => {
  globalThis.Worker = FakeWorker as unknown as typeof Worker;
  render(<Probe rules={[rule("r1", "^pay")]} activities={["pay online", "browse"]} />);
  expect(screen.getByText(/^pending/)).toBeTruthy();
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(screen.getByText("ready:pay online:browse")).toBeTruthy();
});

it("stops a preview that exceeds the time budget: the worker is terminated and the state says so", async () => {
  globalThis.Worker = FakeWorker as unknown as typeof Worker;
  const { rerender } = render(<Probe rules={[rule("r1", "^(a+)+$hang")]} activities={["aaaa"]} />);
  await act(() => new Promise((r) => setTimeout(r, 300)));
  expect(screen.getByText("timed_out::")).toBeTruthy();
  expect(FakeWorker.made[0]?.terminated).toBe(true);
  // The next edit gets a fresh worker.
  rerender(<Probe rules={[rule("r1", "^a")]} activities={["aaaa"]} />);
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(screen.getByText("ready:aaaa:")).toBeTruthy();
  expect(FakeWorker.made).toHaveLength(2);
});

it("fresh arrays with the same content do not restart the preview", async () => {
  globalThis.Worker = FakeWorker as unknown as typeof Worker;
  const { rerender } = render(<Probe rules={[rule("r1", "^b")]} activities={["browse"]} />);
  await act(() => new Promise((r) => setTimeout(r, 50)));
  for (let i = 0; i < 5; i++) rerender(<Probe rules={[rule("r1", "^b")]} activities={["browse"]} />);
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(screen.getByText("ready:browse:")).toBeTruthy();
  expect(FakeWorker.made).toHaveLength(1);
});

/** Reads the preview as RulesEditor does: entry i for rule i, in every render. */
function PerRule({
  rules,
  activities,
  seen,
}: {
  rules: ActivityRule[];
  activities: string[];
  seen: number[];
}) {
  const { preview } = useRulePreview(rules, activities, 200);
  seen.push(preview.rules.length - rules.length);
  return (
    <p>{rules.map((r, i) => `${r.id}=${preview.rules[i]?.activities.join("+") ?? "MISSING"}`).join(" ")}</p>
  );
}

for (const withWorker of [true, false])
  it(`has one entry per rule in every render, also right after a rule is added (${withWorker ? "worker" : "in place"})`, async () => {
    globalThis.Worker = (withWorker ? FakeWorker : undefined) as unknown as typeof Worker;
    const seen: number[] = [];
    const acts = ["pay online", "browse"];
    const { rerender } = render(<PerRule rules={[rule("r1", "^pay")]} activities={acts} seen={seen} />);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    rerender(<PerRule rules={[rule("r1", "^pay"), rule("r2", "^b")]} activities={acts} seen={seen} />);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    rerender(<PerRule rules={[rule("r2", "^b")]} activities={acts} seen={seen} />);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.getByText("r2=browse")).toBeTruthy();
    expect(seen.filter((d) => d !== 0)).toEqual([]);
  });
