/** Support-desk ticket exports: Zendesk and Freshdesk. One event per milestone of a ticket. */
import {
  ACTIVITY,
  CASE,
  type Connector,
  type ConnectorRow,
  hasAll,
  objectOf,
  pick,
  TIMESTAMP,
  textOf,
} from "./connector.ts";

/** Milestones of a ticket: the activity and the columns its time may be in. */
type Milestone = [activity: string, ...columns: string[]];

function ticketEvents(
  r: Record<string, unknown>,
  id: unknown,
  milestones: Milestone[],
  attributes: string[],
  text: string[],
): ConnectorRow[] {
  const base: ConnectorRow = {};
  for (const k of attributes) {
    const v = pick(r, k);
    if (v !== undefined) base[k.toLowerCase()] = textOf(v);
  }
  // The ticket's words, for themes and evidence quotes (subject and description).
  const words = text.map((k) => textOf(pick(r, k))).filter((t) => t !== "");
  if (words.length) base.text = words.join("\n");
  const rows: ConnectorRow[] = [];
  for (const [activity, ...columns] of milestones) {
    const at = pick(r, ...columns);
    if (at !== undefined) rows.push({ ...base, [CASE]: id, [ACTIVITY]: activity, [TIMESTAMP]: at });
  }
  return rows;
}

/**
 * A Tickets API record in the export's terms: `via.channel` as the channel, the satisfaction
 * score, and the milestone times of an embedded `metric_set` (`?include=metric_sets`). A CSV row
 * (no nested objects) is returned as it is.
 */
function apiTicket(r: Record<string, unknown>): Record<string, unknown> {
  const via = objectOf(r.via);
  const metrics = objectOf(r.metric_set);
  const rating = objectOf(r.satisfaction_rating);
  if (!via && !metrics && !rating) return r;
  const out: Record<string, unknown> = { ...r };
  if (via) out.via = via.channel;
  if (rating?.score !== undefined) out["Satisfaction Score"] = rating.score;
  if (Array.isArray(r.tags)) out.tags = r.tags.map(textOf).join(", ");
  if (metrics) {
    out["Initially assigned at"] = metrics.initially_assigned_at ?? undefined;
    out["Solved at"] = metrics.solved_at ?? undefined;
  }
  delete out.metric_set;
  delete out.satisfaction_rating;
  return out;
}

/** Zendesk: Admin → Account → Tools → Reports → Export (tickets CSV), or the tickets API JSON. */
export const zendesk: Connector = {
  name: "zendesk",
  label: "Zendesk tickets export",
  exportedFrom:
    "Zendesk: Admin Center → Account → Tools → Reports → Export tickets (CSV), or the Tickets API (JSON)",
  detect: (keys) =>
    hasAll(keys, "Id", "Created at", "Requester") || hasAll(keys, "id", "created_at", "requester_id", "via"),
  read: (r) =>
    ticketEvents(
      apiTicket(r),
      pick(r, "Id"),
      [
        ["Ticket created", "Created at"],
        ["Ticket assigned", "Initially assigned at", "Assigned at"],
        ["Ticket solved", "Solved at"],
      ],
      [
        "Requester",
        "Requester id",
        "Requester email",
        "Via",
        "Status",
        "Priority",
        "Ticket type",
        "Group",
        "Tags",
        "Satisfaction Score",
      ],
      ["Subject", "Description"],
    ),
};

/** Freshdesk: Tickets → Export (CSV with the time fields). */
export const freshdesk: Connector = {
  name: "freshdesk",
  label: "Freshdesk tickets export",
  exportedFrom:
    "Freshdesk: Tickets → Export → CSV (with Created time, Initial response time, Resolved time, Closed time)",
  detect: (keys) =>
    hasAll(keys, "Ticket ID", "Created time") &&
    (hasAll(keys, "Resolved time") || hasAll(keys, "Closed time")),
  read: (r) =>
    ticketEvents(
      r,
      pick(r, "Ticket ID"),
      [
        ["Ticket created", "Created time"],
        ["First response", "Initial response time"],
        ["Ticket resolved", "Resolved time"],
        ["Ticket closed", "Closed time"],
      ],
      [
        "Contact ID",
        "Email",
        "Source",
        "Status",
        "Priority",
        "Type",
        "Group",
        "Agent",
        "Tags",
        "Survey results",
        "Product",
      ],
      ["Subject", "Description"],
    ),
};
