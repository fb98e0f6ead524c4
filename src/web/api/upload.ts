import { teamHeaders } from "../account/team-session.ts";
import { ApiError, errorOfAnswer, type Query, queryString } from "./request.ts";

/** Upload progress: bytes sent, then "processing" while the server imports. */
export type UploadProgress = { phase: "uploading"; loaded: number; total: number } | { phase: "processing" };

/**
 * Sends a file as the raw request body with XMLHttpRequest (fetch has no upload progress) and
 * reports progress; resolves with the JSON answer, rejects with the same `ApiError` as `request`.
 */
export function uploadFile<T>(
  path: string,
  query: Query,
  file: Blob,
  onProgress?: (p: UploadProgress) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${path}${queryString(query)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    for (const [k, v] of Object.entries(teamHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) =>
      onProgress?.({ phase: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onProgress?.({ phase: "processing" });
    xhr.onerror = () => reject(new ApiError(0, "network", "cannot reach the server"));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300)
        return reject(errorOfAnswer(xhr.status, xhr.statusText, xhr.responseText));
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new ApiError(xhr.status, "invalid_response", `POST ${path}: the answer is not JSON`));
      }
    };
    xhr.send(file);
  });
}
