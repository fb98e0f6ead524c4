import { expect, it } from "vitest";
import { newId } from "./ids.ts";

it("never starts an id with - or _ (it would read as an option on a command line)", () => {
  const ids = Array.from({ length: 20_000 }, () => newId<string>());
  expect(ids.filter((id) => /^[-_]/.test(id))).toEqual([]);
  expect(ids.every((id) => /^[0-9A-Za-z][0-9A-Za-z_-]{20}$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});
