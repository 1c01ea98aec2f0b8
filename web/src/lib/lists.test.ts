import { describe, expect, it } from "vitest";
import { move, removeAt, replaceAt } from "./lists.ts";

describe("move", () => {
  it.each([
    [[1, 2, 3], 0, 1, [2, 1, 3]],
    [[1, 2, 3], 2, -1, [1, 3, 2]],
    [[1, 2, 3], 0, -1, [1, 2, 3]],
    [[1, 2, 3], 2, 1, [1, 2, 3]],
  ] as const)("%j: item %i by %i → %j", (list, i, d, out) => expect(move(list, i, d)).toEqual(out));
});

describe("removeAt and replaceAt", () => {
  it.each([
    [[1, 2, 3], 1, [1, 3]],
    [[1, 2, 3], 0, [2, 3]],
    [[1, 2, 3], 5, [1, 2, 3]],
  ] as const)("%j without item %i → %j", (list, i, out) => {
    expect(removeAt(list, i)).toEqual(out);
    expect(list).toHaveLength(3); // the given list is left as it was
  });
  it.each([
    [[1, 2, 3], 1, 9, [1, 9, 3]],
    [[1, 2, 3], 5, 9, [1, 2, 3]],
  ] as const)("%j with item %i replaced by %i → %j", (list, i, x, out) => {
    expect(replaceAt(list, i, x)).toEqual(out);
  });
});
