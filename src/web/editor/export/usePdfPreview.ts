import { useEffect, useState } from "react";

/** A PDF's preview: loading, its first page (a `data:` URL) with the page count, or why it failed. */
export type PdfPreview =
  | { state: "loading" }
  | { state: "ready"; src: string; pages: number }
  | { state: "error"; message: string };

/** Reads a blob as a `data:` URL (the page's CSP allows `img-src 'self' data:`, not `blob:`). */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

async function load(url: string): Promise<PdfPreview> {
  const res = await fetch(url);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { state: "error", message: body?.error?.message ?? "The preview could not be drawn." };
  }
  const pages = Number(res.headers.get("X-Wayline-Pdf-Pages"));
  return { state: "ready", src: await dataUrl(await res.blob()), pages: pages > 0 ? pages : 1 };
}

/**
 * The first page of a PDF export drawn by the server (`…&preview=page`: a PNG of the real page,
 * the page count in `X-Wayline-Pdf-Pages`), fetched once per URL; the answer of an older URL is
 * dropped when the choice changed meanwhile.
 */
export function usePdfPreview(url: string | null): PdfPreview | null {
  const [got, setGot] = useState<{ url: string; preview: PdfPreview } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    load(url)
      .catch((): PdfPreview => ({ state: "error", message: "The preview could not be drawn." }))
      .then((preview) => live && setGot({ url, preview }));
    return () => {
      live = false;
    };
  }, [url]);
  if (!url) return null;
  return got?.url === url ? got.preview : { state: "loading" };
}
