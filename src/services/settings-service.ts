import { z } from "zod";
import { HealthConfigSchema, PRIORITY_MODELS } from "../domain/analysis/index.ts";
import { invalid, problemsFromIssues } from "../domain/index.ts";
import type { UnitOfWork } from "../storage/store.ts";

/** Settings of a workspace. */
export const WorkspaceSettingsSchema = z.strictObject({
  /** Health-check thresholds and per-rule overrides (same shape as `.waylinerc.json`). */
  health: HealthConfigSchema.default(HealthConfigSchema.parse({})),
  /** How pain points, ideas and solutions are prioritised (portfolio, map insights). */
  priority: z
    .strictObject({
      /** impact_reach (impact weight × reach) or rice (reach × impact × confidence ÷ effort). */
      model: z.enum(PRIORITY_MODELS).default("impact_reach"),
    })
    .default({ model: "impact_reach" }),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

/** Reads and changes workspace settings. */
export class SettingsService {
  constructor(private readonly store: UnitOfWork) {}

  /** Current settings with defaults filled in. */
  async get(ws: string): Promise<WorkspaceSettings> {
    const raw = await this.store.workspaces.settings(ws);
    const r = WorkspaceSettingsSchema.safeParse(raw);
    return r.success ? r.data : WorkspaceSettingsSchema.parse({});
  }

  /** Replaces the given sections; each is validated in full. */
  async update(ws: string, patch: unknown): Promise<WorkspaceSettings> {
    const current = await this.get(ws);
    const r = WorkspaceSettingsSchema.safeParse({ ...current, ...(patch as object) });
    if (!r.success)
      throw invalid("invalid_request", "invalid settings", problemsFromIssues(r.error.issues, "body"));
    await this.store.workspaces.saveSettings(ws, r.data);
    return r.data;
  }
}
