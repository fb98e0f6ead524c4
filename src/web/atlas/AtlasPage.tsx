import { ArrowRight } from "lucide-react";
import { useEffect, useState } from "react";
import type { MapStatus } from "../../domain/index.ts";
import { STATUS_LABELS } from "../labels.ts";
import { HomeLink } from "../ui/HomeLink.tsx";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { AtlasTileCard } from "./AtlasTileCard.tsx";
import { type AtlasEntry, type AtlasFilter, type AtlasView, atlasApi } from "./atlas-api.ts";
import "./atlas.css";

/** A cell entry: the map, and its future state beside it when there is one. */
function Entry({ entry }: { entry: AtlasEntry }) {
  if (!entry.future) return <AtlasTileCard tile={entry.tile} />;
  return (
    <fieldset className="atlas-pair">
      <legend className="sr-only">{entry.tile.title}: current and future state</legend>
      <AtlasTileCard tile={entry.tile} />
      <ArrowRight className="atlas-pair-arrow" size={16} aria-hidden="true" />
      <AtlasTileCard tile={entry.future} />
    </fieldset>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly (readonly [string, string])[];
  all: string;
}) {
  return (
    <label className="filter">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The matrix in its own scrolling region, so a phone scrolls it without moving the page. */
function Matrix({ atlas }: { atlas: AtlasView }) {
  if (atlas.mapCount === 0) return <p className="muted">No map matches these filters.</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
    <section className="atlas-scroll" aria-label="Atlas: personas by lifecycle phase" tabIndex={0}>
      <table className="atlas-matrix">
        <thead>
          <tr>
            <th scope="col">Persona</th>
            {atlas.columns.map((c) => (
              <th scope="col" key={c.phase}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {atlas.rows.map((row) => (
            <tr key={row.personaId ?? "-"}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, i) => (
                <td key={atlas.columns[i]?.phase ?? i}>
                  <div className="atlas-cell">
                    {cell.map((e) => (
                      <Entry key={e.tile.mapId} entry={e} />
                    ))}
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The atlas (`/atlas`): every journey of the workspace, personas × lifecycle phases. */
export function AtlasPage() {
  const [filter, setFilter] = useState<AtlasFilter>({});
  const [atlas, setAtlas] = useState<AtlasView | null>(null);
  const [all, setAll] = useState<AtlasView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = "Atlas — Wayline";
    atlasApi.atlas().then(setAll, () => undefined);
  }, []);
  useEffect(() => {
    atlasApi.atlas(filter).then(
      (r) => {
        setAtlas(r);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [filter]);
  const set = (key: keyof AtlasFilter) => (v: string) => setFilter((f) => ({ ...f, [key]: v || undefined }));
  const personas = (all?.rows ?? []).flatMap((r) => (r.personaId ? [[r.personaId, r.name] as const] : []));
  return (
    <div className="home atlas-page">
      <header className="topbar">
        <HomeLink />
        <span className="topbar-title">Atlas</span>
        <span className="spacer" />
        <ThemeButton />
      </header>
      <main className="home-main atlas-main">
        <h1>Atlas</h1>
        <p className="muted">
          Every journey by persona and lifecycle phase (tag a map <code>lifecycle:onboarding</code> to place
          it in a column).
          {atlas ? ` ${atlas.mapCount} map(s), ${atlas.staleCount} stale, on ${atlas.today}.` : ""}
        </p>
        <search className="filters">
          <Select
            label="Persona"
            value={filter.personaId ?? ""}
            onChange={set("personaId")}
            options={personas}
            all="All personas"
          />
          <Select
            label="Tag"
            value={filter.tag ?? ""}
            onChange={set("tag")}
            options={(all?.options.tags ?? []).map((t) => [t, t] as const)}
            all="Any tag"
          />
          <Select
            label="Owner"
            value={filter.owner ?? ""}
            onChange={set("owner")}
            options={(all?.options.owners ?? []).map((o) => [o, o] as const)}
            all="Anyone"
          />
          <Select
            label="Status"
            value={filter.status ?? ""}
            onChange={(v) => setFilter((f) => ({ ...f, status: (v || undefined) as MapStatus | undefined }))}
            options={Object.entries(STATUS_LABELS)}
            all="Not archived"
          />
          <label className="filter atlas-stale-filter">
            <span>Stale</span>
            <span>
              <input
                type="checkbox"
                checked={filter.stale === true}
                onChange={(e) => setFilter((f) => ({ ...f, stale: e.target.checked || undefined }))}
              />{" "}
              Only stale maps
            </span>
          </label>
        </search>
        {error ? <p className="error">Could not load the atlas: {error}</p> : null}
        {atlas ? <Matrix atlas={atlas} /> : <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
