import {
  Bot,
  Building2,
  CalendarClock,
  Image,
  Lightbulb,
  Link,
  Paperclip,
  TriangleAlert,
  UserRound,
  Users,
} from "lucide-react";
import type { Card } from "../../domain/index.ts";
import { CHANNEL_ICONS } from "../../render/channels.ts";
import { CHANNEL_SVG_ICONS } from "../../render/picture-icons.tsx";
import { EvidenceBadge } from "../journey-data/EvidenceBadge.tsx";
import { IMPACT_TEXT, ideasFixing, kpiDisplay, ownershipDisplay } from "./card-display.ts";
import { useEditor, useSession } from "./session-context.ts";

const ICON = { size: 14, strokeWidth: 2, "aria-hidden": true } as const;

/** The card's own text (wrapping, never cut) or a placeholder. */
function Text({ text, quote }: { text: string; quote?: boolean }) {
  if (!text) return <div className="card-text muted">Empty card</div>;
  // Quote marks are added unless the text brings its own.
  const q = quote && !/^\s*["“„«‘']/.test(text);
  return <div className={q ? "card-text quote" : "card-text"}>{text}</div>;
}

/** A small labelled fact (owner, due date …): icon + words, with the field's name for screen readers. */
function Fact({
  icon,
  label,
  children,
}: {
  icon: React.ReactNode;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <span className="fact" title={label}>
      {icon}
      <span className="sr-only">{label}: </span>
      {children}
    </span>
  );
}

/** Ideas that address a pain point, listed on the pain card; choosing one opens it. */
function FixedBy({ painId }: { painId: string }) {
  const session = useSession();
  const ideas = useEditor((s) => ideasFixing(s.map.cards, painId));
  if (!ideas.length) return null;
  const open = (id: string) => {
    session.store.setState({ selectedCardId: id, panel: "card" });
    document.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.focus();
  };
  return (
    <div className="fixed-by">
      <span className="fixed-by-label">Fixed by</span>
      <ul>
        {ideas.map((i) => (
          <li key={i.id}>
            <button
              type="button"
              tabIndex={-1}
              className="fixed-by-idea"
              onClick={(e) => {
                e.stopPropagation();
                open(i.id);
              }}
            >
              <Lightbulb {...ICON} />
              <span>{i.text.split("\n")[0] || "Untitled idea"}</span>
              {i.fields.kind === "idea" && i.fields.quickWin ? (
                <span className="badge win">Quick win</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The kind-specific top line and body of a card: channel, impact, figures, department … */
function KindBody({ card, quote }: { card: Card; quote: boolean }) {
  const f = card.fields;
  switch (f.kind) {
    case "touchpoint":
    case "channel": {
      const Icon = f.channel ? CHANNEL_SVG_ICONS[f.channel] : null;
      return (
        <>
          {f.channel && Icon ? (
            <div className="card-kicker">
              <span className="channel-icon">
                <Icon {...ICON} />
              </span>
              {CHANNEL_ICONS[f.channel].label}
              {f.kind === "touchpoint" && f.mode ? <span className="muted"> · {f.mode}</span> : null}
              {f.kind === "touchpoint" && f.isBot ? (
                <span className="badge" title="Served by a bot">
                  <Bot {...ICON} /> Bot
                </span>
              ) : null}
            </div>
          ) : null}
          <Text text={card.text} />
          {f.kind === "touchpoint" && f.ownerTeam ? (
            <div className="facts">
              <Fact icon={<Users {...ICON} />} label="Owner team">
                {f.ownerTeam}
              </Fact>
            </div>
          ) : null}
        </>
      );
    }
    case "pain":
      return (
        <>
          <div className="card-kicker">
            <TriangleAlert {...ICON} />
            {f.impact ? (
              <span className={`impact impact-${f.impact}`}>{IMPACT_TEXT[f.impact]}</span>
            ) : (
              "Pain point"
            )}
            {f.reach !== null ? (
              <span className="reach" title="Share of customers affected">
                <span className="reach-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(f.reach * 100)}%` }} />
                </span>
                {Math.round(f.reach * 100)} % of customers
              </span>
            ) : null}
          </div>
          <Text text={card.text} />
          {f.owner || f.dueDate ? (
            <div className="facts">
              {f.owner ? (
                <Fact icon={<UserRound {...ICON} />} label="Owner">
                  {f.owner}
                </Fact>
              ) : null}
              {f.dueDate ? (
                <Fact icon={<CalendarClock {...ICON} />} label="Due">
                  {f.dueDate}
                </Fact>
              ) : null}
            </div>
          ) : null}
          <FixedBy painId={card.id} />
        </>
      );
    case "idea":
      return (
        <>
          <div className="card-kicker">
            <Lightbulb {...ICON} />
            {f.quickWin ? <span className="badge win">Quick win</span> : "Idea"}
            {f.effort ? <span className="muted">{f.effort} effort</span> : null}
          </div>
          <Text text={card.text} />
        </>
      );
    case "kpi": {
      const k = kpiDisplay(f, card.text);
      return (
        <>
          <div className="kpi-name">{k.title}</div>
          {k.value !== null || k.target !== null ? (
            <div className="kpi-figures">
              {k.value !== null ? (
                <span className="kpi-value">{k.value}</span>
              ) : (
                <span className="muted">No value yet</span>
              )}
              {k.target !== null ? <span className="kpi-target">target {k.target}</span> : null}
            </div>
          ) : (
            <div className="muted small">Value and target not set</div>
          )}
          {k.note ? <Text text={k.note} /> : null}
          {f.source || f.asOf ? (
            <div className="facts muted">
              {[f.source, f.asOf ? `as of ${f.asOf}` : ""].filter(Boolean).join(" · ")}
            </div>
          ) : null}
        </>
      );
    }
    case "ownership": {
      const o = ownershipDisplay(f, card.text);
      return (
        <>
          <div className="card-kicker strong">
            <Building2 {...ICON} />
            {o.title}
          </div>
          {o.note ? <Text text={o.note} /> : null}
        </>
      );
    }
    case "blueprint":
      return (
        <>
          <Text text={card.text} />
          {f.ownerTeam ? (
            <div className="facts">
              <Fact icon={<Users {...ICON} />} label="Owner team">
                {f.ownerTeam}
              </Fact>
            </div>
          ) : null}
        </>
      );
    case "handoff":
      return (
        <>
          <div className="card-kicker">
            {f.actor === "bot" ? <Bot {...ICON} /> : <UserRound {...ICON} />}
            {f.actor === "bot" ? "Bot serves" : "A person serves"}
          </div>
          <Text text={card.text} />
          {f.triggers.length ? <div className="facts">Hands over on: {f.triggers.join(", ")}</div> : null}
        </>
      );
    case "link":
    case "image":
      return (
        <>
          <div className="card-kicker">
            {f.kind === "link" ? <Link {...ICON} /> : <Image {...ICON} />}
            {f.kind === "link" ? (f.linkKind === "other" ? "Link" : f.linkKind) : "Image"}
          </div>
          <Text text={card.text || (f.kind === "image" ? f.alt : "")} />
        </>
      );
    default:
      return <Text text={card.text} quote={quote} />;
  }
}

/** Everything a card shows, by kind, plus its evidence. */
export function CardBody({ card, quote }: { card: Card; quote: boolean }) {
  return (
    <>
      <KindBody card={card} quote={quote} />
      {card.evidence.length || card.confidence !== "assumed" ? (
        <div className="card-foot">
          <EvidenceBadge card={card} />
          {card.evidence.length ? (
            <span className="fact" title="Evidence links">
              <Paperclip {...ICON} /> {card.evidence.length}
            </span>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
