import { useEffect, useState } from "react";
import type { SummaryFormat } from "../../contract/analysis.ts";
import { analysisApi } from "../api/analysis.ts";

const DOWNLOADS: { format: SummaryFormat; label: string }[] = [
  { format: "md", label: "Markdown" },
  { format: "html", label: "HTML" },
  { format: "pdf", label: "PDF" },
];

/**
 * Fits the server's summary page to the narrow panel: tables take the frame's width with fixed
 * columns and wrap long words instead of spilling sideways (the downloads keep the server's page).
 */
const FIT_PANEL = `<style>
  html, body { max-width: 100%; overflow-x: hidden; }
  body { margin: 12px; overflow-wrap: anywhere; }
  table { width: 100%; max-width: 100%; table-layout: fixed; border-collapse: collapse; }
  th, td { overflow-wrap: anywhere; word-break: break-word; vertical-align: top; }
  img, svg, pre { max-width: 100%; }
  pre { white-space: pre-wrap; }
</style>`;

/** The summary HTML with the panel-fitting style added at the end of its head (or its start). */
export function fitToPanel(html: string): string {
  return html.includes("</head>") ? html.replace("</head>", `${FIT_PANEL}</head>`) : FIT_PANEL + html;
}

/**
 * The stakeholder summary as the server renders it, in a fully sandboxed iframe (no scripts, no
 * same-origin access; the server escapes user text), with download links for every format.
 * Keyed by the map version by its parent, so it reloads after each saved edit.
 */
export function SummaryPreview({ mapId }: { mapId: string }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    analysisApi.summaryText(mapId, "html").then(
      (h) => {
        if (live) setHtml(h);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [mapId]);
  return (
    <div className="summary-preview">
      <div className="summary-downloads">
        <span className="muted">Download:</span>
        {DOWNLOADS.map((d) => (
          <a
            key={d.format}
            className="btn small"
            href={analysisApi.summaryDownloadUrl(mapId, d.format)}
            download
          >
            {d.label}
          </a>
        ))}
      </div>
      {error ? <p className="error">Could not load the summary: {error}</p> : null}
      {html === null && !error ? <p className="muted">Loading summary…</p> : null}
      {html !== null ? (
        <iframe title="Stakeholder summary preview" sandbox="" srcDoc={fitToPanel(html)} />
      ) : null}
    </div>
  );
}
