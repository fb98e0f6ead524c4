import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { MAX_NATIVE_DOCUMENT_BYTES, WaylineError } from "../domain/index.ts";

/**
 * Reads a regular file of at most `max` bytes, or says why not. `/dev/zero`, FIFOs and folders are
 * refused before a byte is read, and no more than `max + 1` bytes are ever read (a file that grows
 * meanwhile is still bounded).
 */
export function readBoundedFile(file: string, max: number): { text: string } | { problem: string } {
  const r = readBoundedBytes(file, max);
  return "problem" in r ? r : { text: Buffer.from(r.bytes).toString("utf8") };
}

/** `readBoundedFile` for binary files (spreadsheets). */
export function readBoundedBytes(file: string, max: number): { bytes: Uint8Array } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    return { problem: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: "not a regular file" };
    if (st.size > max) return { problem: `larger than ${max} bytes` };
    const buf = Buffer.alloc(max + 1);
    let n = 0;
    for (let got = 1; got > 0 && n <= max; n += got) got = readSync(fd, buf, n, max + 1 - n, null);
    if (n > max) return { problem: `larger than ${max} bytes` };
    return { bytes: new Uint8Array(buf.subarray(0, n)) };
  } catch (e) {
    return { problem: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** Reads a map or config file the CLI was given (bounded as above); `invalid_request` naming the file. */
export function readTextFile(file: string, max = MAX_NATIVE_DOCUMENT_BYTES): string {
  const r = readBoundedFile(file, max);
  if ("problem" in r) throw new WaylineError("invalid_request", `${file}: ${r.problem}`);
  return r.text;
}

/** Reads an input file of at most `max` bytes for an importer; `invalid_request` naming the file. */
export function readInputBytes(file: string, max: number): Uint8Array {
  const r = readBoundedBytes(file, max);
  if ("problem" in r) throw new WaylineError("invalid_request", `${file}: ${r.problem}`);
  return r.bytes;
}
