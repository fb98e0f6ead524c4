/** Writes docs/schema/wayline.schema.json from the zod schema of the native format. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nativeJsonSchemaText } from "../src/domain/format/json-schema.ts";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "schema", "wayline.schema.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, nativeJsonSchemaText());
console.log(`wrote ${out}`);
