import { TemplateBrowser } from "./TemplateGallery.tsx";

/** What an empty workspace shows instead of an empty list: how to start, and the template gallery. */
export function Welcome({
  onBlank,
  onCreated,
  showTemplates,
}: {
  onBlank: () => void;
  onCreated: (id: string) => void;
  /** False while the template dialog is open, so the gallery is not on the page twice. */
  showTemplates: boolean;
}) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-head">
        <div>
          <h2 id="welcome-title">Welcome to Wayline</h2>
          <p className="muted">
            Map how your customers experience your service: start from a template below, or from a blank map
            with the stages and lanes you choose.
          </p>
        </div>
        <button type="button" className="btn primary" onClick={onBlank}>
          New blank map
        </button>
      </div>
      {showTemplates ? <TemplateBrowser onCreated={onCreated} /> : null}
    </section>
  );
}
