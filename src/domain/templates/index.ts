/** Built-in journey map templates (PRODUCT.md §5): a catalogue and a builder of sample maps. */
import { WaylineError } from "../errors.ts";
import { newId } from "../model/ids.ts";
import type { MapKind } from "../model/journey-map.ts";
import { b2bSalesCycle } from "./b2b-sales-cycle.ts";
import { buildFromSpec, type TemplateContent } from "./builder.ts";
import { carServiceCentre } from "./car-service-centre.ts";
import { classicSevenStage } from "./classic-seven-stage.ts";
import { crmSoftwareProvider } from "./crm-software-provider.ts";
import { customerSupport } from "./customer-support.ts";
import { dayInTheLife } from "./day-in-the-life.ts";
import { ecommercePurchase } from "./ecommerce-purchase.ts";
import { genericFiveStage } from "./generic-five-stage.ts";
import { hybridBotSupport } from "./hybrid-bot-support.ts";
import { leadNurturing } from "./lead-nurturing.ts";
import { mobileApp } from "./mobile-app.ts";
import { ngoHelpSeeking } from "./ngo-help-seeking.ts";
import { pizzaRestaurant } from "./pizza-restaurant.ts";
import { serviceBlueprint } from "./service-blueprint.ts";
import { softwareEvaluation } from "./software-evaluation.ts";
import type { TemplateSpec } from "./spec.ts";
import { subscriptionLoop } from "./subscription-loop.ts";

export type { TemplateContent } from "./builder.ts";

/** Every built-in template, in catalogue order. */
const TEMPLATES: readonly TemplateSpec[] = [
  pizzaRestaurant,
  ecommercePurchase,
  ngoHelpSeeking,
  softwareEvaluation,
  leadNurturing,
  customerSupport,
  b2bSalesCycle,
  mobileApp,
  carServiceCentre,
  crmSoftwareProvider,
  genericFiveStage,
  classicSevenStage,
  dayInTheLife,
  serviceBlueprint,
  hybridBotSupport,
  subscriptionLoop,
];

/** A catalogue entry: what a template is, without building it. */
export interface TemplateInfo {
  /** Kebab-case id passed to `buildTemplate`. */
  id: string;
  /** Title of the map it builds. */
  title: string;
  /** Kind of the map it builds. */
  kind: MapKind;
  /** What it shows and when to use it. */
  description: string;
  /** Number of stages (columns). */
  stageCount: number;
  /** Names of the sample personas it brings. */
  personaNames: string[];
  /** Tags of the map it builds. */
  tags: string[];
}

/** The catalogue of built-in templates. */
export function listTemplates(): TemplateInfo[] {
  return TEMPLATES.map((t) => ({
    id: t.id,
    title: t.title,
    kind: t.kind,
    description: t.description,
    stageCount: t.stages.length,
    personaNames: t.personas.map((p) => p.name),
    tags: [...t.tags],
  }));
}

/**
 * Builds a template as a new map with its personas, all content flagged as sample.
 * Ids come from `opts.newId` and times from `opts.now`, so two builds with the same options are
 * deep-equal. Throws `not_found` for an unknown id.
 */
export function buildTemplate(
  id: string,
  opts: { now?: string; newId?: () => string } = {},
): TemplateContent {
  const spec = TEMPLATES.find((t) => t.id === id);
  if (!spec) throw new WaylineError("not_found", `no template with id "${id}"`, { id });
  return buildFromSpec(spec, { now: opts.now ?? new Date().toISOString(), newId: opts.newId ?? newId });
}
