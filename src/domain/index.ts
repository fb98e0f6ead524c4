/** Wayline's domain core: model, commands, Yjs canonical form and formats. Pure: no I/O. */
export * from "./commands/apply.ts";
export * from "./commands/conflicts.ts";
export * from "./commands/invert.ts";
export {
  COMMANDS,
  commandDefinition,
  createsEntity,
  describeCommand,
  patchPlain,
} from "./commands/registry.ts";
export * from "./commands/schema.ts";
export * from "./duration.ts";
export * from "./errors.ts";
export * from "./factory.ts";
export * from "./format/card-meta.ts";
export * from "./format/cards-table.ts";
export * from "./format/csv.ts";
export * from "./format/grid.ts";
export * from "./format/json-schema.ts";
export * from "./format/lane-guess.ts";
export * from "./format/markdown.ts";
export * from "./format/mermaid.ts";
export * from "./format/mermaid-parse.ts";
export * from "./format/native.ts";
export * from "./format/overlay.ts";
export * from "./format/registry.ts";
export * from "./format/transfer.ts";
export * from "./format/view-options.ts";
export * from "./labels.ts";
export * from "./model/activity-rule.ts";
export * from "./model/card.ts";
export * from "./model/channels.ts";
export * from "./model/emotion-scale.ts";
export * from "./model/evidence.ts";
export * from "./model/ids.ts";
export * from "./model/journey-map.ts";
export * from "./model/lane-types.ts";
export * from "./model/persona.ts";
export * from "./model/structure.ts";
export * from "./model/workspace.ts";
export * from "./ordering.ts";
export * from "./ydoc/from-ydoc.ts";
export * from "./ydoc/layout.ts";
export * from "./ydoc/migrations.ts";
export * from "./ydoc/to-ydoc.ts";
