import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID as A } from "../../storage/workspaces.ts";
import { identifyCollabRequest } from "./collab-identity.ts";
import { ORIGIN, useAccountsApi } from "./test-accounts.ts";

/** The upgrade request a browser sends: only its headers matter to the check. */
const upgrade = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe("collaboration websocket in accounts mode", () => {
  const t = useAccountsApi();

  it("needs our origin and a live session of a member; viewers get read-only", async () => {
    await t.user("owner@team.io");
    await t.user("vi@team.io", [[A, "viewer"]]);
    await t.user("out@other.io");
    const owner = await t.login("owner@team.io");
    const viewer = await t.login("vi@team.io");
    const out = await t.login("out@other.io");
    const id = (cookie: string, origin = ORIGIN) =>
      identifyCollabRequest(upgrade({ cookie, origin }), t.options, A);
    expect(await id(owner.cookie)).toMatchObject({ role: "owner", canEdit: true, workspaceId: A });
    expect(await id(viewer.cookie)).toMatchObject({ role: "viewer", canEdit: false });
    await expect(id(owner.cookie, "http://evil.test")).rejects.toMatchObject({ code: "forbidden" });
    await expect(id("wl_session=wls_forged")).rejects.toMatchObject({ code: "unauthorized" });
    await expect(id(out.cookie)).rejects.toMatchObject({ code: "not_found" });
    await owner.call("POST", "/api/auth/logout", {});
    await expect(id(owner.cookie)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
