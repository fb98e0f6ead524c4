/** Answer of `AnalyticsEngine.stageAttributeMix` (the draft's touchpoints lane reads it). */

/** One value of the attribute in one stage. */
export interface AttributeMixValue {
  /** The attribute's value, exactly as the events carry it. */
  value: string;
  /** Distinct cases with at least one event of the stage carrying this value. */
  cases: number;
}

/** One stage group of the query. */
export interface AttributeMixStage {
  /** The caller's key of the stage. */
  key: string;
  /** Distinct cases with at least one event of the stage. */
  cases: number;
  /** The most frequent values (cases desc, then value in byte order), at most `top`. */
  values: AttributeMixValue[];
}

/** Which attribute was read and its values per stage. */
export interface AttributeMixResult {
  /** The first of the asked attributes that some event carries with a non-empty value; null when none. */
  attribute: string | null;
  /** Per stage group, in query order (values empty when `attribute` is null). */
  stages: AttributeMixStage[];
}

/** One case of `AnalyticsEngine.stageAttributeCases`: its first mapped event carrying the attribute. */
export interface AttributeCase {
  caseId: string;
  /** The stage key of that event. */
  key: string;
  /** The attribute's value there. */
  value: string;
  /** That event's position in the log as imported (1-based; the file order of its events). */
  event: number;
}

/** Answer of `AnalyticsEngine.stageAttributeCases` (ticket themes read it). */
export interface AttributeCasesResult {
  /** Cases in byte order of their id, at most `limit`. */
  cases: AttributeCase[];
  /** True when more cases had the attribute than `limit`. */
  truncated: boolean;
}
