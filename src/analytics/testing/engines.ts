import { describe } from "vitest";
import { describeWithService } from "../../testing/services.ts";
import { ENGINE_NAMES, ENGINES, type EngineName, ORACLE_ENGINE } from "../registry.ts";

/** Whether each registered engine's service answers (true for engines that need none). */
const available = Object.fromEntries(
  await Promise.all(ENGINE_NAMES.map(async (n) => [n, (await ENGINES[n].service?.probe()) ?? true] as const)),
) as Record<EngineName, boolean>;

/** Every engine except the oracle: the engines whose answers are checked against it. */
export const ENGINES_UNDER_TEST = ENGINE_NAMES.filter((n) => n !== ORACLE_ENGINE);

/**
 * Describes a suite on one engine. An engine whose service is absent is skipped with a visible
 * message, or fails under WAYLINE_REQUIRE_SERVICES=1 (see `describeWithService`).
 */
export function describeEngine(name: EngineName, title: string, fn: () => void): void {
  const service = ENGINES[name].service;
  if (service) describeWithService(service.name, available[name], title, fn);
  else describe(title, fn);
}
