/** A log's live-events write key as listed (the key itself only in `NewWriteKey`). */
export interface WriteKeyInfo {
  logId: string;
  /** First 11 characters of the key ("wk_AbCd1234"). */
  prefix: string;
  createdAt: string;
  createdBy: string;
}

/** `POST /api/logs/:id/write-key`: the new key, shown once. */
export interface NewWriteKey extends WriteKeyInfo {
  key: string;
}
