import { z } from "zod";
import { LaneIdSchema } from "../../model/ids.ts";
import { defineCommand } from "../define.ts";
import { setsField } from "../entity-ops.ts";
import { commandSchema } from "../fields.ts";

/** Collapses or expands a lane. */
export const schema = commandSchema("setLaneCollapsed", { id: LaneIdSchema, collapsed: z.boolean() });

export const command = defineCommand({
  schema,
  ...setsField<(typeof schema)["_output"], "collapsed">("lanes", "lane", "collapsed"),
  describe: (c) => (c.collapsed ? "Lane collapsed" : "Lane expanded"),
});
