import type { EngineEntry } from "../engine.ts";

/** Registry entry of the plain TypeScript engine: all in memory, the oracle of the tests. */
export const referenceEntry: EngineEntry = {
  description: "plain TypeScript, in memory (the reference the other engines are tested against)",
  capabilities: { persistent: false, oracle: true },
  async open() {
    const { ReferenceEngine } = await import("./reference-engine.ts");
    return new ReferenceEngine();
  },
};
