import { expect } from "vitest";

/** Replaces every number by itself rounded to 9 significant digits (engines differ in the last float bits). */
export function roundNumbers(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v)]));
  return value;
}

/** Asserts two engine answers are equal up to float rounding in the last bits. */
export function expectSameAnswer(actual: unknown, expected: unknown): void {
  expect(roundNumbers(JSON.parse(JSON.stringify(actual)))).toEqual(
    roundNumbers(JSON.parse(JSON.stringify(expected))),
  );
}
