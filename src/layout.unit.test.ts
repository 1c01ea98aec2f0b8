/**
 * Sizes that keep the code easy to read: a hand-written server file at most 450 lines, a route file at most
 * 12 endpoints, a React component file at most 300 lines (generated files — the API types, the database
 * schema `*.generated.ts` — are not counted). The files past a limit today are listed with their size now:
 * they may not grow, and each leaves the list when it is split.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAX_LINES = 450;
const MAX_ENDPOINTS = 12;
const MAX_COMPONENT_LINES = 300;

/** Server files still to split, with their lines today. */
const LONG_FILES: Record<string, number> = {};

/** Route files still to split, with their endpoints today. */
const BUSY_ROUTES: Record<string, number> = {};

/** Component files still to split, with their lines today. */
const LONG_COMPONENTS: Record<string, number> = {};

function files(dir: string, ext: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith(ext) && !/\.(test|generated)\.tsx?$/.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join("/"));
}

const lines = (f: string) => readFileSync(path.join(ROOT, f), "utf8").split("\n").length - 1;

/** Each file past `max`, with its size, unless listed with at least that size. */
function over(list: string[], size: (f: string) => number, max: number, known: Record<string, number>) {
  return list
    .map((f) => [f, size(f)] as const)
    .filter(([f, n]) => n > max && n > (known[f] ?? max))
    .map(([f, n]) => `${f}: ${n}`);
}

describe("file sizes", () => {
  const server = files("src", ".ts");
  const components = files("web/src", ".tsx");
  const endpoints = (f: string) =>
    (readFileSync(path.join(ROOT, f), "utf8").match(/\bapp\.openapi\(/g) ?? []).length;

  it(`no server file over ${MAX_LINES} lines (the listed ones do not grow)`, () => {
    expect(over(server, lines, MAX_LINES, LONG_FILES)).toEqual([]);
  });
  it(`no route file over ${MAX_ENDPOINTS} endpoints (the listed ones do not grow)`, () => {
    expect(
      over(
        server.filter((f) => f.endsWith(".routes.ts")),
        endpoints,
        MAX_ENDPOINTS,
        BUSY_ROUTES,
      ),
    ).toEqual([]);
  });
  it(`no component file over ${MAX_COMPONENT_LINES} lines (the listed ones do not grow)`, () => {
    expect(over(components, lines, MAX_COMPONENT_LINES, LONG_COMPONENTS)).toEqual([]);
  });
  it("lists only files still past a limit (a file split leaves its list)", () => {
    const stillLong = (known: Record<string, number>, size: (f: string) => number, max: number) =>
      Object.keys(known).filter((f) => size(f) <= max);
    expect([
      ...stillLong(LONG_FILES, lines, MAX_LINES),
      ...stillLong(BUSY_ROUTES, endpoints, MAX_ENDPOINTS),
      ...stillLong(LONG_COMPONENTS, lines, MAX_COMPONENT_LINES),
    ]).toEqual([]);
  });
});

/** Each module's imports of other modules of the project, resolved to paths from the root. */
function importGraph(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const alias: Record<string, string> = { "@/": "web/src/", "@domain/": "src/domain/" };
  for (const dir of dirs) {
    for (const f of [...files(dir, ".ts"), ...files(dir, ".tsx")]) {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      const deps: string[] = [];
      for (const [, spec = ""] of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
        const prefix = Object.keys(alias).find((a) => spec.startsWith(a));
        if (prefix) deps.push(alias[prefix] + spec.slice(prefix.length));
        else if (spec.startsWith("."))
          deps.push(path.posix.normalize(path.posix.join(path.posix.dirname(f), spec)));
      }
      graph.set(f, deps);
    }
  }
  return graph;
}

/** The import cycles of the graph, each as its modules in order. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (f: string, stack: string[]) => {
    const at = stack.indexOf(f);
    if (at >= 0) return void found.push(stack.slice(at));
    if (done.has(f)) return;
    done.add(f);
    for (const d of graph.get(f) ?? []) visit(d, [...stack, f]);
  };
  for (const f of graph.keys()) visit(f, []);
  return found;
}

describe("imports", () => {
  it("no module of the server or the web imports itself through others (no cycles)", () => {
    expect(cycles(importGraph(["src", "web/src"]))).toEqual([]);
  });
});
