/** CRM exports: HubSpot deal/contact stage dates, Salesforce opportunity stage history. */
import {
  ACTIVITY,
  CASE,
  type Connector,
  type ConnectorRow,
  hasAll,
  norm,
  pick,
  TIMESTAMP,
  textOf,
} from "./connector.ts";

/** A HubSpot stage-date column: `Date entered "Stage (Pipeline)"` or `Became a Lead Date`. */
const ENTERED = /^Date entered "(.+?)(?: \((.+)\))?"$/;
const BECAME = /^Became an? (.+) [Dd]ate$/;

/**
 * HubSpot: a deals (or contacts) export with the stage-date properties. One event per stage the
 * record entered, at that date; "Created" at the create date.
 */
export function hubspotConnector(): Connector {
  let stageColumns: { column: string; stage: string; pipeline?: string }[] = [];
  return {
    name: "hubspot",
    label: "HubSpot stage history (deals or contacts)",
    exportedFrom:
      'HubSpot: Deals (or Contacts) → Export, with the "Date entered <stage>" (or "Became a … Date") properties',
    detect: (keys) => hasAll(keys, "Record ID") && keys.some((k) => ENTERED.test(k) || BECAME.test(k)),
    prepare(keys) {
      stageColumns = keys.flatMap((column) => {
        const e = ENTERED.exec(column);
        if (e) return [{ column, stage: e[1] as string, ...(e[2] ? { pipeline: e[2] } : {}) }];
        const b = BECAME.exec(column);
        return b ? [{ column, stage: `Became ${b[1]}` }] : [];
      });
    },
    read(r) {
      const id = pick(r, "Record ID");
      const base: ConnectorRow = {};
      for (const k of [
        "Deal Name",
        "Deal Stage",
        "Pipeline",
        "Amount",
        "Deal owner",
        "Email",
        "Lifecycle Stage",
      ]) {
        const v = pick(r, k);
        if (v !== undefined) base[k] = textOf(v);
      }
      const rows: ConnectorRow[] = [];
      const created = pick(r, "Create Date", "Create date", "Created Date");
      if (created !== undefined)
        rows.push({ ...base, [CASE]: id, [ACTIVITY]: "Created", [TIMESTAMP]: created });
      for (const s of stageColumns) {
        const at = r[s.column];
        if (at === undefined || at === null || at === "") continue;
        rows.push({
          ...base,
          [CASE]: id,
          [ACTIVITY]: s.stage,
          [TIMESTAMP]: at,
          ...(s.pipeline ? { "stage pipeline": s.pipeline } : {}),
        });
      }
      return rows;
    },
  };
}

/**
 * Salesforce opportunity stage history, in any of its three usual shapes: the OpportunityHistory
 * object (Data Loader: OpportunityId, StageName, CreatedDate), the "Opportunity History" report
 * (Opportunity ID, To Stage, Edit Date / Last Modified) and the "Opportunity Field History"
 * report (Field / Event = Stage, New Value, Edit Date). One event per stage change.
 */
export const salesforce: Connector = {
  name: "salesforce",
  label: "Salesforce opportunity stage history",
  exportedFrom:
    "Salesforce: Data Loader export of OpportunityHistory, or the Opportunity History / Opportunity Field History report exported as CSV",
  detect: (keys) =>
    hasAll(keys, "OpportunityId", "StageName", "CreatedDate") ||
    (keys.some((k) => ["opportunityid", "opportunityname"].includes(norm(k))) &&
      (hasAll(keys, "To Stage") || hasAll(keys, "Field / Event", "New Value"))),
  read(r) {
    const id = pick(r, "OpportunityId", "Opportunity ID", "Opportunity Name");
    const field = pick(r, "Field / Event", "Field");
    if (field !== undefined) {
      // Field history: only stage changes are steps; "Created." rows start the journey.
      const f = norm(textOf(field));
      if (f === "created" || f === "created.")
        return [{ [CASE]: id, [ACTIVITY]: "Created", [TIMESTAMP]: pick(r, "Edit Date", "CreatedDate") }];
      if (f !== "stage" && f !== "stagename") return [];
      return [
        {
          [CASE]: id,
          [ACTIVITY]: pick(r, "New Value"),
          [TIMESTAMP]: pick(r, "Edit Date", "CreatedDate"),
          "from stage": textOf(pick(r, "Old Value")),
        },
      ];
    }
    const row: ConnectorRow = {
      [CASE]: id,
      [ACTIVITY]: pick(r, "StageName", "To Stage", "Stage"),
      [TIMESTAMP]: pick(r, "CreatedDate", "Edit Date", "Last Modified", "Last Modified Date"),
    };
    for (const k of ["Amount", "Probability", "CloseDate", "Close Date", "From Stage", "ForecastCategory"]) {
      const v = pick(r, k);
      if (v !== undefined) row[k] = textOf(v);
    }
    return [row];
  },
};
