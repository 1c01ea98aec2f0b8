import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { GENERATED_FILE, renderSchemaTypes } from "../../src/db/schema-types.ts";
import { createTestDatabase } from "../helpers.ts";

describe("typed schema", () => {
  it("src/db/schema.generated.ts is what the migrations make (npm run db:types rewrites it)", async () => {
    const handle = await createTestDatabase();
    expect(await renderSchemaTypes(handle.url)).toBe(await readFile(GENERATED_FILE, "utf8"));
  });

  it("a text column limited by a CHECK constraint is typed by its values", async () => {
    const text = await readFile(GENERATED_FILE, "utf8");
    expect(text).toMatch(
      /role: "system_admin" \| "unit_admin" \| "editor" \| "approver" \| "viewer" \| "inspector";/,
    );
    expect(text).toMatch(/values: Generated<JsonColumn<SubmissionValues>>;/);
  });

  it("a JSON column without a declared type stops the generator", async () => {
    const handle = await createTestDatabase();
    await handle.db.schema.createTable("loose").addColumn("data", "jsonb").execute();
    await expect(renderSchemaTypes(handle.url)).rejects.toThrow(/loose\.data/);
  });
});
