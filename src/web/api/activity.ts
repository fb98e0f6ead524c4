import type { ActivityActorsView, ActivityPage } from "../../contract/activity.ts";
import type { CreatedWebhook, DeliveryView, WebhookView } from "../../contract/webhooks.ts";
import type { WaylineEventType } from "../../services/events/events.ts";
import { request } from "./request.ts";

/** Filters of an activity listing (all optional). */
export interface ActivityFilters {
  member?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  map?: string | undefined;
}

/** Typed client of the activity log (docs/api.md "Activity"). */
export const activityApi = {
  ofMap: (id: string, f: ActivityFilters = {}, cursor?: string) =>
    request<ActivityPage>("GET", `/api/journeys/${encodeURIComponent(id)}/activity`, {
      query: { ...f, map: undefined, cursor },
    }),
  ofWorkspace: (f: ActivityFilters = {}, cursor?: string) =>
    request<ActivityPage>("GET", "/api/activity", { query: { ...f, cursor } }),
  actors: () => request<ActivityActorsView>("GET", "/api/activity/actors"),
};

/** What a webhook is made of in the settings form. */
export interface WebhookDraft {
  url: string;
  events: WaylineEventType[];
  format: "json" | "slack";
  description: string;
  enabled?: boolean;
}

const hook = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;

/** Typed client of the workspace's webhooks (docs/api.md "Webhooks"). */
export const webhooksApi = {
  list: () =>
    request<{ webhooks: WebhookView[]; eventTypes: Record<WaylineEventType, string> }>(
      "GET",
      "/api/webhooks",
    ),
  create: (d: WebhookDraft) => request<CreatedWebhook>("POST", "/api/webhooks", { body: d }),
  update: (id: string, d: Partial<WebhookDraft>) => request<WebhookView>("PATCH", hook(id), { body: d }),
  remove: (id: string) => request<void>("DELETE", hook(id)),
  rotate: (id: string) => request<CreatedWebhook>("POST", `${hook(id)}/secret`),
  test: (id: string) => request<DeliveryView>("POST", `${hook(id)}/test`),
  deliveries: (id: string) => request<{ deliveries: DeliveryView[] }>("GET", `${hook(id)}/deliveries`),
};
