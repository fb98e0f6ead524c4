import { at, type HealthRule } from "./types.ts";

/** persona-missing: a journey map is about someone; without a persona it is about no one. */
export const personaMissing: HealthRule = {
  id: "persona-missing",
  defaultSeverity: "error",
  check: (map, ctx) =>
    map.personaIds.length > 0
      ? []
      : [
          at(
            map,
            ctx,
            {},
            "The map has no persona.",
            "Attach the persona whose journey this is, so the team designs for a real customer.",
          ),
        ],
};

/** persona-too-many: more than `personaMax` personas make one map unreadable. */
export const personaTooMany: HealthRule = {
  id: "persona-too-many",
  defaultSeverity: "warning",
  check: (map, ctx) => {
    const n = map.personaIds.length;
    const max = ctx.config.personaMax;
    if (n <= max) return [];
    return [
      at(
        map,
        ctx,
        {},
        `The map has ${n} personas (more than ${max}).`,
        "Split the map per persona or keep the few personas whose journeys differ most.",
      ),
    ];
  },
};
