/** The connector registry: every export Wayline reads by name, in detection order. */
import { ga4, mixpanel, posthog, segment } from "./analytics.ts";
import type { Connector } from "./connector.ts";
import { hubspotConnector, salesforce } from "./crm.ts";
import { freshdesk, zendesk } from "./support.ts";

export * from "./connector.ts";

/** Names accepted by `--connector` / `connector=` (besides `auto` and `none`). */
export const CONNECTOR_NAMES = [
  "posthog",
  "mixpanel",
  "segment",
  "ga4",
  "hubspot",
  "salesforce",
  "zendesk",
  "freshdesk",
] as const;
export type ConnectorName = (typeof CONNECTOR_NAMES)[number];

/** Fresh connectors (some keep per-file state, e.g. HubSpot's stage columns). */
export function connectors(): Connector[] {
  return [posthog, mixpanel, segment, ga4, hubspotConnector(), salesforce, zendesk, freshdesk];
}

/** The connector named, or the first whose detection matches the keys; undefined for a plain log. */
export function chooseConnector(
  keys: readonly string[],
  wanted: "auto" | ConnectorName,
): Connector | undefined {
  const all = connectors();
  if (wanted !== "auto") return all.find((c) => c.name === wanted);
  return all.find((c) => c.detect(keys));
}
