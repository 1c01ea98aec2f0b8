/**
 * Two app servers on one database stay coherent: a write through one is seen by the next reads of the other
 * (units, the indicator catalogue, a user's sessions), each server keeping its own caches, told of changes by
 * PostgreSQL's NOTIFY.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { connect } from "../../src/db/connection.ts";
import { seedDemo } from "../../src/demo/demo.seed.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { createTestDatabase, httpSession, TEST_SECRET_KEY } from "../helpers.ts";

let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  const one = await createTestDatabase();
  await seedDemo(one.db, { reports: false });
  const two = connect(one.url, one.kind, 10);
  afterAll(() => two.close());
  const config = {
    ...loadConfig({ DANVAN_BACKUP_EVERY_HOURS: "0" }),
    port: 0,
    smtpUrl: null,
    secretKey: TEST_SECRET_KEY,
  };
  const log = createLogger("silent");
  a = await startServer(config, log, { ...one, close: async () => undefined });
  b = await startServer(config, log, { ...two, close: async () => undefined });
  afterAll(() => Promise.all([a.stop(), b.stop()]));
});

const session = httpSession;

const SOON = { timeout: 500, interval: 10 };

describe("two servers on one database", () => {
  it("a hamlet added through one is in the other's next answers", async () => {
    const inA = await session(a.url, "xa.thapmuoi");
    const inB = await session(b.url, "xa.thapmuoi");
    const names = async () =>
      ((await inB("GET", "/api/units/30037/children")).body.items as { fullName: string }[]).map(
        (u) => u.fullName,
      );
    expect(await names()).not.toContain("Ấp Hai Máy"); // B keeps it now
    expect((await inA("POST", "/api/units/30037/hamlets", { name: "Hai Máy", type: "ấp" })).status).toBe(201);
    await expect.poll(names, SOON).toContain("Ấp Hai Máy");
  });

  it("an indicator added through one is in the other's catalogue", async () => {
    const inA = await session(a.url, "admin");
    const inB = await session(b.url, "admin");
    const codes = async () =>
      ((await inB("GET", "/api/indicators")).body.items as { code: string }[]).map((i) => i.code);
    expect(await codes()).not.toContain("TWO_SERVERS");
    const created = await inA("POST", "/api/indicators", {
      code: "TWO_SERVERS",
      nameVi: "Chỉ tiêu hai máy",
      nameEn: "Two servers",
      type: "integer",
      aggregation: "sum",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await expect.poll(codes, SOON).toContain("TWO_SERVERS");
  });

  it("a user deactivated through one is logged out of the other", async () => {
    const admin = await session(a.url, "admin");
    const user = await session(b.url, "thainguyen");
    expect((await user("GET", "/api/auth/me")).status).toBe(200);
    const list = (await admin("GET", "/api/users")).body.items as {
      id: number;
      username: string;
      version: number;
    }[];
    const u = list.find((x) => x.username === "thainguyen");
    const cur = await admin("GET", `/api/users/${u?.id}`);
    expect(
      (await admin("PATCH", `/api/users/${u?.id}`, { version: cur.body.version, isActive: false })).status,
    ).toBe(200);
    await expect.poll(async () => (await user("GET", "/api/auth/me")).status, SOON).toBe(401);
  });
});
