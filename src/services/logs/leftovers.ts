import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Temporary import database of a process: `<id>.importing.<pid>.duckdb` (and its `.wal`). */
export const importingFile = (dir: string, id: string) => join(dir, `${id}.importing.${process.pid}.duckdb`);

/** A fresh folder for one upload under `tmpDir`, named after this process. */
export function newUploadDir(tmpDir: string): string {
  mkdirSync(tmpDir, { recursive: true });
  return mkdtempSync(join(tmpDir, `upload-${process.pid}-`));
}

/** Whether a process id is running (signal 0 only checks). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The owning pid of a temporary name, or null for names of older versions (no pid: orphaned). */
function ownerOf(name: string, pattern: RegExp): number | null {
  const m = pattern.exec(name);
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * Removes what a killed process left behind: `*.importing[.<pid>].duckdb[.wal]` in the logs folder
 * and `upload-<pid>-*` folders in the data folder's `tmp/`, for processes that no longer run. Files
 * of running processes (a server and a CLI import may share a data folder) are kept.
 */
export function sweepLeftovers(logsDir: string, tmpDir: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, match: RegExp, owner: RegExp) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (!match.test(name)) continue;
      const pid = ownerOf(name, owner);
      if (pid !== null && alive(pid)) continue;
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  };
  sweep(logsDir, /\.importing(\.\d+)?\.duckdb(\.wal)?$/, /\.importing\.(\d+)\.duckdb/);
  sweep(tmpDir, /^upload-/, /^upload-(\d+)-/);
  return removed;
}
