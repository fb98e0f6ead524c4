import { ATTENTION_KINDS, type AttentionItem, type AttentionKind } from "./portfolio-api.ts";

/** Section titles of the needs-attention list. */
export const ATTENTION_TITLES: Record<AttentionKind, string> = {
  "pain-overdue": "Overdue pain points",
  "review-overdue": "Maps past their review cadence",
  "research-stale": "Research older than the limit",
  "pain-no-owner": "Pain points without an owner",
  "future-state-missing": "Maps without a future state",
};

/** Link to the item's map in the editor. */
function mapHref(i: AttentionItem): string {
  return `/maps/${encodeURIComponent(i.mapId)}`;
}

/** The needs-attention items grouped by kind, most urgent group first; overdue rows highlighted. */
export function AttentionList({
  items,
  onOpen,
}: {
  items: readonly AttentionItem[];
  onOpen: (href: string) => void;
}) {
  if (items.length === 0) return <p className="attention-empty">Nothing needs attention. Well kept!</p>;
  return (
    <div className="attention-groups">
      {ATTENTION_KINDS.map((kind) => {
        const rows = items.filter((i) => i.kind === kind);
        if (rows.length === 0) return null;
        return (
          <section key={kind} className="attention-group" aria-label={ATTENTION_TITLES[kind]}>
            <h2>
              {ATTENTION_TITLES[kind]} <span className="count">{rows.length}</span>
            </h2>
            <ul>
              {rows.map((i) => (
                <li
                  key={`${i.mapId}/${i.kind}/${i.cardId ?? ""}/${i.message}`}
                  className={`attention-item severity-${i.severity}${kind === "pain-overdue" ? " overdue" : ""}`}
                >
                  <a
                    href={mapHref(i)}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(mapHref(i));
                    }}
                  >
                    {i.mapTitle}
                  </a>
                  <span className="attention-owner">{i.owner ?? "No owner"}</span>
                  <span className="attention-message">{i.message}</span>
                  <span className="attention-hint muted">{i.hint}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
