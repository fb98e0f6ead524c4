import { z } from "zod";
import { NATIVE_FORMAT_VERSION, NativeDocumentSchema } from "./native.ts";

/** JSON Schema (draft 2020-12) of the native format, as shipped at docs/schema/wayline.schema.json. */
export function nativeJsonSchemaText(): string {
  const schema = z.toJSONSchema(NativeDocumentSchema, { target: "draft-2020-12", unrepresentable: "any" });
  const doc = {
    ...schema,
    $id: `https://wayline.dev/schema/wayline.v${NATIVE_FORMAT_VERSION}.schema.json`,
    title: "Wayline journey map document",
    description:
      "One journey map with its personas (*.wayline.json). Cross-references (ids that must exist) are checked by Wayline beyond this schema.",
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
