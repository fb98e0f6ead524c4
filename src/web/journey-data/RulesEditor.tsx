import { useMemo, useState } from "react";
import type { ActivityRule, JourneyMap, MapCommand, MatchKind } from "../../domain/index.ts";
import { patternError, type RuleMatches } from "./rule-preview.ts";
import { PREVIEW_BUDGET_MS, useRulePreview } from "./useRulePreview.ts";

const KINDS: Record<MatchKind, string> = { exact: "Exact", wildcard: "Wildcard", regex: "Regex" };

type Draft = Pick<ActivityRule, "match" | "pattern" | "ignoreCase">;

/** Touchpoint cards of a stage (rules may name one). */
const touchpointsOf = (map: JourneyMap, stageId: string) =>
  map.cards.filter((c) => c.stageId === stageId && c.fields.kind === "touchpoint");

const cardName = (text: string) => text.split("\n")[0]?.trim() || "(untitled touchpoint)";

/**
 * The map's activity rules: list, add, edit, reorder, delete — each change one map command (so
 * undo works) — with a live preview of which of the log's activities each rule maps and which
 * activities stay unmapped.
 */
export function RulesEditor({
  map,
  activities,
  dispatch,
}: {
  map: JourneyMap;
  /** Activity names of the selected log (empty when no log is chosen). */
  activities: string[];
  dispatch: (commands: MapCommand[]) => boolean;
}) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const rules = map.activityRules;
  const effective = useMemo(() => rules.map((r) => ({ ...r, ...(drafts[r.id] ?? {}) })), [rules, drafts]);
  const { preview, status } = useRulePreview(effective, activities);
  const setDraft = (id: string, d: Draft | null) =>
    setDrafts((all) => {
      const { [id]: _, ...rest } = all;
      return d ? { ...rest, [id]: d } : rest;
    });
  const commitDraft = (rule: ActivityRule) => {
    const d = drafts[rule.id];
    if (!d || patternError(d.match, d.pattern)) return;
    if (d.match !== rule.match || d.pattern !== rule.pattern || d.ignoreCase !== rule.ignoreCase)
      dispatch([{ type: "updateActivityRule", id: rule.id, ...d }]);
    setDraft(rule.id, null);
  };
  return (
    <section className="rules-editor" aria-label="Activity rules">
      <p className="muted">
        Rules apply top to bottom; the first match wins. Activities no rule maps are hidden journeys.
      </p>
      {status === "timed_out" && (
        <p className="error" role="status">
          The preview was stopped after {PREVIEW_BUDGET_MS / 1000} s: a pattern takes too long in the browser.
          The server matches with a linear-time engine and decides what each rule maps.
        </p>
      )}
      {rules.length ? (
        <ol className="rules" aria-label="Rules">
          {rules.map((r, i) => (
            <RuleRow
              key={r.id}
              map={map}
              rule={r}
              draft={drafts[r.id] ?? null}
              index={i}
              count={rules.length}
              matches={preview.rules[i] as RuleMatches}
              showMatches={activities.length > 0}
              onDraft={(d) => setDraft(r.id, d)}
              onCommit={() => commitDraft(r)}
              dispatch={dispatch}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">No rules yet.</p>
      )}
      <AddRuleForm map={map} dispatch={dispatch} />
      {activities.length ? (
        <section className="unmapped" aria-label="Unmapped activities">
          <h4>
            Unmapped activities <span className="tab-count">{preview.unmapped.length}</span>
          </h4>
          {preview.unmapped.length ? (
            <ul className="activity-chips">
              {preview.unmapped.map((a) => (
                <li key={a} className="activity-chip unmapped-chip">
                  {a}
                  {map.stages[0] ? <QuickAdd activity={a} map={map} dispatch={dispatch} /> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="ok">Every activity of the log is mapped.</p>
          )}
        </section>
      ) : (
        <p className="muted">Choose an event log above to preview which activities each rule matches.</p>
      )}
    </section>
  );
}

function RuleRow(props: {
  map: JourneyMap;
  rule: ActivityRule;
  draft: Draft | null;
  index: number;
  count: number;
  matches: RuleMatches;
  showMatches: boolean;
  onDraft: (d: Draft | null) => void;
  onCommit: () => void;
  dispatch: (commands: MapCommand[]) => boolean;
}) {
  const { map, rule, index, count, matches, dispatch } = props;
  const d: Draft = props.draft ?? { match: rule.match, pattern: rule.pattern, ignoreCase: rule.ignoreCase };
  const err = patternError(d.match, d.pattern);
  const label = `Rule ${index + 1}`;
  const update = (patch: Omit<Extract<MapCommand, { type: "updateActivityRule" }>, "type" | "id">) =>
    dispatch([{ type: "updateActivityRule", id: rule.id, ...patch }]);
  const touchpoints = touchpointsOf(map, rule.stageId);
  return (
    <li className="rule" aria-label={label}>
      <div className="rule-fields">
        <select
          aria-label={`${label} match kind`}
          value={d.match}
          onChange={(e) => {
            const match = e.target.value as MatchKind;
            if (!patternError(match, d.pattern)) update({ match });
            else props.onDraft({ ...d, match });
          }}
        >
          {Object.entries(KINDS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <input
          aria-label={`${label} pattern`}
          aria-invalid={!!err}
          className="rule-pattern"
          value={d.pattern}
          maxLength={300}
          onChange={(e) => props.onDraft({ ...d, pattern: e.target.value })}
          onBlur={props.onCommit}
          onKeyDown={(e) => {
            if (e.key === "Enter") props.onCommit();
            if (e.key === "Escape") props.onDraft(null);
          }}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={d.ignoreCase}
            onChange={(e) => update({ ignoreCase: e.target.checked })}
          />
          Aa ignore case
        </label>
      </div>
      <div className="rule-fields">
        <span className="muted">→</span>
        <select
          aria-label={`${label} stage`}
          value={rule.stageId}
          onChange={(e) => update({ stageId: e.target.value as never, touchpointId: null })}
        >
          {map.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <select
          aria-label={`${label} touchpoint`}
          value={rule.touchpointId ?? ""}
          onChange={(e) => update({ touchpointId: (e.target.value || null) as never })}
        >
          <option value="">No touchpoint</option>
          {touchpoints.map((c) => (
            <option key={c.id} value={c.id}>
              {cardName(c.text)}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost small"
          aria-label={`Move ${label} up`}
          disabled={index === 0}
          onClick={() => dispatch([{ type: "moveActivityRule", id: rule.id, toIndex: index - 1 }])}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn ghost small"
          aria-label={`Move ${label} down`}
          disabled={index === count - 1}
          onClick={() => dispatch([{ type: "moveActivityRule", id: rule.id, toIndex: index + 1 }])}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn ghost small danger"
          aria-label={`Delete ${label}`}
          onClick={() => dispatch([{ type: "deleteActivityRule", id: rule.id }])}
        >
          ✕
        </button>
      </div>
      {err ? <p className="error small">{err}</p> : null}
      {props.showMatches && !err ? <MatchList matches={matches} /> : null}
    </li>
  );
}

function MatchList({ matches }: { matches: RuleMatches }) {
  return (
    <div className="rule-matches">
      {matches.activities.length ? (
        <ul className="activity-chips" aria-label="Matched activities">
          {matches.activities.map((a) => (
            <li key={a} className="activity-chip matched-chip">
              {a}
            </li>
          ))}
        </ul>
      ) : (
        <span className="warn-text small">Matches no activity of the log</span>
      )}
      {matches.shadowed.length ? (
        <span className="muted small" title="An earlier rule maps these first">
          {" "}
          also matches {matches.shadowed.join(", ")} (taken by an earlier rule)
        </span>
      ) : null}
    </div>
  );
}

function AddRuleForm({ map, dispatch }: { map: JourneyMap; dispatch: (c: MapCommand[]) => boolean }) {
  const [match, setMatch] = useState<MatchKind>("exact");
  const [pattern, setPattern] = useState("");
  const [ignoreCase, setIgnoreCase] = useState(false);
  const [stageId, setStageId] = useState("");
  const stage = map.stages.find((s) => s.id === stageId) ?? map.stages[0];
  const err = pattern ? patternError(match, pattern) : null;
  if (!stage) return <p className="muted">Add stages to the map before mapping activities.</p>;
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (!pattern || err) return;
    if (dispatch([{ type: "addActivityRule", match, pattern, ignoreCase, stageId: stage.id }]))
      setPattern("");
  };
  return (
    <form className="add-rule" onSubmit={add} aria-label="Add a rule">
      <select
        aria-label="New rule match kind"
        value={match}
        onChange={(e) => setMatch(e.target.value as MatchKind)}
      >
        {Object.entries(KINDS).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
      <input
        aria-label="New rule pattern"
        aria-invalid={!!err}
        placeholder={
          match === "regex" ? "^(pay|reject)" : match === "wildcard" ? "examine *" : "activity name"
        }
        value={pattern}
        maxLength={300}
        onChange={(e) => setPattern(e.target.value)}
      />
      <label className="check">
        <input type="checkbox" checked={ignoreCase} onChange={(e) => setIgnoreCase(e.target.checked)} />
        Aa
      </label>
      <select aria-label="New rule stage" value={stage.id} onChange={(e) => setStageId(e.target.value)}>
        {map.stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn primary small" disabled={!pattern || !!err}>
        Add rule
      </button>
      {err ? <p className="error small">{err}</p> : null}
    </form>
  );
}

/** A one-click exact rule for an unmapped activity, to a chosen stage. */
function QuickAdd({
  activity,
  map,
  dispatch,
}: {
  activity: string;
  map: JourneyMap;
  dispatch: (c: MapCommand[]) => boolean;
}) {
  return (
    <select
      className="quick-add"
      aria-label={`Map “${activity}” to a stage`}
      value=""
      onChange={(e) =>
        e.target.value &&
        dispatch([
          {
            type: "addActivityRule",
            match: "exact",
            pattern: activity,
            ignoreCase: false,
            stageId: e.target.value as never,
          },
        ])
      }
    >
      <option value="">+ map to…</option>
      {map.stages.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
