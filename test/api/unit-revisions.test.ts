/** Cached hierarchy answers and indicator catalogue with the LISTEN/NOTIFY revision watchers, as the real server runs them. */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;

beforeAll(async () => {
  t = await createTestApp({ watchRevisions: true });
  commune = await t.login("xa.thapmuoi");
});

const names = async () =>
  ((await commune.json("GET", "/api/units/30037/children")).body.items as { fullName: string }[]).map(
    (u) => u.fullName,
  );

describe("children with the revision watcher", () => {
  it("shows a hamlet added through the API on the very next read", async () => {
    await names(); // cache it
    const created = await commune.json("POST", "/api/units/30037/hamlets", {
      name: "Bình Thạnh",
      type: "ấp",
    });
    expect(created.status).toBe(201);
    expect(await names()).toContain("Ấp Bình Thạnh");
  });

  it("shows a change made by another process within a second (notification)", async () => {
    await names();
    await t.db
      .updateTable("unit")
      .set({ full_name: "Ấp Bình Thạnh Mới" })
      .where("full_name", "=", "Ấp Bình Thạnh")
      .execute();
    await expect.poll(names, { timeout: 1000, interval: 20 }).toContain("Ấp Bình Thạnh Mới");
  });

  it("answers with exactly the JSON of the uncached path", async () => {
    const first = await commune.request("GET", "/api/units/82/children?asOf=2026-01-01");
    const second = await commune.request("GET", "/api/units/82/children?asOf=2026-01-01");
    expect(first.headers.get("content-type")).toMatch(/application\/json/);
    const a = (await first.json()) as { total: number; items: unknown[] };
    expect(a.total).toBe(a.items.length);
    expect(await second.json()).toEqual(a);
  });
});

describe("indicator catalogue with the revision watcher", () => {
  const nameOf = async (code: string) =>
    ((await commune.json("GET", "/api/indicators")).body.items as { code: string; nameVi: string }[]).find(
      (i) => i.code === code,
    )?.nameVi;

  it("shows an indicator edited through the API on the very next read, in a report's catalogue too", async () => {
    const admin = await t.login("admin");
    const before = (await admin.json("GET", "/api/indicators")).body.items.find(
      (i: { code: string }) => i.code === "DVK_MODELS_NEW",
    );
    await nameOf("DVK_MODELS_NEW"); // held now
    const { code: _c, builtIn: _b, ...fields } = before;
    const put = await admin.json("PUT", "/api/indicators/DVK_MODELS_NEW", {
      ...fields,
      nameVi: "Mô hình đăng ký mới trong năm",
    });
    expect(put.status).toBe(200);
    expect(await nameOf("DVK_MODELS_NEW")).toBe("Mô hình đăng ký mới trong năm");
  });

  it("shows a change made by another process within a second (notification)", async () => {
    await nameOf("DVK_MODELS_KEPT");
    await t.db
      .updateTable("indicator")
      .set({ name_vi: "Mô hình duy trì (sửa ngoài)" })
      .where("code", "=", "DVK_MODELS_KEPT")
      .execute();
    await expect
      .poll(() => nameOf("DVK_MODELS_KEPT"), { timeout: 1000, interval: 20 })
      .toBe("Mô hình duy trì (sửa ngoài)");
  });
});
