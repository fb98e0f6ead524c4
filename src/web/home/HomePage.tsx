import { FileUp } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import type { JourneyQuery, JourneySummary } from "../../contract/journeys.ts";
import type { Persona } from "../../domain/index.ts";
import { AccountMenu } from "../account/AccountMenu.tsx";
import { api } from "../api/client.ts";
import { ImportDialog } from "../import/ImportDialog.tsx";
import { InboxButton } from "../inbox/InboxButton.tsx";
import { KIND_LABELS, STATUS_LABELS } from "../labels.ts";
import { navigate } from "../router.ts";
import { ThemeButton } from "../ui/ThemeButton.tsx";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { WorkspaceSwitcher } from "../workspace/WorkspaceSwitcher.tsx";
import { MapList } from "./MapList.tsx";
import { NewMapDialog } from "./NewMapDialog.tsx";
import { TemplateGallery } from "./TemplateGallery.tsx";
import "../portfolio/portfolio.css";
import { Welcome } from "./Welcome.tsx";

/** The map list: search, filters, create (blank or from a template) and per-map actions. */
export function HomePage() {
  const [query, setQuery] = useState<JourneyQuery>({});
  const [maps, setMaps] = useState<JourneySummary[] | null>(null);
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<"blank" | "template" | "import" | null>(null);

  const reload = useCallback(() => {
    api.listJourneys(query).then(setMaps, (e: Error) => setError(e.message));
  }, [query]);
  useEffect(() => {
    const t = setTimeout(reload, query.q ? 200 : 0);
    return () => clearTimeout(t);
  }, [reload, query.q]);
  useEffect(() => {
    api.listPersonas().then(setPersonas, () => setPersonas([]));
    document.title = "Wayline — journey maps";
  }, []);

  const set = (k: keyof JourneyQuery) => (v: string) => setQuery((q) => ({ ...q, [k]: v || undefined }));
  const filtered = Object.values(query).some((v) => v !== undefined && v !== "");
  const opened = (id: string) => navigate(`/maps/${id}`);
  return (
    <div className="home">
      <header className="topbar">
        <span className="brand">Wayline</span>
        <span className="topbar-title">Journey maps</span>
        <a
          href="/data"
          className="btn ghost"
          onClick={(e) => {
            e.preventDefault();
            navigate("/data");
          }}
        >
          Data
        </a>
        <span className="spacer" />
        <WorkspaceSwitcher />
        <AccountMenu />
        <InboxButton />
        <ThemeButton />
      </header>
      <main className="home-main">
        <div className="home-actions">
          <h1>Your journey maps</h1>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => setDialog("import")}>
            <ToolLabel icon={FileUp}>Import</ToolLabel>
          </button>
          <button type="button" className="btn" onClick={() => setDialog("template")}>
            Start from a template
          </button>
          <button type="button" className="btn primary" onClick={() => setDialog("blank")}>
            New blank map
          </button>
        </div>
        <nav className="home-views" aria-label="Across maps">
          <a
            href="/atlas"
            className="btn ghost"
            onClick={(e) => {
              e.preventDefault();
              navigate("/atlas");
            }}
          >
            Atlas
          </a>
          <a
            href="/attention"
            className="btn ghost"
            onClick={(e) => {
              e.preventDefault();
              navigate("/attention");
            }}
          >
            Needs attention
          </a>
          <a
            href="/portfolio"
            className="btn ghost"
            onClick={(e) => {
              e.preventDefault();
              navigate("/portfolio");
            }}
          >
            Portfolio
          </a>
          <a
            href="/kpis"
            className="btn ghost"
            onClick={(e) => {
              e.preventDefault();
              navigate("/kpis");
            }}
          >
            KPIs
          </a>
          <a
            href="/activity"
            className="btn ghost"
            onClick={(e) => {
              e.preventDefault();
              navigate("/activity");
            }}
          >
            Activity
          </a>
          <a
            href="/workspace/webhooks"
            className="btn ghost"
            onClick={(e) => {
              e.preventDefault();
              navigate("/workspace/webhooks");
            }}
          >
            Webhooks
          </a>
        </nav>
        <search className="filters">
          <input
            type="search"
            placeholder="Search maps…"
            aria-label="Search maps"
            value={query.q ?? ""}
            onChange={(e) => set("q")(e.target.value)}
          />
          <FilterSelect label="Kind" value={query.kind} options={KIND_LABELS} onChange={set("kind")} />
          <FilterSelect
            label="Status"
            value={query.status}
            options={STATUS_LABELS}
            onChange={set("status")}
          />
          <FilterSelect
            label="Persona"
            value={query.personaId}
            options={Object.fromEntries(personas.map((p) => [p.id, p.name]))}
            onChange={set("personaId")}
          />
        </search>
        {error ? <p className="error">Could not load maps: {error}</p> : null}
        {maps === null ? <p className="muted">Loading…</p> : null}
        {maps && (maps.length > 0 || filtered) ? (
          <MapList
            maps={maps}
            personas={personas}
            onChanged={reload}
            onError={setError}
            onClearFilters={() => setQuery({})}
          />
        ) : null}
        {maps && maps.length === 0 && !filtered ? (
          <Welcome
            onBlank={() => setDialog("blank")}
            onCreated={opened}
            showTemplates={dialog !== "template"}
          />
        ) : null}
      </main>
      {dialog === "blank" ? <NewMapDialog onClose={() => setDialog(null)} onCreated={opened} /> : null}
      {dialog === "template" ? <TemplateGallery onClose={() => setDialog(null)} onCreated={opened} /> : null}
      {dialog === "import" ? <ImportDialog onClose={() => setDialog(null)} onCreated={opened} /> : null}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: Record<string, string>;
  onChange: (v: string) => void;
}) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value)}
        aria-label={`Filter by ${label}`}
      >
        <option value="">All</option>
        {Object.entries(options).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}
