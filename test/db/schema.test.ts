import { describe, expect, it } from "vitest";
import { schemaDrift } from "../../src/db/schema-check.ts";
import { createTestDatabase } from "../helpers.ts";

describe("typed schema", () => {
  it("src/db/database.ts declares exactly the tables and columns the migrations create", async () => {
    const handle = await createTestDatabase();
    expect(await schemaDrift(handle.db)).toEqual([]);
  });
});
