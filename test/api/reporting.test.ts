/**
 * Periodic reporting through the API: a province issues a request, a commune fills and submits it, the
 * province returns or accepts it, and the consolidated draft shows the numbers at once.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient; // dongthap: editor on 82
let approver: TestClient; // duyet.dongthap: approver on 82
let commune: TestClient; // xa.thapmuoi: editor on 30037
let other: TestClient; // thainguyen: editor on 19
let formId: number;

beforeAll(async () => {
  t = await createTestApp();
  province = await t.login("dongthap");
  approver = await t.login("duyet.dongthap");
  commune = await t.login("xa.thapmuoi");
  other = await t.login("thainguyen");
  const forms = await province.json("GET", "/api/forms");
  formId = forms.body.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id;
});

async function newRequest(period: string, extra: Record<string, unknown> = {}) {
  const r = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    formId,
    period: { code: period },
    referenceNo: "113-CV/BDVHU",
    targetLevel: "commune",
    ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: number; deadline: string; expected: number };
}

async function submissionOf(requestId: number, unit = "30037") {
  const inbox = await commune.json("GET", "/api/inbox");
  const item = inbox.body.items.find(
    (i: { requestId: number; unitCode: string }) => i.requestId === requestId && i.unitCode === unit,
  );
  expect(item).toBeDefined();
  const s = await commune.json("GET", `/api/submissions/${item.id}`);
  expect(s.status).toBe(200);
  return s.body;
}

const VALUES = {
  DVK_MODELS_TOTAL: { "": "12", "field=kinh tế": "5" },
  DVK_MODELS_NEW: { "": "7" },
  DVK_MODELS_KEPT: { "": "5" },
  LETTERS_RECEIVED: { "": "40" },
  LETTERS_RESOLVED: { "": "38" },
  DOSSIERS_RECEIVED: { "": "1200" },
  ONLINE_DOSSIER_SHARE: { "": "50.43" },
};

describe("forms and deadlines", () => {
  it("ships the three built-in forms", async () => {
    const r = await commune.json("GET", "/api/forms");
    expect(r.body.items.map((f: { code: string }) => f.code).sort()).toEqual([
      "dan-van-annual",
      "dvcq-thap-muoi",
      "tiep-cong-dan",
    ]);
  });
  it("proposes per-level deadlines in working days", async () => {
    const r = await province.json("GET", "/api/reporting/deadline?period=2024S1&level=commune");
    expect(r.status).toBe(200);
    expect(r.body.levels).toEqual([
      { level: "commune", deadline: "2024-06-18" },
      { level: "district", deadline: "2024-06-20" },
      { level: "province", deadline: "2024-06-24" },
    ]);
    expect((await province.json("GET", "/api/reporting/deadline?period=2024S7&level=commune")).status).toBe(
      400,
    );
  });
  it("a system admin adds a new version of a form; earlier versions stay", async () => {
    const admin = await t.login("admin");
    const f = (await admin.json("GET", `/api/forms/${formId}`)).body;
    const { id: _id, version: _v, builtIn: _b, ...def } = f;
    const r = await admin.json("POST", "/api/forms", { ...def, nameVi: `${def.nameVi} (sửa đổi)` });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ code: "dvcq-thap-muoi", version: 2, builtIn: false });
    expect((await admin.json("GET", `/api/forms/${formId}`)).body.version).toBe(1);
    const bad = await admin.json("POST", "/api/forms", {
      ...def,
      code: "bad-form",
      sections: [
        { key: "A", depth: 1, titleVi: "A", titleEn: "A", kind: "table", rows: [{ indicator: "NO_SUCH" }] },
      ],
      rules: [],
    });
    expect(bad.status).toBe(400);
    expect(
      (await admin.json("GET", "/api/forms")).body.items.some((x: { code: string }) => x.code === "bad-form"),
    ).toBe(false);
    expect((await province.json("POST", "/api/forms", def)).status).toBe(403);
  });
});

describe("request → fill → submit → accept → consolidated", () => {
  let requestId: number;
  let sub: { submission: { id: number; version: number } };

  it("issues a request to every commune of the province", async () => {
    const before = Number(
      (await sql<{ n: number }>`select count(*)::int as n from submission`.execute(t.db)).rows[0]?.n,
    );
    const r = await newRequest("2026");
    requestId = r.id;
    expect(r.deadline).toBe("2026-12-16");
    expect(r.expected).toBeGreaterThan(90);
    const after = Number(
      (await sql<{ n: number }>`select count(*)::int as n from submission`.execute(t.db)).rows[0]?.n,
    );
    expect(after - before).toBe(r.expected);
    const detail = await province.json("GET", `/api/requests/${requestId}`);
    expect(detail.body.counts).toMatchObject({ expected: r.expected, submitted: 0, missing: 0 });
    expect((await other.json("GET", `/api/requests/${requestId}`)).status).toBe(404);
  });

  it("the commune sees it in its inbox, the other province does not", async () => {
    sub = await submissionOf(requestId);
    expect(sub.submission).toMatchObject({ status: "not_started", timeliness: "pending" });
    // the province's inbox holds what the province itself must send, not every commune's report
    const mine = await province.json("GET", "/api/inbox");
    expect(mine.body.items.some((i: { requestId: number }) => i.requestId === requestId)).toBe(false);
    const others = await other.json("GET", "/api/inbox");
    expect(others.body.items.some((i: { requestId: number }) => i.requestId === requestId)).toBe(false);
    expect((await other.json("GET", `/api/submissions/${sub.submission.id}`)).status).toBe(404);
  });

  it("saves drafts with versions; a stale version is 409 and bad values are 400 with nothing stored", async () => {
    const id = sub.submission.id;
    const saved = await commune.json("PUT", `/api/submissions/${id}`, {
      version: sub.submission.version,
      values: { DVK_MODELS_TOTAL: { "": "10" } },
      narrative: { I: "Tình hình ổn định." },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.submission).toMatchObject({
      status: "draft",
      values: { DVK_MODELS_TOTAL: { "": "10" } },
    });
    // a write answers the submission's state, without what the page has and a write does not change
    expect(Object.keys(saved.body).sort()).toEqual([
      "can",
      "checks",
      "fed",
      "lateReasonNeeded",
      "submission",
    ]);
    expect(saved.body.can).toEqual({ fill: true, review: false, unlock: false });
    const stale = await commune.json("PUT", `/api/submissions/${id}`, {
      version: sub.submission.version,
      values: {},
    });
    expect(stale.status).toBe(409);
    for (const values of [
      { DVK_MODELS_TOTAL: { "": "1.5" } },
      { ONLINE_DOSSIER_SHARE: { "": "140" } },
      { NO_SUCH: { "": "1" } },
      { DVK_MODELS_TOTAL: { "colour=red": "1" } },
    ]) {
      const bad = await commune.json("PUT", `/api/submissions/${id}`, {
        version: saved.body.submission.version,
        values,
      });
      expect(bad.status, JSON.stringify(values)).toBe(400);
      expect(bad.body.error.message_vi.length).toBeGreaterThan(0);
    }
    const badNarrative = await commune.json("PUT", `/api/submissions/${id}`, {
      version: saved.body.submission.version,
      narrative: { "II.T": "not a narrative section" },
    });
    expect(badNarrative.status).toBe(400);
    const now = await commune.json("GET", `/api/submissions/${id}`);
    expect(now.body.submission.values).toEqual({ DVK_MODELS_TOTAL: { "": "10" } });
    expect(now.body.submission.version).toBe(saved.body.submission.version);
    sub = now.body;
  });

  it("stores values in their canonical form: trimmed, no trailing zeros, blanks dropped", async () => {
    const id = sub.submission.id;
    const typed = { ...VALUES, LETTERS_RECEIVED: { "": " 40 " }, ONLINE_DOSSIER_SHARE: { "": "50.430" } };
    const saved = await commune.json("PUT", `/api/submissions/${id}`, {
      version: sub.submission.version,
      values: { ...typed, RECEPTION_DAYS: { "": "  " }, DVK_MODELS_TOTAL: { "": "12", "field=kinh tế": "" } },
    });
    expect(saved.status).toBe(200);
    const stored = { ...VALUES, DVK_MODELS_TOTAL: { "": "12" } };
    expect(saved.body.submission.values).toEqual(stored);
    // typed canonically already, the values are stored as they came
    const again = await commune.json("PUT", `/api/submissions/${id}`, {
      version: saved.body.submission.version,
      values: VALUES,
    });
    expect(again.body.submission.values).toEqual(VALUES);
    const now = await commune.json("GET", `/api/submissions/${id}`);
    expect(now.body.submission.values).toEqual(VALUES);
    sub = now.body;
  });

  it("refuses to submit while an error rule fails (total = new + kept)", async () => {
    const r = await commune.json("POST", `/api/submissions/${sub.submission.id}/submit`, {
      version: sub.submission.version,
      values: { ...VALUES, DVK_MODELS_TOTAL: { "": "13" } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("validation_rules_failed");
    expect((await commune.json("GET", `/api/submissions/${sub.submission.id}`)).body.submission.status).toBe(
      "draft",
    );
  });

  it("refuses to submit a footnote reference without its note", async () => {
    const r = await commune.json("POST", `/api/submissions/${sub.submission.id}/submit`, {
      version: sub.submission.version,
      values: VALUES,
      narrative: { I: "Theo Kế hoạch 53-KH/HU[^1]." },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({
      field: "narrative.I",
      messageVi: "Chú thích [^1] chưa có nội dung",
    });
  });

  it("submits on time; only the requester may accept", async () => {
    const r = await commune.json("POST", `/api/submissions/${sub.submission.id}/submit`, {
      version: sub.submission.version,
      values: VALUES,
      narrative: {
        I: "Tình hình ổn định.",
        "IV.1": "Cấp ủy quan tâm lãnh đạo.",
        "II.1": "Thực hiện Kế hoạch 53-KH/HU[^1].\n[^1]: Kế hoạch số 53-KH/HU ngày 26/01/2022.",
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.submission).toMatchObject({ status: "submitted", timeliness: "on_time" });
    sub = r.body;
    expect(
      (
        await commune.json("POST", `/api/submissions/${sub.submission.id}/accept`, {
          version: sub.submission.version,
        })
      ).status,
    ).toBe(403);
    const pending = await province.json("GET", `/api/requests/${requestId}/consolidation`);
    const total = pending.body.indicators.find((i: { code: string }) => i.code === "DVK_MODELS_TOTAL");
    expect(total.accepted.value).toBeNull();
    expect(total.pending).toEqual({ value: "12", reporting: 1 });
  });

  it("returns with a comment, the commune resubmits, the province accepts: totals at once", async () => {
    const noComment = await province.json("POST", `/api/submissions/${sub.submission.id}/return`, {
      version: sub.submission.version,
    });
    expect(noComment.status).toBe(400);
    const ret = await province.json("POST", `/api/submissions/${sub.submission.id}/return`, {
      version: sub.submission.version,
      comment: "Bổ sung số liệu tiếp dân",
    });
    expect(ret.body.submission).toMatchObject({ status: "returned", comment: "Bổ sung số liệu tiếp dân" });
    const re = await commune.json("POST", `/api/submissions/${sub.submission.id}/submit`, {
      version: ret.body.submission.version,
      values: { ...VALUES, RECEPTION_DAYS: { "": "48" } },
    });
    expect(re.status).toBe(200);
    const acc = await province.json("POST", `/api/submissions/${sub.submission.id}/accept`, {
      version: re.body.submission.version,
    });
    expect(acc.body.submission.status).toBe("accepted");
    sub = acc.body;
    const c = await province.json("GET", `/api/requests/${requestId}/consolidation`);
    const byCode = Object.fromEntries(c.body.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode.DVK_MODELS_TOTAL.accepted).toMatchObject({
      value: "12",
      reporting: 1,
      combos: { "": "12", "field=kinh tế": "5" },
    });
    expect(byCode.RECEPTION_DAYS.accepted.value).toBe("48");
    expect(byCode.ONLINE_DOSSIER_SHARE.accepted.value).toBe("50.43");
    expect(byCode.DVK_MODELS_TOTAL.children["30037"]).toBe("12");
    expect(c.body.children.map((x: { code: string }) => x.code)).toContain("30037");
    const narrative = c.body.sections.find((s: { key: string }) => s.key === "IV.1");
    expect(narrative.excerpts).toEqual([
      expect.objectContaining({ unitCode: "30037", status: "accepted", text: "Cấp ủy quan tâm lãnh đạo." }),
    ]);
    const detail = await province.json("GET", `/api/requests/${requestId}`);
    expect(detail.body.counts).toMatchObject({ submitted: 1, accepted: 1, onTime: 1, late: 0 });
  });

  it("the requester writes its own summary beside the compiled excerpts (versioned)", async () => {
    const empty = await province.json("GET", `/api/requests/${requestId}/summary`);
    expect(empty.body).toEqual({ unitCode: "82", narrative: {}, figureSources: {}, version: 0 });
    const first = await province.json("PUT", `/api/requests/${requestId}/summary`, {
      version: 0,
      narrative: { "IV.1": "Các xã triển khai nghiêm túc; 12 mô hình “Dân vận khéo”." },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    expect(
      (await province.json("PUT", `/api/requests/${requestId}/summary`, { version: 0, narrative: {} }))
        .status,
    ).toBe(409);
    expect(
      (
        await province.json("PUT", `/api/requests/${requestId}/summary`, {
          version: 1,
          narrative: { "II.T": "x" },
        })
      ).status,
    ).toBe(400);
    expect(
      (await commune.json("PUT", `/api/requests/${requestId}/summary`, { version: 1, narrative: {} })).status,
    ).toBe(404);
    const again = await province.json("GET", `/api/requests/${requestId}/summary`);
    expect(again.body.narrative["IV.1"]).toContain("12 mô hình");
    // each write is in the audit log, with the sections it held
    const audit = await sql<{ after: { version: number; sections: string[] } }>`
      select after from audit_log where action = 'consolidation.summary' and entity_id = ${String(requestId)}
      order by id`.execute(t.db);
    expect(audit.rows.map((a) => a.after)).toEqual([
      expect.objectContaining({ version: 1, sections: ["IV.1"] }),
    ]);
  });

  it("accepted is locked; an editor cannot unlock, an approver can with a reason and the totals drop", async () => {
    const id = sub.submission.id;
    expect(
      (await commune.json("PUT", `/api/submissions/${id}`, { version: sub.submission.version, values: {} }))
        .status,
    ).toBe(409);
    expect(
      (
        await province.json("POST", `/api/submissions/${id}/unlock`, {
          version: sub.submission.version,
          comment: "x",
        })
      ).status,
    ).toBe(403);
    expect(
      (await approver.json("POST", `/api/submissions/${id}/unlock`, { version: sub.submission.version }))
        .status,
    ).toBe(400);
    const u = await approver.json("POST", `/api/submissions/${id}/unlock`, {
      version: sub.submission.version,
      comment: "Sai số liệu đơn thư",
    });
    expect(u.status).toBe(200);
    expect(u.body.submission.status).toBe("returned");
    const c = await province.json("GET", `/api/requests/${requestId}/consolidation`);
    expect(
      c.body.indicators.find((i: { code: string }) => i.code === "DVK_MODELS_TOTAL").accepted.value,
    ).toBeNull();
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from rollup_value v join report_request r
        on r.form_code = v.form_code and r.period_code = v.period_code
       where r.id = ${requestId}`.execute(t.db);
    expect(rows.rows[0]?.n).toBe(0);
  });

  it("keeps every version, to compare", async () => {
    const r = await commune.json("GET", `/api/submissions/${sub.submission.id}/revisions`);
    expect(r.body.items.map((x: { event: string }) => x.event)).toEqual([
      "unlock",
      "accept",
      "submit",
      "return",
      "submit",
      "save",
      "save",
      "save",
    ]);
    const first = await commune.json(
      "GET",
      `/api/submissions/${sub.submission.id}/revisions/${r.body.items.at(-1).version}`,
    );
    expect(first.body.values).toEqual({ DVK_MODELS_TOTAL: { "": "10" } });
    expect((await commune.json("GET", `/api/submissions/${sub.submission.id}/revisions/999`)).status).toBe(
      404,
    );
  });

  it("audits every step, the draft saves too, written with the step itself", async () => {
    const admin = await t.login("admin");
    const audit = await admin.json("GET", "/api/audit?entity=submission&limit=200");
    const mine = audit.body.items.filter(
      (e: { entityId: string }) => e.entityId === String(sub.submission.id),
    );
    const actions = mine.map((e: { action: string }) => e.action);
    expect(actions, JSON.stringify(actions)).toEqual([
      "submission.unlock",
      "submission.accept",
      "submission.submit",
      "submission.return",
      "submission.submit",
      "submission.save",
      "submission.save",
      "submission.save",
    ]);
    expect(mine.at(-1)).toMatchObject({
      actorName: "xa.thapmuoi",
      before: { status: "not_started" },
      after: { status: "draft" },
    });
    expect(mine[2]).toMatchObject({
      unitCode: "30037",
      actorName: "xa.thapmuoi",
      before: { status: "returned" },
      after: { status: "submitted" },
    });
    expect(mine[2].after.version).toBe(mine[2].before.version + 1);
  });
});

describe("requests to the bodies of one kind", () => {
  it("targets each People's Committee of the communes, and its editor fills it", async () => {
    const r = await newRequest("2026", { targetBodyKind: "people_committee", referenceNo: "55-CV/UBND" });
    const detail = await province.json("GET", `/api/requests/${r.id}`);
    // the demo gives bodies to Xã Tháp Mười only
    expect(detail.body.targets).toEqual([
      expect.objectContaining({
        unitCode: "30037",
        bodyName: "Ủy ban nhân dân xã Tháp Mười",
        status: "not_started",
      }),
    ]);
    const inbox = await commune.json("GET", "/api/inbox");
    expect(inbox.body.items.some((i: { requestId: number; bodyName: string }) => i.requestId === r.id)).toBe(
      true,
    );
  });
});

describe("late reports", () => {
  it("after the deadline a reason is required, and the report counts as late", async () => {
    const r = await newRequest("2026N9");
    expect(r.deadline < "2026-11-22").toBe(true);
    const s = await submissionOf(r.id);
    expect(s.lateReasonNeeded).toBe(true);
    const no = await commune.json("POST", `/api/submissions/${s.submission.id}/submit`, {
      version: s.submission.version,
      values: VALUES,
    });
    expect(no.status).toBe(400);
    expect(no.body.error.code).toBe("late_reason_required");
    const yes = await commune.json("POST", `/api/submissions/${s.submission.id}/submit`, {
      version: s.submission.version,
      values: VALUES,
      lateReason: "Cán bộ phụ trách nghỉ ốm",
    });
    expect(yes.body.submission).toMatchObject({
      status: "submitted",
      timeliness: "late",
      lateReason: "Cán bộ phụ trách nghỉ ốm",
    });
    const d = await province.json("GET", `/api/requests/${r.id}`);
    expect(d.body.counts.late).toBe(1);
    expect(d.body.counts.missing).toBe(d.body.counts.expected - 1);
  });
  it("refuses a deadline on or before the cut-off", async () => {
    const r = await province.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId,
      period: { code: "2026Q1" },
      targetLevel: "commune",
      deadline: "2026-03-14",
    });
    expect(r.status).toBe(400);
  });
});

describe("periods before the 2025 reform roll up through the old district and into today's units", () => {
  it("targets the communes of the time and remaps them", async () => {
    const r = await newRequest("2024");
    const detail = await province.json("GET", `/api/requests/${r.id}`);
    // communes of the old Đồng Tháp (87) and the old Tiền Giang (82) in 2024
    expect(detail.body.targets.length).toBeGreaterThan(250);
    const row = (
      await sql<{ id: number; rollup_path: string[]; partial: boolean }>`
        select s.id, s.rollup_path, s.partial from submission s
        where s.request_id = ${r.id} and '872' = any(s.rollup_path) and '30037' = any(s.rollup_path)
        order by s.unit_code limit 1`.execute(t.db)
    ).rows[0];
    expect(row).toBeDefined();
    expect(row?.rollup_path).toEqual(expect.arrayContaining(["87", "872", "82", "30037"]));
    // today's commune editor finds the historic commune's report in its inbox and fills it
    const inbox = await commune.json("GET", "/api/inbox");
    expect(inbox.body.items.some((i: { id: number }) => i.id === row?.id)).toBe(true);
    const s = await commune.json("GET", `/api/submissions/${row?.id}`);
    expect(s.body.can.fill).toBe(true);
    const sent = await commune.json("POST", `/api/submissions/${row?.id}/submit`, {
      version: s.body.submission.version,
      values: VALUES,
      lateReason: "Nhập bổ sung số liệu lịch sử",
    });
    expect(sent.status).toBe(200);
    await province.json("POST", `/api/submissions/${row?.id}/accept`, {
      version: sent.body.submission.version,
    });
    for (const unit of ["82", "87", "872", "30037"]) {
      const c = await province.json("GET", `/api/requests/${r.id}/consolidation?unit=${unit}`);
      const v = c.body.indicators.find((i: { code: string }) => i.code === "DVK_MODELS_TOTAL");
      expect(v.accepted.value, unit).toBe("12");
    }
  });
});

describe("concurrent writes", () => {
  it("two saves of the same version at the same moment: one wins, the other is 409, one revision kept", async () => {
    const r = await newRequest("2023Q3");
    const sub = await submissionOf(r.id);
    const { id, version } = sub.submission;
    const both = await Promise.all(
      ["11", "12"].map((n) =>
        commune.json("PUT", `/api/submissions/${id}`, { version, values: { DVK_MODELS_TOTAL: { "": n } } }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.status === 200) as (typeof both)[number];
    const now = await commune.json("GET", `/api/submissions/${id}`);
    expect(now.body.submission.version).toBe(version + 1);
    expect(now.body.submission.values).toEqual(winner.body.submission.values);
    const revisions = await commune.json("GET", `/api/submissions/${id}/revisions`);
    expect(revisions.body.items.map((x: { version: number }) => x.version)).toEqual([version + 1]);
  });
});
