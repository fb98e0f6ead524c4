import { Download } from "lucide-react";
import { useState } from "react";
import { createPortal } from "react-dom";
import { MAP_FORMAT_KEYS, MAP_FORMATS } from "../../../domain/index.ts";
import { ToolLabel } from "../../ui/ToolLabel.tsx";
import "../../present/present.css";
import "./export-dialog.css";
import { Dialog } from "../../ui/Dialog.tsx";
import { useEditor } from "../session-context.ts";
import { ExportPreview } from "./ExportPreview.tsx";
import { canOverlay, type ExportChoice, exportUrl } from "./export-url.ts";

/** The Export dialog: every format of the registry, picture options, a preview of images and PDFs. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const mapId = useEditor((s) => s.map.id);
  const [c, setC] = useState<ExportChoice>({
    format: "pdf",
    theme: "light",
    page: "A3",
    layout: "fit",
    scale: 2,
    overlay: false,
  });
  const set = (patch: Partial<ExportChoice>) => setC((x) => ({ ...x, ...patch }));
  const info = MAP_FORMATS[c.format];
  const preview = info.picture ? exportUrl(mapId, c, true) : null;
  return (
    <Dialog title="Export" onClose={onClose} wide>
      <div className="export-dialog">
        <fieldset className="export-formats">
          <legend>Format</legend>
          {MAP_FORMAT_KEYS.map((k) => (
            <label key={k} className="export-format">
              <input
                type="radio"
                name="format"
                value={k}
                checked={c.format === k}
                onChange={() => set({ format: k })}
              />
              {MAP_FORMATS[k].label} <span className="muted">.{MAP_FORMATS[k].extension}</span>
            </label>
          ))}
        </fieldset>
        <div className="export-options">
          {info.picture || c.format === "pptx" ? (
            <label>
              Theme{" "}
              <select
                value={c.theme}
                onChange={(e) => set({ theme: e.target.value as ExportChoice["theme"] })}
              >
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
          ) : null}
          {c.format === "pdf" ? (
            <>
              <label>
                Page{" "}
                <select
                  value={c.page}
                  onChange={(e) => set({ page: e.target.value as ExportChoice["page"] })}
                >
                  {(["A4", "A3", "A1", "A0"] as const).map((p) => (
                    <option key={p} value={p}>
                      {p} landscape
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Layout{" "}
                <select
                  value={c.layout}
                  onChange={(e) => set({ layout: e.target.value as ExportChoice["layout"] })}
                >
                  <option value="fit">Fit to one page</option>
                  <option value="tile">Tiled across pages</option>
                </select>
              </label>
            </>
          ) : null}
          {canOverlay(c.format) ? (
            <label className="check">
              <input
                type="checkbox"
                checked={c.overlay}
                onChange={(e) => set({ overlay: e.target.checked })}
              />
              Data overlay (reach, conversion, time from the linked log; survey emotion)
            </label>
          ) : null}
          {c.format === "png" ? (
            <label>
              Resolution{" "}
              <select value={c.scale} onChange={(e) => set({ scale: Number(e.target.value) as 1 | 2 })}>
                <option value={1}>1×</option>
                <option value={2}>2× (retina, print)</option>
              </select>
            </label>
          ) : null}
          <a className="btn primary" href={exportUrl(mapId, c)} download>
            Download {info.label}
          </a>
        </div>
        <ExportPreview url={preview} pdf={c.format === "pdf"} label={info.label} overlay={c.overlay} />
      </div>
    </Dialog>
  );
}

/** The toolbar's Export button. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => setOpen(true)}
        title="Export: SVG, PNG, PDF poster, slides, spreadsheet, Mermaid, Markdown"
      >
        <ToolLabel icon={Download}>Export</ToolLabel>
      </button>
      {/* On the body: the button may sit in the "More tools" popover, which hides once a tool is chosen. */}
      {open ? createPortal(<ExportDialog onClose={() => setOpen(false)} />, document.body) : null}
    </>
  );
}
