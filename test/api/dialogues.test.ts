/**
 * Dialogues with the people through the API: a commune chair's dialogue with its topics and commitments; a
 * commitment followed up (done only with its result); another made a task of the commune's plan in one step, its
 * follow-up then the task's; stale versions, a second task, bad input and other provinces refused, storing nothing.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let other: TestClient;
let body = 0;
let plan = 0;
const commitments: { id: number; version: number }[] = [];

const dialogue = (patch: Record<string, unknown> = {}) =>
  commune.json("POST", "/api/reception/dialogues", {
    bodyId: body,
    heldOn: "2026-03-12",
    kind: "dialogue",
    chairedBy: "Nguyễn Văn An, Chủ tịch UBND xã",
    place: "Hội trường ấp 2",
    participants: 85,
    topics: "Đường giao thông ấp 2 xuống cấp; hỗ trợ chuyển đổi cây trồng",
    commitments: [
      { content: "Sửa chữa tuyến đường ấp 2 trước mùa mưa", owner: "Phòng Kinh tế xã", dueOn: "2026-05-31" },
      { content: "Tập huấn chuyển đổi cây trồng cho hộ dân ấp 2", owner: "Hội Nông dân xã" },
    ],
    ...patch,
  });

beforeAll(async () => {
  t = await createTestApp();
  commune = await t.login("xa.thapmuoi");
  other = await t.login("thainguyen");
  body = (await commune.json("GET", "/api/units/30037/bodies")).body.items.find(
    (b: { kind: string }) => b.kind === "people_committee",
  ).id;
  plan = (await commune.json("POST", "/api/plans", { unitCode: "30037", title: "Kế hoạch năm 2026 của xã" }))
    .body.id;
});

describe("a dialogue with the people", () => {
  it("is recorded with its topics and commitments, and listed for the year with a summary", async () => {
    const r = await dialogue();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.commitments).toHaveLength(2);
    expect(r.body.commitments[0]).toMatchObject({ status: "open", dueOn: "2026-05-31", task: null });
    for (const c of r.body.commitments) commitments.push({ id: c.id, version: c.version });
    const year = await commune.json("GET", "/api/reception/dialogues?unit=30037&year=2026");
    const mine = year.body.items.find((d: { id: number }) => d.id === r.body.id);
    expect(mine).toMatchObject({
      participants: 85,
      kind: "dialogue",
      chairedBy: "Nguyễn Văn An, Chủ tịch UBND xã",
    });
    expect(year.body.summary.dialogues).toBeGreaterThanOrEqual(1);
    // the province above sees it too
    const province = await t.login("dongthap");
    const above = await province.json("GET", "/api/reception/dialogues?unit=82&year=2026");
    expect(above.body.items.some((d: { id: number }) => d.id === r.body.id)).toBe(true);
  });

  it("follows a commitment up: done only with what was done, a stale version refused", async () => {
    const c = commitments[1] as { id: number; version: number };
    const bare = await commune.json("PATCH", `/api/reception/commitments/${c.id}`, {
      version: c.version,
      status: "done",
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.field).toBe("result");
    const done = await commune.json("PATCH", `/api/reception/commitments/${c.id}`, {
      version: c.version,
      status: "done",
      result: "Đã tập huấn cho 60 hộ ngày 20/4/2026",
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: "done", overdue: false });
    const stale = await commune.json("PATCH", `/api/reception/commitments/${c.id}`, {
      version: c.version,
      status: "in_progress",
    });
    expect(stale.status).toBe(409);
    const audit = await sql<{ action: string }>`
      select action from audit_log where entity = 'dialogue_commitment' and entity_id = ${String(c.id)}`.execute(
      t.db,
    );
    expect(audit.rows.map((x) => x.action)).toEqual(["dialogue_commitment.update"]);
  });

  it("makes a commitment a task of the commune's plan in one step; the task's progress is then its follow-up", async () => {
    const c = commitments[0] as { id: number; version: number };
    const r = await commune.json("POST", `/api/reception/commitments/${c.id}/task`, {
      version: c.version,
      planId: plan,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.task).toMatchObject({ planId: plan, status: "not_started", dueOn: "2026-05-31" });
    const tasks = (await commune.json("GET", `/api/plans/${plan}`)).body.tasks as {
      id: number;
      title: string;
      assigneeUnitCode: string;
      version: number;
    }[];
    const task = tasks.find((x) => x.id === r.body.task.taskId);
    expect(task?.title).toBe(
      "Thực hiện cam kết tại buổi đối thoại ngày 12/03/2026: Sửa chữa tuyến đường ấp 2 trước mùa mưa",
    );
    expect(task?.assigneeUnitCode).toBe("30037");
    // the task moves: the commitment follows
    const moved = await commune.json("PATCH", `/api/tasks/${task?.id}`, {
      version: task?.version,
      status: "in_progress",
      progress: 40,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const year = await commune.json("GET", "/api/reception/dialogues?unit=30037&year=2026");
    const now = year.body.items
      .flatMap((d: { commitments: unknown[] }) => d.commitments)
      .find((x: { id: number }) => x.id === c.id);
    expect(now).toMatchObject({ status: "in_progress", task: { progress: 40 } });
    // its state is the task's: not set here, and not made a task twice
    const set = await commune.json("PATCH", `/api/reception/commitments/${c.id}`, {
      version: r.body.version,
      status: "done",
      result: "x",
    });
    expect(set.status).toBe(400);
    expect(set.body.error.details.field).toBe("status");
    const again = await commune.json("POST", `/api/reception/commitments/${c.id}/task`, {
      version: r.body.version,
      planId: plan,
    });
    expect(again.status).toBe(409);
  });

  it("refuses bad input with a clear 400 and other provinces with a 404, storing nothing", async () => {
    const count = async () =>
      (
        await sql<{
          n: string;
        }>`select (select count(*) from dialogue) + (select count(*) from plan_task) as n`.execute(t.db)
      ).rows[0]?.n;
    const before = await count();
    for (const patch of [
      { heldOn: "2099-01-01" },
      { participants: -1 },
      { kind: "festival" },
      { chairedBy: "" },
      { commitments: [{ content: "Sửa đường", dueOn: "2026-01-01" }] },
      { commitments: Array.from({ length: 51 }, () => ({ content: "Cam kết" })) },
      { bodyId: 2_147_483_648 },
    ]) {
      const r = await dialogue(patch);
      expect(r.status, JSON.stringify(patch)).toBe(400);
      expect(r.body.error.message_vi).toBeTruthy();
    }
    const fresh = (await dialogue({ commitments: [{ content: "Lắp đèn đường ấp 3" }] })).body.commitments[0];
    // no day to be due on, a plan of another province, a task due before the dialogue
    const noDay = await commune.json("POST", `/api/reception/commitments/${fresh.id}/task`, {
      version: fresh.version,
      planId: plan,
    });
    expect(noDay.status).toBe(400);
    expect(noDay.body.error.details.field).toBe("dueOn");
    const early = await commune.json("POST", `/api/reception/commitments/${fresh.id}/task`, {
      version: fresh.version,
      planId: plan,
      dueOn: "2026-01-01",
    });
    expect(early.status).toBe(400);
    const theirs = (await other.json("POST", "/api/plans", { unitCode: "19", title: "Kế hoạch Thái Nguyên" }))
      .body.id;
    const foreign = await commune.json("POST", `/api/reception/commitments/${fresh.id}/task`, {
      version: fresh.version,
      planId: theirs,
      dueOn: "2026-12-31",
    });
    expect(foreign.status).toBe(404);
    expect((await other.json("GET", "/api/reception/dialogues?unit=30037&year=2026")).status).toBe(404);
    expect(
      (await other.json("PATCH", `/api/reception/commitments/${fresh.id}`, { version: 1, result: "x" }))
        .status,
    ).toBe(404);
    const after = await count();
    // the one dialogue recorded on purpose (and Thái Nguyên's plan is no task)
    expect(Number(after)).toBe(Number(before) + 1);
  });
});
