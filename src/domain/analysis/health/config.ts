import { z } from "zod";

/** Every health rule id, in report order. */
export const RULE_IDS = [
  "persona-missing",
  "persona-too-many",
  "stage-count",
  "stage-no-touchpoints",
  "emotion-missing",
  "negativity-missing",
  "pain-no-owner",
  "pain-no-due-date",
  "touchpoint-no-owner",
  "evidence-missing",
  "review-overdue",
  "future-state-missing",
  "single-department",
  "pain-unanchored",
  "handoff-missing",
  "kpi-missing",
  "goal-missing",
] as const;

/** Id of a health rule. */
export const RuleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleIdSchema>;

/** Per-rule override: switch a rule off or change its severity. */
export const RuleSettingSchema = z.enum(["off", "error", "warning", "info"]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

const months = z.number().int().min(1).max(120);

/**
 * Health-check settings of a workspace or a `.waylinerc.json` file. Strict: unknown keys (and
 * unknown rule ids) are rejected so typos do not silently do nothing.
 */
export const HealthConfigSchema = z
  .strictObject({
    /** JSON Schema reference, allowed so editors can validate `.waylinerc.json`. */
    $schema: z.string().optional(),
    /** Fewest stages a map should have. */
    stageMin: z.number().int().min(1).max(200).default(5),
    /** Most stages a map should have. */
    stageMax: z.number().int().min(1).max(200).default(10),
    /** Months between reviews, for maps that keep the model's default cadence (see review rule). */
    reviewCadenceMonths: months.default(6),
    /** Evidence older than this many months counts as stale. */
    researchMaxAgeMonths: months.default(12),
    /** Most personas a map should have. */
    personaMax: z.number().int().min(1).max(20).default(3),
    /** Per-rule overrides: "off" or a severity. */
    rules: z.partialRecord(RuleIdSchema, RuleSettingSchema).default({}),
  })
  .refine((c) => c.stageMin <= c.stageMax, { path: ["stageMax"], message: "stageMax must be ≥ stageMin" });

/** Resolved health-check settings. */
export type HealthConfig = z.output<typeof HealthConfigSchema>;
/** Health-check settings as written by a user (every key optional). */
export type HealthConfigInput = z.input<typeof HealthConfigSchema>;

/** The defaults of PRODUCT.md §3. */
export const DEFAULT_HEALTH_CONFIG: HealthConfig = HealthConfigSchema.parse({});
