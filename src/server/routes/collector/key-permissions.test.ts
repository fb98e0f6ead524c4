import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../../storage/workspaces.ts";
import { type Session, useAccountsApi } from "../../accounts/test-accounts.ts";

describe("write keys follow the permission table (accounts mode)", () => {
  const t = useAccountsApi();

  it("a viewer can neither create, rotate nor revoke a log's write key", async () => {
    await t.user("owner@a.test");
    await t.user("vi@a.test", [[A, "viewer"]]);
    const viewer: Session = await t.login("vi@a.test");
    for (const method of ["POST", "DELETE"] as const) {
      const r = await viewer.call(method, "/api/logs/some-log/write-key", undefined, {
        "x-wayline-csrf": viewer.csrf,
      });
      expect(r.status, `${method} ${JSON.stringify(r.json)}`).toBe(403);
      expect(r.json.error.code).toBe("forbidden");
    }
  });
});
