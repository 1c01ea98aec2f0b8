/**
 * Implementation tracking: a plan breaks into tasks assigned to units; progress rolls up the
 * tree and across units; overdue tasks are flagged; the assignee updates its own tasks; a public page shows
 * status and milestones without internal notes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "../../src/domain/dates.ts";
import { loadWorkingCalendar } from "../../src/features/calendar/calendar.service.ts";
import { sendTaskReminders } from "../../src/features/plans/task-reminders.service.ts";
import type { Mail } from "../../src/features/reporting/reminders/reminders.service.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient;
let commune: TestClient;
let outsider: TestClient;
let planId: number;

beforeAll(async () => {
  t = await createTestApp();
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  outsider = await t.login("thainguyen");
});

describe("a plan and its tasks", () => {
  it("tracks a plan implementing a registered resolution", async () => {
    const nq = (await province.json("GET", "/api/registry?unit=82&q=01-NQ/TU")).body.items.find(
      (d: { numberSymbol: string }) => d.numberSymbol === "01-NQ/TU",
    );
    const p = await province.json("POST", "/api/plans", {
      unitCode: "82",
      title: "Kế hoạch thực hiện Nghị quyết số 01-NQ/TU về công tác dân vận",
      registryDocumentId: nq.id,
    });
    expect(p.status).toBe(201);
    planId = p.body.id;
    expect((await commune.json("POST", "/api/plans", { unitCode: "82", title: "x" })).status).toBe(404);
  });

  it("breaks into weighted tasks for units below, with subtasks, and rolls progress up", async () => {
    const a = await province.json("POST", `/api/plans/${planId}/tasks`, {
      title: "Nhân rộng mô hình “Dân vận khéo”",
      assigneeUnitCode: "30037",
      dueOn: "2020-06-30", // already past: overdue
      weight: 3,
    });
    expect(a.status).toBe(201);
    const parent = a.body.tasks[0].id;
    await province.json("POST", `/api/plans/${planId}/tasks`, {
      parentId: parent,
      title: "Đăng ký mô hình mới",
      assigneeUnitCode: "30037",
      dueOn: "2099-03-31",
    });
    const b = await province.json("POST", `/api/plans/${planId}/tasks`, {
      title: "Sơ kết, báo cáo Tỉnh ủy",
      assigneeUnitCode: "82",
      dueOn: "2099-12-31",
      weight: 1,
    });
    expect(b.body.tasks).toHaveLength(3);
    expect(b.body.progress).toBe(0);
    expect(b.body.tasks.find((x: { id: number }) => x.id === parent).overdue).toBe(true);
    expect(b.body.byUnit[0]).toMatchObject({ unitCode: "30037" }); // behind: it has the overdue task
    const foreign = await province.json("POST", `/api/plans/${planId}/tasks`, {
      title: "x",
      assigneeUnitCode: "19",
      dueOn: "2099-01-01",
    });
    expect(foreign.status).toBe(400);
  });

  it("lets the commune update its own task (versioned), not the province's", async () => {
    const plan = await commune.json("GET", `/api/plans/${planId}`);
    expect(plan.status).toBe(200);
    const sub = plan.body.tasks.find((x: { title: string }) => x.title === "Đăng ký mô hình mới");
    const own = plan.body.tasks.find((x: { title: string }) => x.title === "Sơ kết, báo cáo Tỉnh ủy");
    expect(plan.body.can.update).toEqual(expect.arrayContaining([sub.id]));
    expect(plan.body.can.update).not.toContain(own.id);
    const done = await commune.json("PATCH", `/api/tasks/${sub.id}`, {
      version: sub.version,
      status: "done",
      note: "Đã đăng ký 12 mô hình",
    });
    expect(done.status).toBe(200);
    // the subtask is the parent's only child: the parent is at 100; plan = (3 × 100 + 1 × 0) / 4
    expect(done.body.progress).toBe(75);
    expect(
      (await commune.json("PATCH", `/api/tasks/${sub.id}`, { version: sub.version, status: "in_progress" }))
        .status,
    ).toBe(409);
    expect(
      (await commune.json("PATCH", `/api/tasks/${own.id}`, { version: own.version, status: "done" })).status,
    ).toBe(404);
    const half = await province.json("PATCH", `/api/tasks/${own.id}`, {
      version: own.version,
      status: "in_progress",
      progress: 40,
    });
    expect(half.body.progress).toBe(85); // (300 + 40) / 4
  });

  it("adds a milestone with a registered document as evidence", async () => {
    const plan = await province.json("GET", `/api/plans/${planId}`);
    const own = plan.body.tasks.find((x: { title: string }) => x.title === "Sơ kết, báo cáo Tỉnh ủy");
    const kh = (await province.json("GET", "/api/registry?unit=82&q=53-KH/HU")).body.items[0];
    const m = await province.json("POST", `/api/tasks/${own.id}/milestones`, {
      title: "Báo cáo sơ kết 03 năm",
      dueOn: "2024-02-15",
      doneOn: "2024-02-05",
      evidenceDocumentId: kh.id,
    });
    expect(m.status).toBe(201);
    expect(m.body.tasks.find((x: { id: number }) => x.id === own.id).milestones).toEqual([
      expect.objectContaining({
        title: "Báo cáo sơ kết 03 năm",
        doneOn: "2024-02-05",
        evidenceDocumentId: kh.id,
      }),
    ]);
    const audit = await (await t.login("admin")).json("GET", "/api/audit?entity=plan_milestone");
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: "plan_milestone.create",
        after: expect.objectContaining({
          taskId: own.id,
          title: "Báo cáo sơ kết 03 năm",
          evidenceDocumentId: kh.id,
        }),
      }),
    ]);
  });

  it("reminds the commune of its overdue task, not the other province", async () => {
    const mine = (await commune.json("GET", "/api/tasks/overdue")).body.items;
    expect(mine).toEqual([
      expect.objectContaining({
        title: "Nhân rộng mô hình “Dân vận khéo”",
        assigneeUnitCode: "30037",
        planId,
      }),
    ]);
    expect((await outsider.json("GET", "/api/tasks/overdue")).body.items).toEqual([]);
  });

  it("keeps other provinces out and lists the plan for the province and for the commune", async () => {
    expect((await outsider.json("GET", `/api/plans/${planId}`)).status).toBe(404);
    expect(
      (await province.json("GET", "/api/plans?unit=82")).body.items.map((p: { id: number }) => p.id),
    ).toContain(planId);
    const mine = (await commune.json("GET", "/api/plans?unit=30037")).body.items;
    expect(mine.find((p: { id: number }) => p.id === planId)).toMatchObject({ progress: 85, tasks: 3 });
  });
});

describe("the public page", () => {
  it("is off by default, shows status and milestones without notes when on, and goes away when off", async () => {
    const on = await province.json("PUT", `/api/plans/${planId}/public`, { public: true });
    expect(on.body.isPublic).toBe(true);
    const token = on.body.publicToken as string;
    const page = await t.anonymous.json("GET", `/api/public/plans/${token}`);
    expect(page.status).toBe(200);
    expect(page.body.progress).toBe(85);
    expect(JSON.stringify(page.body)).not.toContain("Đã đăng ký 12 mô hình");
    expect(page.body.tasks[0]).not.toHaveProperty("note");
    expect((await commune.json("PUT", `/api/plans/${planId}/public`, { public: false })).status).toBe(404);
    await province.json("PUT", `/api/plans/${planId}/public`, { public: false });
    expect((await t.anonymous.json("GET", `/api/public/plans/${token}`)).status).toBe(404);
  });
});

describe("task reminders by e-mail", () => {
  const today = todayInVietnam();
  const shift = (d: string, days: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const base = { baseUrl: "https://danvan.example", today };
  const vi = (iso: string) => iso.split("-").reverse().join("/");
  let plan: number;
  let soonTask: { id: number; version: number };

  it("e-mails the assignee's editors once when a task is due soon and once when it is overdue", async () => {
    const admin = await t.login("admin");
    const user = await admin.json("POST", "/api/users", {
      username: "kh.thapmuoi",
      displayName: "Cán bộ theo dõi kế hoạch",
      password: "password123",
      email: "kehoach@thapmuoi.dongthap.gov.vn",
      grants: [{ role: "editor", unitCode: "30037" }],
    });
    expect(user.status).toBe(201);
    const cal = await loadWorkingCalendar(t.db);
    plan = (await province.json("POST", "/api/plans", { unitCode: "82", title: "Kế hoạch nhắc việc" })).body
      .id;
    const add = (title: string, dueOn: string) =>
      province.json("POST", `/api/plans/${plan}/tasks`, { title, assigneeUnitCode: "30037", dueOn });
    await add("Hoàn thành đăng ký mô hình", cal.addWorkingDays(today, 1));
    await add("Gửi báo cáo sơ kết", shift(today, -5));
    await add("Tổng kết năm", shift(today, 60)); // not yet
    const last = await add("Việc đã xong", shift(today, -4));
    const tasks = last.body.tasks as { id: number; title: string; version: number }[];
    const done = tasks.find((x) => x.title === "Việc đã xong");
    expect(
      (await province.json("PATCH", `/api/tasks/${done?.id}`, { version: done?.version, status: "done" }))
        .status,
    ).toBe(200);
    soonTask = tasks.find((x) => x.title === "Hoàn thành đăng ký mô hình") as { id: number; version: number };

    const box: Mail[] = [];
    let failing = true;
    const flaky = async (m: Mail) => {
      if (failing && m.subject.includes("quá hạn")) throw new Error("SMTP down");
      box.push(m);
    };
    await sendTaskReminders(t.db, flaky, base);
    const mine = () => box.filter((m) => m.to === "kehoach@thapmuoi.dongthap.gov.vn");
    expect(mine().map((m) => m.subject)).toEqual([
      `[danvan] Nhiệm vụ sắp đến hạn (hạn ${vi(cal.addWorkingDays(today, 1))}): Hoàn thành đăng ký mô hình`,
    ]);
    expect(mine()[0]?.text).toContain("Kế hoạch: Kế hoạch nhắc việc");
    expect(mine()[0]?.text).toContain(`https://danvan.example/plans/${plan}`);
    // the failed overdue e-mail is tried again on the next run; nothing is sent twice
    failing = false;
    box.length = 0;
    await sendTaskReminders(t.db, flaky, base);
    expect(mine().map((m) => m.subject)).toEqual([
      `[danvan] Nhiệm vụ quá hạn (hạn ${vi(shift(today, -5))}): Gửi báo cáo sơ kết`,
    ]);
    box.length = 0;
    await sendTaskReminders(t.db, flaky, base);
    expect(mine()).toEqual([]);
  });

  it("says nothing more of a task once it is done", async () => {
    const box: Mail[] = [];
    const send = async (m: Mail) => {
      box.push(m);
    };
    const tomorrowLate = { ...base, today: shift(today, 30) }; // every open task is overdue by then
    expect(
      (
        await commune.json("PATCH", `/api/tasks/${soonTask.id}`, {
          version: soonTask.version,
          status: "done",
        })
      ).status,
    ).toBe(200);
    await sendTaskReminders(t.db, send, tomorrowLate);
    const subjects = box.filter((m) => m.to === "kehoach@thapmuoi.dongthap.gov.vn").map((m) => m.subject);
    expect(subjects.some((s) => s.includes("Hoàn thành đăng ký mô hình"))).toBe(false);
    expect(subjects.some((s) => s.includes("Việc đã xong"))).toBe(false);
  });
});
