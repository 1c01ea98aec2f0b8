import { describe, expect, it } from "vitest";
import { atPath, flatten, newItem, type TreeItem, withKind } from "./scheme-tree.ts";

const item = (code: string, children?: TreeItem[]): TreeItem => ({
  code,
  titleVi: code,
  maxPoints: "5",
  kind: "criterion",
  scoredBy: "unit",
  evidenceRequired: true,
  ...(children ? { children } : {}),
});
const tree = [item("A", [item("A.1"), item("A.2", [item("A.2.1")])]), item("B")];
const codes = (items: TreeItem[]) => flatten(items).map(({ it }) => it.code);

describe("scheme tree", () => {
  it("flattens parents before their children, with their paths", () => {
    expect(flatten(tree).map(({ it, path }) => [it.code, path.join(".")])).toEqual([
      ["A", "0"],
      ["A.1", "0.0"],
      ["A.2", "0.1"],
      ["A.2.1", "0.1.0"],
      ["B", "1"],
    ]);
  });

  it.each([
    [[0, 1, 0], (it: TreeItem) => ({ ...it, maxPoints: "2" }), ["A", "A.1", "A.2", "A.2.1", "B"]],
    [[0, 0], () => null, ["A", "A.2", "A.2.1", "B"]],
    [[1], () => null, ["A", "A.1", "A.2", "A.2.1"]],
    [[0, 1, 0], () => null, ["A", "A.1", "A.2", "B"]],
    [[5], () => null, ["A", "A.1", "A.2", "A.2.1", "B"]],
  ] as const)("changes or removes the item at %j", (path, f, expected) => {
    const next = atPath(tree, path, f);
    expect(codes(next)).toEqual(expected);
    expect(codes(tree)).toEqual(["A", "A.1", "A.2", "A.2.1", "B"]); // the tree itself is left as it was
  });

  it("drops the children list when its last child is removed", () => {
    const next = atPath(tree, [0, 1, 0], () => null);
    expect(next[0]?.children?.[1]).not.toHaveProperty("children");
  });

  it("numbers a new item after its siblings, of its parent's kind and scorer", () => {
    const parent = { ...item("BK7", [item("BK7.1")]), kind: "bonus", scoredBy: "superior" };
    expect(newItem(parent, parent.children ?? [])).toMatchObject({
      code: "BK7.2",
      kind: "bonus",
      scoredBy: "superior",
    });
    expect(newItem(null, tree)).toMatchObject({ code: "TC3", kind: "criterion", scoredBy: "unit" });
  });

  it("gives a parent's kind to all its sub-items", () => {
    const next = withKind(tree[0] as TreeItem, "penalty");
    expect(flatten([next]).map(({ it }) => it.kind)).toEqual(["penalty", "penalty", "penalty", "penalty"]);
  });
});
