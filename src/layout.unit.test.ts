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
const LONG_COMPONENTS: Record<string, number> = {
  "web/src/features/models/components/models-page.tsx": 591,
  "web/src/features/plans/components/plans-page.tsx": 580,
  "web/src/features/forms/components/form-builder.tsx": 545,
  "web/src/features/reporting/components/submission-page.tsx": 467,
  "web/src/features/evaluations/components/evaluation-page.tsx": 411,
  "web/src/features/models/components/model-page.tsx": 404,
  "web/src/features/reporting/components/consolidation-view.tsx": 368,
  "web/src/features/registry/components/registry-page.tsx": 367,
  "web/src/features/evaluations/components/evaluations-page.tsx": 350,
  "web/src/features/reporting/components/dashboard-page.tsx": 339,
  "web/src/features/documents/components/documents-page.tsx": 319,
};

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
