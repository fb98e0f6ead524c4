import type { UploadProgress } from "../api/upload.ts";
import { fmtBytes } from "./format.ts";

/** Upload progress: a bar while bytes go up, then an indeterminate "importing…" state. */
export function UploadProgressBar({
  progress,
  label = "Importing…",
}: {
  progress: UploadProgress;
  label?: string;
}) {
  if (progress.phase === "processing")
    return (
      <div className="upload-progress" role="status">
        <progress aria-label={label} />
        <span>{label}</span>
      </div>
    );
  const pct = progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <div className="upload-progress" role="status">
      <progress aria-label="Uploading" max={100} value={pct} />
      <span>
        Uploading… {pct} % ({fmtBytes(progress.loaded)} of {fmtBytes(progress.total)})
      </span>
    </div>
  );
}
