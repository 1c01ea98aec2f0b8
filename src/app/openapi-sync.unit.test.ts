import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, openApiDocument, renderApiTypes } from "./openapi-sync.ts";

describe("OpenAPI document and the web's generated types", () => {
  it("documents the stable paths", async () => {
    const doc = (await openApiDocument()) as { paths: Record<string, unknown> };
    for (const p of [
      "/api/health",
      "/api/auth/login",
      "/api/units",
      "/api/units/{code}",
      "/api/units/{code}/children",
      "/api/units/{code}/successors",
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
  it("web/src/lib/api-types.ts is up to date (run `npm run api:sync` after changing a schema)", async () => {
    expect(await fs.readFile(API_TYPES_FILE, "utf8")).toBe(await renderApiTypes());
  });
});
