import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  commune = await t.login("xa.thapmuoi");
  admin = await t.login("admin");
});

describe("GET /api/units", () => {
  it("finds Xã Tháp Mười from 'thap muoi' (accent-insensitive)", async () => {
    const r = await commune.json("GET", "/api/units?q=thap%20muoi");
    expect(r.status).toBe(200);
    expect(r.body.items.map((u: { code: string }) => u.code)).toContain("30037");
  });

  it("finds Đắk Lắk from 'dak lak' and đ/Đ folds to d", async () => {
    const r = await commune.json("GET", "/api/units?q=dak%20lak&level=province");
    expect(r.body.items.map((u: { fullName: string }) => u.fullName)).toEqual(["Tỉnh Đắk Lắk"]);
    const d = await commune.json("GET", "/api/units?q=dong%20thap&level=province");
    expect(d.body.items[0].code).toBe("82");
  });

  it("lists 34 provinces today and 63 before the reform", async () => {
    expect((await commune.json("GET", "/api/units?level=province&limit=100")).body.total).toBe(34);
    const old = await commune.json("GET", "/api/units?level=province&asOf=2024-01-01&limit=100");
    expect(old.body.total).toBe(63);
    const districts = await commune.json("GET", "/api/units?level=district&asOf=2025-06-30&limit=1");
    expect(districts.body.total).toBe(696);
    expect((await commune.json("GET", "/api/units?level=district&asOf=2025-07-01")).body.total).toBe(0);
    expect((await commune.json("GET", "/api/units?level=commune&limit=1")).body.total).toBe(3321);
  });

  it("finds the old Huyện Tháp Mười as of 2024", async () => {
    const r = await commune.json("GET", "/api/units?q=thap%20muoi&asOf=2024-02-05");
    expect(r.body.items.map((u: { fullName: string }) => u.fullName)).toContain("Huyện Tháp Mười");
  });

  it.each([
    ["/api/units?asOf=2025-13-40", "validation_failed"],
    ["/api/units?asOf=2025-02-29", "validation_failed"],
    ["/api/units?level=town", "validation_failed"],
    ["/api/units?limit=100000", "validation_failed"],
    ["/api/units/99999", "not_found"],
    ["/api/units/abc", "validation_failed"],
    ["/api/units/99999/children", "not_found"],
    ["/api/units/30037/successors?asOf=2025-02-30", "validation_failed"],
  ])("%s → 4xx %s", async (url, code) => {
    const r = await commune.json("GET", url);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message_vi).toBeTruthy();
    expect(r.body.error.message_en).toBeTruthy();
  });

  it("requires a login", async () => {
    const r = await t.anonymous.json("GET", "/api/units");
    expect(r.status).toBe(401);
  });
});

describe("units across the 2025 reform", () => {
  it("the unit page gives the path, versions and the type change of 30/04/2026", async () => {
    const r = await commune.json("GET", "/api/units/25270");
    expect(r.body.unit.fullName).toBe("Phường Lộc Ninh");
    expect(r.body.path.map((p: { code: string }) => p.code)).toEqual(["75"]);
    // the code was the old Thị trấn Lộc Ninh before 2025: codes are reused, versions keep them apart
    expect(r.body.versions.map((v: { type: string }) => v.type)).toEqual(["thị trấn", "xã", "phường"]);
    const before = await commune.json("GET", "/api/units/25270?asOf=2026-01-01");
    expect(before.body.unit.fullName).toBe("Xã Lộc Ninh");
  });

  it("children of Đồng Tháp: its communes today, its districts before 2025", async () => {
    const now = await commune.json("GET", "/api/units/82/children");
    expect(now.body.items.every((u: { level: string }) => u.level === "commune")).toBe(true);
    expect(now.body.items.length).toBeGreaterThan(50);
    const old = await commune.json("GET", "/api/units/87/children?asOf=2024-06-01");
    expect(old.body.items.map((u: { code: string }) => u.code)).toContain("872");
  });

  it("successors of the old district Tháp Mười include Xã Tháp Mười, partially", async () => {
    const r = await commune.json("GET", "/api/units/872/successors");
    expect(r.status).toBe(200);
    const found = r.body.successors.find((s: { unit: { code: string } }) => s.unit.code === "30037");
    expect(found).toMatchObject({ kind: "partial", effectiveDate: "2025-07-01" });
  });

  it("old province Tiền Giang (82) and Đồng Tháp (87) both went wholly into today's Đồng Tháp", async () => {
    for (const code of ["87"]) {
      const r = await commune.json("GET", `/api/units/${code}/successors`);
      expect(r.body.successors).toEqual([
        expect.objectContaining({ kind: "full", unit: expect.objectContaining({ code: "82" }) }),
      ]);
    }
    const p = await commune.json("GET", "/api/units/82/predecessors");
    const codes = p.body.predecessors
      .filter((x: { unit: { level: string } }) => x.unit.level === "province")
      .map((x: { unit: { code: string } }) => x.unit.code);
    expect(codes.sort()).toEqual(["82", "87"]);
  });

  it("predecessors of Xã Tháp Mười are old communes of Huyện Tháp Mười", async () => {
    const r = await commune.json("GET", "/api/units/30037/predecessors");
    const old = r.body.predecessors.filter((x: { unit: { level: string } }) => x.unit.level === "commune");
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((x: { unit: { ancestors: string[] } }) => x.unit.ancestors.includes("872"))).toBe(true);
  });

  it("a commune that changed type on 30/04/2026 chains through both versions", async () => {
    const r = await commune.json("GET", "/api/units/25270/predecessors");
    expect(r.body.predecessors[0]).toMatchObject({
      effectiveDate: "2026-04-30",
      unit: { fullName: "Xã Lộc Ninh" },
    });
  });
});

describe("hamlets", () => {
  it("children answers are cached yet fresh after any change, even one made by another process", async () => {
    const first = await commune.json("GET", "/api/units/30037/children");
    const created = await commune.json("POST", "/api/units/30037/hamlets", { name: "Tân Lập", type: "ấp" });
    const after = await commune.json("GET", "/api/units/30037/children");
    expect(after.body.total).toBe(first.body.total + 1);
    expect(after.body.items.map((u: { code: string }) => u.code)).toContain(created.body.code);
    // a change straight in the database (as the CLI import does) bumps the revision too
    await t.db
      .updateTable("unit")
      .set({ full_name: "Ấp Tân Lập Mới" })
      .where("code", "=", created.body.code)
      .execute();
    const again = await commune.json("GET", "/api/units/30037/children");
    expect(again.body.items.map((u: { fullName: string }) => u.fullName)).toContain("Ấp Tân Lập Mới");
  });

  it("an editor of the commune adds, renames and closes a hamlet; all audited", async () => {
    const created = await commune.json("POST", "/api/units/30037/hamlets", { name: "Hoà Thuận", type: "ấp" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      level: "hamlet",
      name: "Hòa Thuận",
      fullName: "Ấp Hòa Thuận",
      parentCode: "30037",
      version: 1,
    });
    const code = created.body.code as string;
    expect(code).toMatch(/^30037-\d{3}$/);

    const dup = await commune.json("POST", "/api/units/30037/hamlets", { name: "hòa thuận", type: "ấp" });
    expect(dup.status).toBe(409);

    const renamed = await commune.json("PATCH", `/api/units/${code}`, { version: 1, name: "Hòa Thuận A" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    const stale = await commune.json("PATCH", `/api/units/${code}`, { version: 1, name: "Khác" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    const unchanged = await commune.json("GET", `/api/units/${code}`);
    expect(unchanged.body.unit.name).toBe("Hòa Thuận A");

    const badClose = await commune.json("POST", `/api/units/${code}/close`, {
      version: 2,
      validTo: "2020-01-01",
    });
    expect(badClose.status).toBe(400);
    const closed = await commune.json("POST", `/api/units/${code}/close`, { version: 2 });
    expect(closed.status).toBe(200);
    expect(closed.body.validTo).not.toBeNull();
    const still = await commune.json("GET", `/api/units/${code}`);
    expect(still.status).toBe(200); // never hard-deleted

    const audit = await admin.json("GET", `/api/audit?unitCode=${code}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      "hamlet.close",
      "hamlet.update",
      "hamlet.create",
    ]);
    expect(audit.body.items[1].before.name).toBe("Hòa Thuận");
    expect(audit.body.items[1].after.name).toBe("Hòa Thuận A");
  });

  it("rejects hamlets under a province, bad types, malformed and oversized bodies — storing nothing", async () => {
    const before = (await commune.json("GET", "/api/units/30037/children")).body.total;
    const cases: [unknown, number][] = [
      [{ name: "X", type: "làng xóm" }, 400],
      [{ name: "", type: "ấp" }, 400],
      ["{not json", 400],
      [{ name: "x".repeat(2 * 1024 * 1024), type: "ấp" }, 413],
    ];
    for (const [body, status] of cases) {
      const r = await commune.request("POST", "/api/units/30037/hamlets", body);
      expect(r.status).toBe(status);
      const j = (await r.json()) as { error: { code: string } };
      expect(j.error.code).toBeTruthy();
    }
    const province = await admin.json("POST", "/api/units/82/hamlets", { name: "X", type: "ấp" });
    expect(province.status).toBe(400);
    expect((await commune.json("GET", "/api/units/30037/children")).body.total).toBe(before);
  });
});
