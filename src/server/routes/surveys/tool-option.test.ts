import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { useTestApi } from "../../test-api.ts";

/** Typeform's sample export without its Submit Date (UTC) column: not recognised by detection. */
const TRIMMED = readFileSync(
  fileURLToPath(new URL("../../../services/surveys/samples/typeform-export.csv", import.meta.url)),
  "utf8",
)
  .trimEnd()
  .split("\n")
  .map((r) =>
    r
      .split(",")
      .filter((_, i) => i !== 6)
      .join(","),
  )
  .join("\n");

describe("POST /api/journeys/:id/surveys?tool=", () => {
  const ctx = useTestApi();
  const upload = async (q: string) => {
    const m = (await ctx.api.post("/api/journeys", { templateId: "pizza-restaurant" })).json;
    return ctx.api.post(`/api/journeys/${m.id}/surveys?filename=typeform.csv${q}`, TRIMMED, {
      "content-type": "text/csv",
      "x-wayline-upload": "1",
    });
  };

  it("forces a survey tool's reading, and names a tool it does not know", async () => {
    expect((await upload("")).status).toBe(400);
    const forced = await upload("&tool=typeform");
    expect(forced.status).toBe(201);
    expect(forced.json).toMatchObject({ responses: 4, tool: "Typeform responses export" });
    const unknown = await upload("&tool=googleforms");
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toMatch(/tool/);
  });
});
