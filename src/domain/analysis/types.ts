/** Severity of an analysis finding, shared by emotion patterns and the health check. */
export type Severity = "error" | "warning" | "info";

/** Every severity, most severe first. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
