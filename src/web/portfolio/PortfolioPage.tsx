import { useCallback, useEffect, useState } from "react";
import type { PortfolioBulkView } from "../../contract/portfolio.ts";
import type { PriorityModel } from "../../domain/analysis/priority.ts";
import { WORK_STATUS_LABELS } from "../../domain/labels.ts";
import type { SolutionStatus, WorkStatus } from "../../domain/model/card.ts";
import { PORTFOLIO_SORTS } from "../../domain/portfolio/portfolio-query.ts";
import { api } from "../api/client.ts";
import { request } from "../api/request.ts";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { navigate } from "../router.ts";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { BulkEditBar, type BulkSet } from "./BulkEditBar.tsx";
import { type BoardMove, PortfolioBoard } from "./PortfolioBoard.tsx";
import { PortfolioTable, rowKey } from "./PortfolioTable.tsx";
import {
  type PainLinkDecision,
  type PainRef,
  type PortfolioFilter,
  type PortfolioItem,
  portfolioApi,
  type SimilarPainEntry,
} from "./portfolio-api.ts";
import "./portfolio.css";

type Filter = Partial<PortfolioFilter>;

/**
 * Portfolio (`/portfolio`): every pain point, idea and solution across maps, as a table or a
 * board, with bulk edit, the workspace's priority model and CSV / XLSX export.
 */
export function PortfolioPage() {
  const [filter, setFilter] = useState<Filter>({ sort: "priority" });
  const [view, setView] = useState<"table" | "board" | "solutions">("table");
  const [model, setModel] = useState<PriorityModel | null>(null);
  const [items, setItems] = useState<PortfolioItem[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [lastEdit, setLastEdit] = useState<PortfolioBulkView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    portfolioApi.portfolio(filter).then(
      (r) => {
        setItems(r.items);
        setModel(r.model);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [filter]);
  useEffect(reload, [reload]);
  const [similar, setSimilar] = useState<Map<string, SimilarPainEntry>>(new Map());
  const reloadSimilar = useCallback(() => {
    portfolioApi.similar().then(
      (r) => setSimilar(new Map(r.items.map((e) => [rowKey(e.pain), e]))),
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(reloadSimilar, [reloadSimilar]);
  const decide = async (pain: PainRef, other: PainRef, decision: PainLinkDecision) => {
    try {
      await portfolioApi.decideSimilar(pain, other, decision);
      reloadSimilar();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    document.title = "Portfolio — Wayline";
  }, []);
  const set = (patch: Filter) => setFilter((f) => ({ ...f, ...patch }));
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const apply = async (change: BulkSet) => {
    const chosen = (items ?? []).filter((i) => selected.has(rowKey(i)));
    try {
      setLastEdit(
        await portfolioApi.bulkEdit({
          items: chosen.map(({ mapId, cardId }) => ({ mapId, cardId })),
          set: change,
        }),
      );
      setSelected(new Set());
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  /** A board move: a bulk edit of one card (its map's command, undoable there like any edit). */
  const move: BoardMove = async (item, column) => {
    const change: BulkSet =
      item.type === "solution"
        ? { solutionStatus: column as SolutionStatus }
        : { status: column as WorkStatus };
    try {
      setLastEdit(
        await portfolioApi.bulkEdit({ items: [{ mapId: item.mapId, cardId: item.cardId }], set: change }),
      );
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const undo = async (m: PortfolioBulkView["maps"][number]) => {
    try {
      await api.applyCommands(m.mapId, m.undo.baseVersion, m.undo.commands);
      setLastEdit((l) => (l ? { maps: l.maps.filter((x) => x.mapId !== m.mapId) } : l));
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const chooseModel = async (next: PriorityModel) => {
    try {
      await request("PATCH", "/api/settings", { body: { priority: { model: next } } });
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const titleOf = (mapId: string) => items?.find((i) => i.mapId === mapId)?.mapTitle ?? mapId;
  return (
    <div className="home portfolio-page">
      <header className="topbar">
        <HomeLink />
        <span className="topbar-title">Portfolio</span>
        <span className="spacer" />
        <InboxButton />
        <ThemeButton />
      </header>
      <main className="home-main">
        <div className="home-actions">
          <h1>Portfolio</h1>
          <span className="spacer" />
          <a className="btn" href={portfolioApi.csvHref(filter)} download="portfolio.csv">
            Export CSV
          </a>
          <a className="btn" href={portfolioApi.xlsxHref(filter)} download="portfolio.xlsx">
            Export XLSX
          </a>
          <label className="filter">
            <span>Priority</span>
            <select
              aria-label="Priority model"
              value={model ?? "impact_reach"}
              onChange={(e) => chooseModel(e.target.value as PriorityModel)}
            >
              <option value="impact_reach">Impact × reach</option>
              <option value="rice">RICE (reach × impact × confidence ÷ effort)</option>
            </select>
          </label>
          <label className="filter">
            <span>View</span>
            <select aria-label="View" value={view} onChange={(e) => setView(e.target.value as typeof view)}>
              <option value="table">Table</option>
              <option value="board">Board: pain points</option>
              <option value="solutions">Board: solutions</option>
            </select>
          </label>
        </div>
        <PortfolioFilters filter={filter} onChange={set} />
        {error ? <p className="error">{error}</p> : null}
        {lastEdit && lastEdit.maps.length > 0 ? (
          <p className="bulk-done">
            Changed {lastEdit.maps.reduce((n, m) => n + m.cardIds.length, 0)} card(s).{" "}
            {lastEdit.maps.map((m) => (
              <button key={m.mapId} type="button" className="btn ghost" onClick={() => undo(m)}>
                Undo on {titleOf(m.mapId)}
              </button>
            ))}
          </p>
        ) : null}
        {view === "table" ? <BulkEditBar count={selected.size} onApply={apply} /> : null}
        {items === null ? (
          <p className="muted">Loading…</p>
        ) : view === "table" ? (
          <PortfolioTable
            items={items}
            selected={selected}
            onToggle={toggle}
            onOpen={(id) => navigate(`/maps/${id}`)}
            similar={similar}
            onDecide={decide}
          />
        ) : (
          <PortfolioBoard items={items} kind={view === "solutions" ? "solutions" : "pains"} onMove={move} />
        )}
      </main>
    </div>
  );
}

function PortfolioFilters({ filter, onChange }: { filter: Filter; onChange: (patch: Filter) => void }) {
  return (
    <search className="filters">
      <label className="filter">
        <span>Type</span>
        <select
          aria-label="Filter by type"
          value={filter.type ?? ""}
          onChange={(e) => onChange({ type: (e.target.value || undefined) as Filter["type"] })}
        >
          <option value="">All</option>
          <option value="pain">Pain points</option>
          <option value="idea">Ideas</option>
          <option value="solution">Solutions</option>
        </select>
      </label>
      <label className="filter">
        <span>Status</span>
        <select
          aria-label="Filter by status"
          value={filter.status ?? ""}
          onChange={(e) => onChange({ status: (e.target.value || undefined) as Filter["status"] })}
        >
          <option value="">All</option>
          {Object.entries(WORK_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
          <option value="planned">Solution planned</option>
          <option value="shipped">Solution shipped</option>
        </select>
      </label>
      <input
        type="search"
        aria-label="Filter by owner"
        placeholder="Owner…"
        value={filter.owner ?? ""}
        onChange={(e) => onChange({ owner: e.target.value.trim() || undefined })}
      />
      <label className="filter">
        <input
          type="checkbox"
          checked={filter.overdue === true}
          onChange={(e) => onChange({ overdue: e.target.checked || undefined })}
        />
        <span>Overdue only</span>
      </label>
      <label className="filter">
        <span>Sort</span>
        <select
          aria-label="Sort by"
          value={filter.sort ?? "priority"}
          onChange={(e) => onChange({ sort: e.target.value as PortfolioFilter["sort"] })}
        >
          {PORTFOLIO_SORTS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </search>
  );
}
