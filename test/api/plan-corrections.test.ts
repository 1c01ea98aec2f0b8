/**
 * Plans, tasks and milestones can be corrected (PATCH /api/plans/{id}, /api/tasks/{id}, /api/milestones/{id}):
 * each with the version read (409 when stale) and before/after in the audit log; a plan stopped stays listed as
 * cancelled; a milestone is marked done only with its evidence.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let admin: TestClient;
let province: TestClient;
let commune: TestClient;
let plan: { id: number; version: number };
let task: { id: number; version: number };

beforeAll(async () => {
  const t = await createTestApp();
  admin = await t.login("admin");
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  const p = await province.json("POST", "/api/plans", { unitCode: "82", title: "Kế hoạch dân vận năm 2027" });
  const withTask = await province.json("POST", `/api/plans/${p.body.id}/tasks`, {
    title: "Đối thoại với Nhân dân",
    assigneeUnitCode: "30037",
    dueOn: "2027-06-30",
  });
  plan = { id: p.body.id, version: p.body.version };
  task = withTask.body.tasks[0];
  await province.json("POST", `/api/tasks/${task.id}/milestones`, {
    title: "Tổ chức hội nghị",
    dueOn: "2026-11-30",
  });
});

const detail = async () => (await province.json("GET", `/api/plans/${plan.id}`)).body;

describe("a plan corrected", () => {
  it("takes a new title with its version; a stale version is refused", async () => {
    const r = await province.json("PATCH", `/api/plans/${plan.id}`, {
      version: plan.version,
      title: "Kế hoạch công tác dân vận năm 2027",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.title).toBe("Kế hoạch công tác dân vận năm 2027");
    const stale = await province.json("PATCH", `/api/plans/${plan.id}`, {
      version: plan.version,
      title: "Khác",
    });
    expect(stale.status).toBe(409);
    plan.version = r.body.version;
    const audit = await admin.json("GET", "/api/audit?entity=plan");
    const entry = audit.body.items.find((e: { action: string }) => e.action === "plan.update");
    expect(entry.before.title).toBe("Kế hoạch dân vận năm 2027");
    expect(entry.after.title).toBe("Kế hoạch công tác dân vận năm 2027");
  });

  it("is stopped only with a reason, and stays listed as cancelled", async () => {
    const none = await province.json("PATCH", `/api/plans/${plan.id}`, {
      version: plan.version,
      status: "cancelled",
    });
    expect(none.status).toBe(400);
    expect(none.body.error.details.field).toBe("cancelReason");
    const r = await province.json("PATCH", `/api/plans/${plan.id}`, {
      version: plan.version,
      status: "cancelled",
      cancelReason: "Gộp vào kế hoạch năm",
    });
    expect(r.status).toBe(200);
    const list = await province.json("GET", "/api/plans?unit=82");
    expect(list.body.items.find((p: { id: number }) => p.id === plan.id)).toMatchObject({
      status: "cancelled",
      cancelReason: "Gộp vào kế hoạch năm",
    });
    // started again
    const back = await province.json("PATCH", `/api/plans/${plan.id}`, {
      version: r.body.version,
      status: "active",
    });
    expect(back.body).toMatchObject({ status: "active", cancelReason: null });
    plan.version = back.body.version;
  });

  it("once stopped, its late tasks are no longer listed as late", async () => {
    const p = await province.json("POST", "/api/plans", { unitCode: "82", title: "Kế hoạch cũ" });
    const withTask = await province.json("POST", `/api/plans/${p.body.id}/tasks`, {
      title: "Việc đã quá hạn",
      assigneeUnitCode: "30037",
      dueOn: "2026-01-15",
    });
    const late = async () =>
      (await province.json("GET", "/api/tasks/overdue")).body.items.some(
        (x: { id: number }) => x.id === withTask.body.tasks[0].id,
      );
    expect(await late()).toBe(true);
    await province.json("PATCH", `/api/plans/${p.body.id}`, {
      version: withTask.body.version,
      status: "cancelled",
      cancelReason: "Không còn phù hợp",
    });
    expect(await late()).toBe(false);
  });

  it("is corrected only by its managers", async () => {
    const r = await commune.json("PATCH", `/api/plans/${plan.id}`, { version: plan.version, title: "Khác" });
    expect([403, 404]).toContain(r.status);
  });
});

describe("a task corrected", () => {
  it("by the plan's managers: title, due date; a unit outside the plan is refused", async () => {
    const r = await province.json("PATCH", `/api/tasks/${task.id}`, {
      version: task.version,
      title: "Tổ chức đối thoại với Nhân dân",
      dueOn: "2027-07-31",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const t = r.body.tasks.find((x: { id: number }) => x.id === task.id);
    expect(t).toMatchObject({ title: "Tổ chức đối thoại với Nhân dân", dueOn: "2027-07-31" });
    const far = await province.json("PATCH", `/api/tasks/${task.id}`, {
      version: t.version,
      assigneeUnitCode: "19",
    });
    expect(far.status).toBe(400);
    expect(far.body.error.details.field).toBe("assigneeUnitCode");
    task.version = t.version;
  });

  it("its assignee reports progress but does not rewrite it", async () => {
    const progress = await commune.json("PATCH", `/api/tasks/${task.id}`, {
      version: task.version,
      progress: 40,
    });
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    const t = progress.body.tasks.find((x: { id: number }) => x.id === task.id);
    const rewrite = await commune.json("PATCH", `/api/tasks/${task.id}`, {
      version: t.version,
      title: "Khác",
    });
    expect(rewrite.status).toBe(403);
    task.version = t.version;
  });
});

describe("a milestone marked done", () => {
  const milestone = async () =>
    (await detail()).tasks.find((x: { id: number }) => x.id === task.id).milestones[0];

  it("needs its evidence, a day already come, and its version", async () => {
    const m = await milestone();
    const bare = await commune.json("PATCH", `/api/milestones/${m.id}`, {
      version: m.version,
      doneOn: "2026-11-28",
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.field).toBe("evidenceNote");
    const future = await commune.json("PATCH", `/api/milestones/${m.id}`, {
      version: m.version,
      doneOn: "2099-01-01",
      evidenceNote: "Biên bản hội nghị",
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.field).toBe("doneOn");
    const ok = await commune.json("PATCH", `/api/milestones/${m.id}`, {
      version: m.version,
      doneOn: "2026-11-28",
      evidenceNote: "Biên bản hội nghị ngày 28/11/2026",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await milestone()).toMatchObject({
      doneOn: "2026-11-28",
      evidenceNote: "Biên bản hội nghị ngày 28/11/2026",
    });
    const stale = await commune.json("PATCH", `/api/milestones/${m.id}`, {
      version: m.version,
      title: "Khác",
    });
    expect(stale.status).toBe(409);
    const audit = await admin.json("GET", "/api/audit?entity=plan_milestone");
    const entry = audit.body.items.find((e: { action: string }) => e.action === "plan_milestone.update");
    expect(entry.before.doneOn).toBeNull();
    expect(entry.after.doneOn).toBe("2026-11-28");
  });

  it("cites only a document its user may read", async () => {
    const m = await milestone();
    const r = await commune.json("PATCH", `/api/milestones/${m.id}`, {
      version: m.version,
      evidenceDocumentId: 99999999,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe("evidenceDocumentId");
  });
});
