import type { z } from "zod";
import type { JourneyMap } from "../model/journey-map.ts";
import type { CommandContext } from "./context.ts";
import type { MapCommand } from "./registry.ts";

/** Zod schema of one command: a strict object whose `type` is a string literal. */
export type CommandSchema = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

/**
 * Everything Wayline knows about one command type, read by `applyCommands` (the domain), by
 * `invertCommand` (undo) and by the web client (fast path, descriptions, client-made ids).
 */
export interface CommandDefinition<C> {
  /** The command's `type` (the discriminator of `MapCommandSchema`). */
  type: string;
  /** Validates the command at every boundary (HTTP, CLI, files). */
  schema: z.ZodType;
  /** Runs the command on the document; throws `invalid_command` (via `fail`) when it cannot. */
  apply(ctx: CommandContext, c: C): void;
  /** The commands that undo `c`, computed on the map right before `c` ran ([] = nothing to undo). */
  invert(before: JourneyMap, c: C): MapCommand[];
  /** A one-line human description, quoting any text the command carried. */
  describe(c: C): string;
  /** True when the command creates an entity named by its optional `id` (the client fills it in). */
  creates?: boolean;
  /**
   * The map after `c`, computed on the plain map sharing untouched objects (the editor's fast
   * path), or null when the full path must decide. Must equal `apply` then `fromYDoc` when not null.
   */
  patchPlain?(map: JourneyMap, c: C): JourneyMap | null;
}

/** What a command file writes: the definition without its `type`, which the schema carries. */
export type CommandSpec<S extends CommandSchema> = Omit<CommandDefinition<z.infer<S>>, "type" | "schema"> & {
  schema: S;
};

/** Defines a command; the file then exports it as `command` next to its `schema` (see registry.ts). */
export function defineCommand<S extends CommandSchema>(
  spec: CommandSpec<S>,
): CommandDefinition<z.infer<S>> & { schema: S } {
  return { ...spec, type: spec.schema.shape.type.value };
}
