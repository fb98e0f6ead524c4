// Module hook for start-up tests: appends every module URL Node loads to $WAYLINE_LOAD_LOG.
import { appendFileSync } from "node:fs";

export async function load(url, context, next) {
  const result = await next(url, context);
  if (process.env.WAYLINE_LOAD_LOG) appendFileSync(process.env.WAYLINE_LOAD_LOG, `${url}\n`);
  return result;
}
