/** The `danvan` CLI against a real database: a malformed import names row and column and imports nothing. */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { countUnits } from "../../src/features/units/units.repository.ts";
import { createTestDatabase } from "../helpers.ts";

const run = promisify(execFile);
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;

async function cli(args: string[]) {
  try {
    const r = await run("node", ["bin/danvan.js", ...args], {
      env: { ...process.env, DATABASE_URL: handle.url, LOG_LEVEL: "warn" },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-cli-"));
});

describe("danvan CLI", () => {
  it("rejects a malformed unit file with its row and column, importing nothing", async () => {
    const before = await countUnits(handle.db);
    const file = path.join(dir, "bad.csv");
    await fs.writeFile(
      file,
      "code,name,type,parent_code,level,full_name\n82,Đồng Tháp,tỉnh,,province,Tỉnh Đồng Tháp\n3003,Tháp Mười,xã,82,commune,Xã Tháp Mười\n",
    );
    const r = await cli(["units", "import", "--file", file, "--from", "2027-01-01"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/row 3, cột\/column code/);
    expect(await countUnits(handle.db)).toBe(before);
  }, 60_000);

  it("imports a new edition: changed units get a new version linked to the old one", async () => {
    const src = await fs.readFile("seed/vn-admin/units-2026.csv", "utf8");
    const file = path.join(dir, "units-2027.csv");
    await fs.writeFile(
      file,
      src.replace(
        "30037,Tháp Mười,xã,82,commune,Xã Tháp Mười",
        "30037,Tháp Mười,phường,82,commune,Phường Tháp Mười",
      ),
    );
    const r = await cli(["units", "import", "--file", file, "--from", "2027-01-01"]);
    expect(r.out).toMatch(/1 new versions, 1 closed/);
    expect(r.code).toBe(0);
    const rows = await handle.db
      .selectFrom("unit")
      .select(["full_name", "valid_to"])
      .where("code", "=", "30037")
      .where("source", "<>", "gso-2024") // before the reform the code belonged to Thị trấn Mỹ An
      .orderBy("id")
      .execute();
    const audit = await handle.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("action", "=", "units.import")
      .execute();
    expect(audit.at(-1)?.after).toMatchObject({
      inserted: 1,
      closed: 1,
      validFrom: "2027-01-01",
      mode: "update",
    });
    expect(rows.map((x) => [x.full_name, x.valid_to])).toEqual([
      ["Xã Tháp Mười", "2026-12-31"],
      ["Phường Tháp Mười", null],
    ]);
  }, 60_000);

  it("creates a user with `user add`", async () => {
    const r = await cli([
      "user",
      "add",
      "--username",
      "bdv.tinh",
      "--name",
      "Cán bộ",
      "--role",
      "unit_admin",
      "--unit",
      "82",
    ]).catch((e) => e);
    // no password: refuses without creating anything
    expect(r.code).toBe(2);
    const ok = await run(
      "node",
      ["bin/danvan.js", "user", "add", "--username", "bdv.tinh", "--role", "unit_admin", "--unit", "82"],
      {
        env: { ...process.env, DATABASE_URL: handle.url, LOG_LEVEL: "warn", DANVAN_PASSWORD: "password123" },
      },
    );
    expect(ok.stdout).toMatch(/Created user bdv.tinh/);
  }, 60_000);
});
