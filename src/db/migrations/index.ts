/** The ordered list of migrations (static imports, so they load the same under tsx, vitest and bundlers). */
import type { Migration } from "kysely";
import * as createCore from "./202611221900-create-core.ts";

export const MIGRATIONS: Record<string, Migration> = {
  "202611221900-create-core": createCore,
};
