import { expect, it } from "vitest";
import { actorOfIdentity } from "./activity-extension.ts";

it("a live connection's actor: a member by user id, a share-link holder as a guest of that link", () => {
  expect(actorOfIdentity({ name: "ben@a.test", role: "editor", userId: "u-ben" })).toEqual({
    kind: "member",
    userId: "u-ben",
    name: "ben@a.test",
  });
  expect(
    actorOfIdentity({ name: "Eva (guest)", role: "editor", share: { linkId: "l1", mapId: "m1" } }),
  ).toEqual({
    kind: "guest",
    guestName: "Eva",
    shareLinkId: "l1",
  });
  // Local and token mode have no accounts: the identity's name is the key.
  expect(actorOfIdentity({ name: "local", role: "owner" })).toEqual({
    kind: "member",
    userId: "local",
    name: "local",
  });
});
