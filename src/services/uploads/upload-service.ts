import { createHash } from "node:crypto";
import { newId, WaylineError } from "../../domain/index.ts";
import type { UnitOfWork } from "../../storage/store.ts";
import type { StoredUpload } from "../../storage/uploads.ts";
import { sniffImage, UPLOAD_TYPES } from "./sniff.ts";

/** Limits of uploads, from the environment. */
export interface UploadLimits {
  /** Largest image (WAYLINE_UPLOAD_MAX_BYTES, default 5 MiB). */
  maxBytes: number;
  /** Bytes a workspace may store in all (WAYLINE_UPLOAD_QUOTA_BYTES, default 200 MiB). */
  quotaBytes: number;
}

const positive = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Upload limits from WAYLINE_UPLOAD_MAX_BYTES and WAYLINE_UPLOAD_QUOTA_BYTES. */
export function uploadLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  return {
    maxBytes: positive(env.WAYLINE_UPLOAD_MAX_BYTES, 5 * 1024 * 1024),
    quotaBytes: positive(env.WAYLINE_UPLOAD_QUOTA_BYTES, 200 * 1024 * 1024),
  };
}

/** What an upload answers: where the image is served from. */
export interface UploadInfo {
  id: string;
  /** Path the web app and persona photos use: `/api/uploads/<id>`. */
  url: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** The path an upload is served from. */
export const uploadUrl = (id: string) => `/api/uploads/${id}`;

/** Uploaded images (persona photos): checked by content, bounded, stored in the database. */
export class UploadService {
  constructor(
    private readonly store: UnitOfWork,
    readonly limits: UploadLimits = uploadLimitsFromEnv(),
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Stores an image after checking its real type (by signature) and the limits. */
  async create(ws: string, bytes: Uint8Array, fileName = "upload"): Promise<UploadInfo> {
    if (bytes.byteLength === 0) throw new WaylineError("invalid_request", `${fileName}: the file is empty`);
    if (bytes.byteLength > this.limits.maxBytes)
      throw new WaylineError(
        "payload_too_large",
        `${fileName}: ${bytes.byteLength} bytes is more than the ${this.limits.maxBytes} bytes an image may have (WAYLINE_UPLOAD_MAX_BYTES)`,
      );
    const mime = sniffImage(bytes);
    if (!mime)
      throw new WaylineError(
        "unsupported_media_type",
        `${fileName}: not an image Wayline accepts; expected ${UPLOAD_TYPES.join(", ")} (checked by content, not name)`,
      );
    const used = await this.store.uploads.totalBytes(ws);
    if (used + bytes.byteLength > this.limits.quotaBytes)
      throw new WaylineError(
        "payload_too_large",
        `${fileName}: the workspace's uploads would pass ${this.limits.quotaBytes} bytes (WAYLINE_UPLOAD_QUOTA_BYTES)`,
      );
    const u: StoredUpload = {
      id: newId(),
      mime,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      data: bytes,
      createdAt: this.clock(),
    };
    await this.store.uploads.insert(ws, u);
    return { id: u.id, url: uploadUrl(u.id), mime, size: u.size, sha256: u.sha256, createdAt: u.createdAt };
  }

  /** One upload with its bytes; `not_found` when absent. */
  async get(ws: string, id: string): Promise<StoredUpload> {
    const u = await this.store.uploads.get(ws, id);
    if (!u) throw new WaylineError("not_found", `no upload with id "${id}"`);
    return u;
  }
}
