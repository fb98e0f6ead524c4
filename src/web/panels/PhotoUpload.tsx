import { Upload } from "lucide-react";
import { useId, useState } from "react";
import { uploadFile } from "../api/upload.ts";

/** What `POST /api/uploads` answers (the part the form uses). */
interface UploadAnswer {
  url: string;
}

/**
 * "Upload photo": sends the chosen image to `/api/uploads` (checked by content and size on the
 * server) and hands back its `/api/uploads/<id>` address for the persona's photo.
 */
export function PhotoUpload({ onUploaded }: { onUploaded: (url: string) => void }) {
  const id = useId();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true, error: null });
    try {
      const answer = await uploadFile<UploadAnswer>("/api/uploads", {}, file);
      onUploaded(answer.url);
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="photo-upload">
      <label htmlFor={id} className="btn ghost small">
        <Upload size={14} aria-hidden="true" /> {state.busy ? "Uploading…" : "Upload photo"}
      </label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        className="sr-only"
        disabled={state.busy}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
    </div>
  );
}
