/** Product-analytics exports: PostHog, Mixpanel, Segment/RudderStack, GA4 (BigQuery). */
import {
  ACTIVITY,
  CASE,
  type Connector,
  type ConnectorRow,
  flatten,
  hasAll,
  objectOf,
  pick,
  TIMESTAMP,
  textOf,
} from "./connector.ts";

/** PostHog: Activity → Events → Export (CSV), or the events table exported from HogQL. */
export const posthog: Connector = {
  name: "posthog",
  label: "PostHog events export",
  exportedFrom: "PostHog: Activity → Explore → Export (CSV), or a HogQL `SELECT * FROM events` export",
  detect: (keys) =>
    hasAll(keys, "event", "distinct_id", "timestamp") &&
    (hasAll(keys, "properties") || hasAll(keys, "uuid") || keys.some((k) => k.startsWith("properties."))),
  read(r) {
    const row: ConnectorRow = {
      // A person groups the distinct ids PostHog merged; anonymous events have only a distinct id.
      [CASE]: pick(r, "person_id", "person.id") ?? pick(r, "distinct_id"),
      [ACTIVITY]: pick(r, "event"),
      [TIMESTAMP]: pick(r, "timestamp"),
      distinct_id: textOf(pick(r, "distinct_id")),
    };
    flatten(objectOf(pick(r, "properties")), "", row);
    for (const [k, v] of Object.entries(r))
      if (k.startsWith("properties.") && v !== "" && v !== null)
        row[k.slice("properties.".length)] = textOf(v);
    return [row];
  },
};

/** Mixpanel: Export API / "Export raw data" NDJSON — `{event, properties: {time, distinct_id, …}}`. */
export const mixpanel: Connector = {
  name: "mixpanel",
  label: "Mixpanel raw event export",
  exportedFrom: "Mixpanel: Raw Event Export API (`/api/2.0/export`, NDJSON), one event per line",
  detect: (keys) => keys.length === 2 && hasAll(keys, "event", "properties"),
  read(r) {
    const p = objectOf(r.properties);
    if (!p) return { error: "properties is not an object" };
    const row: ConnectorRow = {
      [CASE]: pick(p, "distinct_id", "$distinct_id_before_identity", "$device_id"),
      [ACTIVITY]: r.event,
      // `time` is epoch seconds (ms in newer projects): the importer reads either by magnitude.
      [TIMESTAMP]: pick(p, "time", "$time"),
    };
    return [
      flatten(
        Object.fromEntries(Object.entries(p).filter(([k]) => k !== "time" && k !== "distinct_id")),
        "",
        row,
      ),
    ];
  },
};

/** Segment spec names for page and screen calls ("Viewed Home Page"), as Segment's destinations do. */
function segmentActivity(r: Record<string, unknown>): string | undefined {
  const type = textOf(r.type).toLowerCase();
  if (type === "track" || (type === "" && r.event !== undefined)) return textOf(r.event) || undefined;
  if (type === "page" || type === "screen") {
    const name = textOf(pick(r, "name") ?? objectOf(r.properties)?.name ?? objectOf(r.properties)?.title);
    return `Viewed ${name ? `${name} ` : ""}${type === "page" ? "Page" : "Screen"}`;
  }
  return undefined;
}

/** Segment / RudderStack: warehouse or S3 exports and webhook payloads of the tracking spec. */
export const segment: Connector = {
  name: "segment",
  label: "Segment / RudderStack events",
  exportedFrom: "Segment or RudderStack: S3/warehouse export or a webhook destination (tracking spec JSON)",
  detect: (keys) =>
    (hasAll(keys, "type", "messageId") || hasAll(keys, "event", "timestamp")) &&
    (hasAll(keys, "anonymousId") || hasAll(keys, "userId")),
  read(r) {
    const activity = segmentActivity(r);
    // identify, group and alias calls describe people, not steps of a journey.
    if (activity === undefined) return [];
    const row: ConnectorRow = {
      [CASE]: pick(r, "userId", "anonymousId"),
      [ACTIVITY]: activity,
      [TIMESTAMP]: pick(r, "timestamp", "originalTimestamp", "receivedAt", "sentAt"),
      type: textOf(r.type || "track"),
    };
    if (r.messageId !== undefined) row.messageId = textOf(r.messageId);
    if (r.anonymousId !== undefined) row.anonymousId = textOf(r.anonymousId);
    // RudderStack's own id of the person across devices.
    if (r.rudderId !== undefined) row.rudderId = textOf(r.rudderId);
    // The tracking spec's `channel` (web, mobile, server) is a top-level field; some senders nest it.
    if (r.channel !== undefined && r.channel !== null && r.channel !== "") row.channel = textOf(r.channel);
    flatten(objectOf(r.properties), "", row);
    const ctx = objectOf(r.context);
    if (ctx) {
      const page = objectOf(ctx.page);
      if (page?.path) row["context.page.path"] = textOf(page.path);
      const campaign = objectOf(ctx.campaign);
      if (campaign?.source) row["context.campaign.source"] = textOf(campaign.source);
      if (ctx.channel) row.channel = textOf(ctx.channel);
    }
    return [row];
  },
};

/** The value of one GA4 `event_params` entry: string, int, float or double, whichever is set. */
function ga4Value(v: unknown): string | undefined {
  const o = objectOf(v);
  if (!o) return undefined;
  for (const k of ["string_value", "int_value", "double_value", "float_value"]) {
    const x = o[k];
    if (x !== undefined && x !== null) return textOf(x);
  }
  return undefined;
}

/** GA4 event params as an array of `{key, value}` (JSON or already parsed). */
function ga4Params(v: unknown): { key: string; value: unknown }[] {
  let list: unknown = v;
  if (typeof v === "string" && v.trim().startsWith("[")) {
    try {
      list = JSON.parse(v);
    } catch {
      return [];
    }
  }
  return Array.isArray(list)
    ? (list.filter((p) => p && typeof p === "object") as { key: string; value: unknown }[])
    : [];
}

/** Google Analytics 4 BigQuery export rows (`events_YYYYMMDD`), as JSON/NDJSON or Parquet. */
export const ga4: Connector = {
  name: "ga4",
  label: "Google Analytics 4 (BigQuery export)",
  exportedFrom:
    "GA4 BigQuery export: `SELECT * FROM analytics_<id>.events_*` saved as JSON (newline-delimited) or Parquet",
  detect: (keys) => hasAll(keys, "event_name", "event_timestamp", "user_pseudo_id"),
  read(r) {
    const row: ConnectorRow = {
      [CASE]: pick(r, "user_id", "user_pseudo_id"),
      [ACTIVITY]: pick(r, "event_name"),
      // Microseconds since the epoch: read by magnitude like every epoch value.
      [TIMESTAMP]: pick(r, "event_timestamp"),
      user_pseudo_id: textOf(pick(r, "user_pseudo_id")),
    };
    for (const p of ga4Params(r.event_params)) {
      const v = ga4Value(p.value);
      if (typeof p.key === "string" && v !== undefined) row[`param:${p.key}`] = v;
    }
    for (const group of ["device", "geo", "traffic_source"]) {
      const o = objectOf(r[group]);
      if (o)
        for (const [k, v] of Object.entries(o))
          if (v !== null && typeof v !== "object") row[`${group}.${k}`] = textOf(v);
    }
    return [row];
  },
};
