/**
 * The criteria tree of an evaluation scheme as the editor changes it: an item found by its path (indexes from
 * the top), changed or removed; a new sub-item numbered after its siblings and of its parent's kind (the
 * server requires sub-items of their parent's kind); the tree flattened for display, parents first.
 * @module
 */
import { removeAt, replaceAt } from "@/lib/lists.ts";

export interface TreeItem {
  code: string;
  titleVi: string;
  maxPoints: string;
  kind: string;
  scoredBy: string;
  evidenceRequired: boolean;
  parIndexOnly?: boolean;
  children?: TreeItem[];
}

/** The items with the one at `path` (indexes from the top) changed by `f` (null removes it). */
export function atPath(
  items: TreeItem[],
  path: readonly number[],
  f: (it: TreeItem) => TreeItem | null,
): TreeItem[] {
  const [i, ...rest] = path;
  if (i === undefined) return items;
  const it = items[i];
  if (!it) return items;
  if (rest.length === 0) {
    const next = f(it);
    return next ? replaceAt(items, i, next) : removeAt(items, i);
  }
  const children = atPath(it.children ?? [], rest, f);
  const { children: _old, ...parent } = it;
  return replaceAt(items, i, children.length ? { ...parent, children } : parent);
}

/** A new item under `parent` (or at the top): numbered after its siblings, of its parent's kind. */
export function newItem(parent: TreeItem | null, siblings: readonly TreeItem[]): TreeItem {
  return {
    code: parent ? `${parent.code}.${siblings.length + 1}` : `TC${siblings.length + 1}`,
    titleVi: "",
    kind: parent?.kind ?? "criterion",
    maxPoints: "1",
    scoredBy: parent?.scoredBy ?? "unit",
    evidenceRequired: parent?.evidenceRequired ?? true,
  };
}

/** The item and its sub-items, all of `kind` (sub-items are of their parent's kind). */
export function withKind(it: TreeItem, kind: string): TreeItem {
  return it.children ? { ...it, kind, children: it.children.map((c) => withKind(c, kind)) } : { ...it, kind };
}

/** Every item with its place in the tree, parents before their children. */
export function flatten(items: TreeItem[], path: number[] = []): { it: TreeItem; path: number[] }[] {
  return items.flatMap((it, i) => [{ it, path: [...path, i] }, ...flatten(it.children ?? [], [...path, i])]);
}
