/** Reminders: in the app for the owing unit, and by e-mail once each when SMTP is configured. */
import { beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "../../src/domain/dates.ts";
import { WorkingCalendar } from "../../src/domain/working-days.ts";
import { loadWorkingCalendar } from "../../src/features/calendar/calendar.service.ts";
import { type Mail, sendDueReminders } from "../../src/features/reporting/reminders/reminders.service.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestClient;
let commune: TestClient;
const today = todayInVietnam();
const shift = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
let soon: number;
let late: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  commune = await t.login("xa.thapmuoi");
  const cal: WorkingCalendar = await loadWorkingCalendar(t.db);
  const formId = (await admin.json("GET", "/api/forms")).body.items[0].id;
  const issue = async (end: string, deadline: string) => {
    const r = await admin.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId,
      period: { start: "2026-01-01", end },
      targetLevel: "commune",
      deadline,
      reminderDays: 2,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as number;
  };
  soon = await issue(shift(today, -5), cal.addWorkingDays(today, 1));
  late = await issue(shift(today, -20), shift(today, -3));
  expect(new WorkingCalendar().addWorkingDays(today, 1) > today).toBe(true);
});

describe("users carry an e-mail address", () => {
  it("is stored, and a bad one is refused", async () => {
    const bad = await admin.json("POST", "/api/users", {
      username: "thu.sai",
      displayName: "Sai",
      password: "password123",
      email: "not-an-address",
      grants: [{ role: "editor", unitCode: "30037" }],
    });
    expect(bad.status).toBe(400);
    const ok = await admin.json("POST", "/api/users", {
      username: "thu.thapmuoi",
      displayName: "Văn thư xã Tháp Mười",
      password: "password123",
      email: "vanthu@thapmuoi.dongthap.gov.vn",
      grants: [{ role: "editor", unitCode: "30037" }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.email).toBe("vanthu@thapmuoi.dongthap.gov.vn");
  });
});

describe("reminders", () => {
  it("shows the commune what is due soon and what is overdue", async () => {
    const r = await commune.json("GET", "/api/reminders");
    expect(r.status).toBe(200);
    const mine = r.body.items.filter(
      (i: { requestId: number }) => i.requestId === soon || i.requestId === late,
    );
    expect(mine.map((i: { kind: string }) => i.kind).sort()).toEqual(["due_soon", "overdue"]);
    expect(mine.find((i: { kind: string }) => i.kind === "due_soon").workingDaysLeft).toBe(1);
    const other = await t.login("thainguyen");
    const theirs = (await other.json("GET", "/api/reminders")).body.items;
    expect(theirs.some((i: { requestId: number }) => i.requestId === soon)).toBe(false);
  });

  it("e-mails the commune's editors once each, and retries a failed send", async () => {
    const box: Mail[] = [];
    let failing = true;
    const flaky = async (m: Mail) => {
      if (failing && m.subject.includes("Quá hạn")) throw new Error("SMTP down");
      box.push(m);
    };
    const first = await sendDueReminders(t.db, flaky, { baseUrl: "https://danvan.example" });
    const mine = box.filter((m) => m.to === "vanthu@thapmuoi.dongthap.gov.vn");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toMatch(/^\[danvan\] Sắp đến hạn báo cáo \(hạn \d\d\/\d\d\/\d{4}\)/);
    expect(mine[0]?.text).toContain("https://danvan.example/submissions/");
    expect(first).toBe(box.length);
    failing = false;
    box.length = 0;
    await sendDueReminders(t.db, flaky, { baseUrl: "https://danvan.example" });
    expect(box.map((m) => m.subject.slice(0, 26))).toEqual(["[danvan] Quá hạn báo cáo ("]);
    box.length = 0;
    expect(await sendDueReminders(t.db, flaky, { baseUrl: "https://danvan.example" })).toBe(0);
  });

  it("stops reminding once the report is sent", async () => {
    const item = (await commune.json("GET", "/api/reminders")).body.items.find(
      (i: { requestId: number }) => i.requestId === soon,
    );
    const s = await commune.json("GET", `/api/submissions/${item.submissionId}`);
    const sent = await commune.json("POST", `/api/submissions/${item.submissionId}/submit`, {
      version: s.body.submission.version,
    });
    expect(sent.status).toBe(200);
    const after = (await commune.json("GET", "/api/reminders")).body.items;
    expect(after.some((i: { requestId: number }) => i.requestId === soon)).toBe(false);
  });
});
