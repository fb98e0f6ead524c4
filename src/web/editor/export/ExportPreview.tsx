import { useEffect, useState } from "react";
import { usePdfPreview } from "./usePdfPreview.ts";

/** Why a preview could not be drawn, with what to do when the data overlay is the cause. */
function PreviewError({ message, overlay }: { message: string | null; overlay: boolean }) {
  return (
    <p className="export-preview-error" role="alert">
      {message ?? "Loading…"}
      {overlay ? " Turn off the data overlay, or link an event log or a survey in the Data panel." : ""}
    </p>
  );
}

/** The server's message for a failed image URL (e.g. a map without data for the overlay). */
function useErrorMessage(url: string | null): string | null {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    setMessage(null);
    fetch(url)
      .then(async (r) =>
        r.ok ? null : ((await r.json()) as { error?: { message?: string } }).error?.message,
      )
      .catch(() => null)
      .then((m) => live && setMessage(m ?? "The preview could not be drawn."));
    return () => {
      live = false;
    };
  }, [url]);
  return message;
}

/** An SVG or PNG export shown as the image the server answers. */
function ImagePreview({ url, overlay }: { url: string; overlay: boolean }) {
  const [failed, setFailed] = useState<string | null>(null);
  const message = useErrorMessage(failed === url ? url : null);
  if (failed === url) return <PreviewError message={message} overlay={overlay} />;
  return <img key={url} alt="Preview of the exported map" src={url} onError={() => setFailed(url)} />;
}

/**
 * A PDF export shown as its real first page, drawn by the server from the PDF (pdftoppm), and its
 * page count: the browser's PDF viewer is a plugin, which the CSP (object-src 'none') does not load.
 */
function PdfPagePreview({ url, overlay }: { url: string; overlay: boolean }) {
  const p = usePdfPreview(url);
  if (!p || p.state === "loading")
    return (
      <p className="muted" aria-busy="true">
        Drawing the first page…
      </p>
    );
  if (p.state === "error") return <PreviewError message={p.message} overlay={overlay} />;
  return (
    <figure className="export-page">
      <figcaption className="muted">
        Page 1 of {p.pages} {p.pages === 1 ? "page" : "pages"}
      </figcaption>
      <img alt="First page of the exported PDF" src={p.src} />
    </figure>
  );
}

/** The Export dialog's preview: a PDF's first page with its page count, an image, or nothing. */
export function ExportPreview(props: { url: string | null; pdf: boolean; label: string; overlay: boolean }) {
  return (
    <section className="export-preview" aria-label="Preview">
      {props.url === null ? (
        <p className="muted">No preview for {props.label}; download it to open it.</p>
      ) : props.pdf ? (
        <PdfPagePreview url={props.url} overlay={props.overlay} />
      ) : (
        <ImagePreview url={props.url} overlay={props.overlay} />
      )}
    </section>
  );
}
