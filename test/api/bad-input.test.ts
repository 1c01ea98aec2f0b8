/** Bad input on every write route: a 4xx in both languages, never a 5xx, and nothing stored. */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestClient;
let bodyId: number;
let userId: number;

async function fingerprint(): Promise<string> {
  const r = await sql<{ f: string }>`
    select concat_ws('|',
      (select count(*) from unit), (select max(version) from unit where level = 'hamlet'),
      (select count(*) from body), (select sum(version) from body),
      (select count(*) from app_user), (select sum(version) from app_user),
      (select count(*) from user_grant), (select count(*) from audit_log)) as f`.execute(t.db);
  return r.rows[0]?.f ?? "";
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  bodyId = (await admin.json("GET", "/api/units/30037/bodies")).body.items[0].id;
  userId = (await admin.json("GET", "/api/users")).body.items.find(
    (u: { username: string }) => u.username === "dongthap",
  ).id;
});

const huge = "x".repeat(300);
const CASES: [string, string, () => unknown][] = [
  ["POST", "/api/units/30037/hamlets", () => ({ name: "Ấp X", type: "ấp", validFrom: "2025-13-40" })],
  ["POST", "/api/units/30037/hamlets", () => ({ name: huge, type: "ấp" })],
  ["POST", "/api/units/30037/hamlets", () => ({ name: 12, type: "ấp" })],
  ["POST", "/api/units/30037/hamlets", () => ({ name: "Ấp X", type: "ấp", validFrom: "2020-01-01" })],
  ["POST", "/api/units/99999/hamlets", () => ({ name: "Ấp X", type: "ấp" })],
  ["POST", "/api/units/30037-001/hamlets", () => ({ name: "Ấp X", type: "ấp" })],
  ["PATCH", "/api/units/30037-001", () => ({ name: "Ấp Y" })],
  ["PATCH", "/api/units/30037-001", () => ({ version: 0, name: "Ấp Y" })],
  ["PATCH", "/api/units/30037-001", () => ({ version: 99, name: "Ấp Y" })],
  ["PATCH", "/api/units/30037", () => ({ version: 1, name: "Xã Khác" })],
  ["POST", "/api/units/30037-001/close", () => ({ version: 1, validTo: "2025-02-30" })],
  ["POST", "/api/units/30037/bodies", () => ({ kind: "ministry", name: "Bộ" })],
  // before 01/07/2025 the code 30037 was Thị trấn Mỹ An, another unit
  ["POST", "/api/units/30037/bodies", () => ({ kind: "police", name: "Công an", validFrom: "2024-01-01" })],
  ["POST", "/api/units/30037/bodies", () => ({ kind: "police", name: "" })],
  ["POST", "/api/units/30037/bodies", () => ({ kind: "police", name: "Công an", parentBodyId: 999999 })],
  ["PATCH", `/api/bodies/abc`, () => ({ version: 1, name: "X" })],
  ["PATCH", `/api/bodies/99999999999`, () => ({ version: 1, name: "X" })],
  ["PATCH", "/api/bodies/{body}", () => ({ version: 1, validTo: "2000-01-01" })],
  ["POST", "/api/users", () => ({ username: "a", displayName: "A", password: "password123" })],
  ["POST", "/api/users", () => ({ username: "new.user", displayName: "A", password: "short" })],
  ["POST", "/api/users", () => ({ username: "dongthap", displayName: "A", password: "password123" })],
  [
    "POST",
    "/api/users",
    () => ({
      username: "new.user",
      displayName: "A",
      password: "password123",
      grants: [{ role: "editor", unitCode: "99999" }],
    }),
  ],
  [
    "POST",
    "/api/users",
    () => ({
      username: "new.user",
      displayName: "A",
      password: "password123",
      grants: [{ role: "king", unitCode: "82" }],
    }),
  ],
  [
    "POST",
    "/api/users",
    () => ({ username: "new.user", displayName: "A", password: "password123", grants: [{ role: "editor" }] }),
  ],
  ["PATCH", "/api/users/{user}", () => ({ version: 999, displayName: "X" })],
  ["POST", "/api/users/{user}/grants", () => ({ role: "system_admin", unitCode: "82" })],
  ["DELETE", "/api/users/{user}/grants/999999", () => undefined],
  ["POST", "/api/auth/login", () => ({ username: "" })],
  ["POST", "/api/auth/password", () => ({ currentPassword: "wrong", newPassword: "password12345" })],
  ["POST", "/api/units/30037/hamlets", () => "[1,2,"],
  ["POST", "/api/units/30037/hamlets", () => "null"],
];

describe("bad input", () => {
  it.each(CASES.map(([m, p, b], i) => [i, m, p, b] as const))(
    "#%i %s %s → 4xx, nothing stored",
    async (_i, method, path, body) => {
      const before = await fingerprint();
      const url = path.replace("{body}", String(bodyId)).replace("{user}", String(userId));
      const res = await admin.request(method, url, body());
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const j = (await res.json()) as { error: { code: string; message_vi: string; message_en: string } };
      expect(j.error.message_vi).toBeTruthy();
      expect(j.error.message_en).toBeTruthy();
      expect(await fingerprint()).toBe(before);
    },
  );
});

describe("a grant scoped to one body", () => {
  it("lets its holder change that body only", async () => {
    const bodies = (await admin.json("GET", "/api/units/30037/bodies")).body.items as {
      id: number;
      kind: string;
      version: number;
    }[];
    const ubnd = bodies.find((b) => b.kind === "people_committee");
    const other = bodies.find((b) => b.kind === "fatherland_front");
    if (!ubnd || !other) throw new Error("demo bodies missing");
    const created = await admin.json("POST", "/api/users", {
      username: "vp.ubnd",
      displayName: "Văn phòng UBND xã",
      password: "password123",
      grants: [{ role: "unit_admin", unitCode: "30037", bodyId: ubnd.id }],
    });
    expect(created.status).toBe(201);
    const c = await t.login("vp.ubnd", "password123");
    expect(
      (await c.json("PATCH", `/api/bodies/${ubnd.id}`, { version: ubnd.version, shortName: "UBND xã" }))
        .status,
    ).toBe(200);
    expect(
      (await c.json("PATCH", `/api/bodies/${other.id}`, { version: other.version, shortName: "MT" })).status,
    ).toBe(404);
    expect((await c.json("GET", "/api/units/30037/bodies")).status).toBe(200);
  });
});
