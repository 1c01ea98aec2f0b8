import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkingCalendar } from "../../src/features/calendar/calendar.service.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestClient;
let editor: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  editor = await t.login("dongthap");
});

describe("/api/calendar/{year}", () => {
  it("shows the shipped 2026 schedule and an estimated 2027 to any user", async () => {
    const y2026 = await editor.json("GET", "/api/calendar/2026");
    expect(y2026.status).toBe(200);
    expect(y2026.body).toMatchObject({ year: 2026, stored: false, version: null, status: "estimated" });
    expect(y2026.body.days).toContainEqual(
      expect.objectContaining({ date: "2026-01-10", kind: "working", status: "official" }),
    );
    const y2027 = await editor.json("GET", "/api/calendar/2027");
    expect(y2027.body.days.every((d: { status: string }) => d.status === "estimated")).toBe(true);
  });

  it("lets a system admin confirm a year, versioned and audited; deadlines then follow it", async () => {
    const est = (await admin.json("GET", "/api/calendar/2027")).body;
    const official = est.days.map((d: object) => ({
      ...d,
      status: "official",
      source: "Thông báo của Chính phủ (thử)",
    }));
    const saved = await admin.json("PUT", "/api/calendar/2027", {
      version: null,
      days: [
        ...official,
        { date: "2027-02-13", kind: "working", name: "Làm bù", status: "official", source: "thử" },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ stored: true, version: 1, status: "official" });
    const stale = await admin.json("PUT", "/api/calendar/2027", { version: null, days: [] });
    expect(stale.status).toBe(409);
    const cal = await loadWorkingCalendar(t.db);
    expect(cal.isWorkingDay("2027-02-13")).toBe(true); // a Saturday made a working day by the stored table
    const audit = await admin.json("GET", "/api/audit?entity=calendar_year");
    expect(audit.body.items[0]).toMatchObject({ action: "calendar.save", entityId: "2027" });
  });

  it.each([
    ["/api/calendar/1800", { version: null, days: [] }],
    [
      "/api/calendar/2028",
      {
        version: null,
        days: [{ date: "2027-01-01", kind: "holiday", name: "x", status: "official", source: "x" }],
      },
    ],
    [
      "/api/calendar/2028",
      {
        version: null,
        days: [{ date: "2028-02-30", kind: "holiday", name: "x", status: "official", source: "x" }],
      },
    ],
    [
      "/api/calendar/2028",
      {
        version: null,
        days: [
          { date: "2028-01-01", kind: "holiday", name: "x", status: "official", source: "x" },
          { date: "2028-01-01", kind: "holiday", name: "y", status: "official", source: "x" },
        ],
      },
    ],
  ])("PUT %s with bad days → 400, nothing stored", async (url, body) => {
    const r = await admin.json("PUT", url, body);
    expect(r.status).toBe(400);
    expect((await admin.json("GET", "/api/calendar/2028")).body.stored).toBe(false);
  });

  it("refuses editors", async () => {
    expect((await editor.json("PUT", "/api/calendar/2029", { version: null, days: [] })).status).toBe(403);
  });
});
