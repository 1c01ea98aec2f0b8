/**
 * The annual "dân vận chính quyền" evaluation: the province sets its scheme from an example and
 * every commune is enrolled; the commune scores itself with evidence inside the window; the province appraises
 * (Tháp Mười 2021: 95,5 capped to HTTNV for a dismissal); publishing ranks the units (ties share a rank); the
 * history shows score, band and rank per year.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "../../src/domain/dates.ts";
import { pdfFile } from "../fixtures/files.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient; // dongthap: editor on 82
let commune: TestClient; // xa.thapmuoi: editor on 30037
let outsider: TestClient; // thainguyen: editor on 19
let admin: TestClient;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const shift = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Every self-scored item of the Bắc Kạn example at full marks, with evidence; `except` lowers some. */
const fullMarks = (except: Record<string, string> = {}) => ({
  BK1: { points: except.BK1 ?? "15", evidence: "Báo cáo số 12/BC-UBND" },
  BK2: { points: except.BK2 ?? "15", evidence: "Quy chế dân chủ" },
  BK3: { points: except.BK3 ?? "15", evidence: "Kết quả CCHC" },
  BK4: { points: except.BK4 ?? "10", evidence: "Sổ tiếp công dân" },
  BK5: { points: except.BK5 ?? "10", evidence: "Kết quả đánh giá cán bộ" },
  BK6: { points: except.BK6 ?? "10", evidence: "Quy chế phối hợp" },
  BK7: { points: except.BK7 ?? "10", evidence: "Danh sách mô hình" },
  BK8: { points: except.BK8 ?? "5", evidence: "Sổ theo dõi báo cáo" },
});

let schemeId: number;
let mine: { id: number; version: number };

beforeAll(async () => {
  t = await createTestApp({ watchRevisions: true }); // the fed values are kept in memory, as on a server
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  outsider = await t.login("thainguyen");
  admin = await t.login("admin");
});

describe("the scheme", () => {
  it("ships the example schemes, marked as examples", async () => {
    const e = await commune.json("GET", "/api/evaluation-schemes/examples");
    expect(e.body.items.map((x: { key: string }) => x.key)).toEqual(["bac-kan-2017", "quang-binh-2022"]);
    expect(e.body.items[0].nameVi).toMatch(/^Ví dụ theo Bắc Kạn/);
  });

  it("is set by the province from an example, enrolling every commune; once a year", async () => {
    const body = {
      provinceCode: "82",
      year,
      exampleKey: "bac-kan-2017",
      selfFrom: shift(today, -10),
      selfUntil: shift(today, 10),
    };
    expect((await commune.json("POST", "/api/evaluation-schemes", body)).status).toBe(404);
    const r = await province.json("POST", "/api/evaluation-schemes", body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    schemeId = r.body.id;
    expect(r.body.enrolled).toBeGreaterThan(50);
    expect((await province.json("POST", "/api/evaluation-schemes", body)).status).toBe(409);
    const bad = await province.json("POST", "/api/evaluation-schemes", {
      ...body,
      year: year + 1,
      exampleKey: undefined,
      scheme: {
        items: [
          {
            code: "A",
            titleVi: "A",
            kind: "criterion",
            maxPoints: "10",
            scoredBy: "unit",
            evidenceRequired: false,
          },
        ],
        bands: [
          { code: "HT", nameVi: "Hoàn thành", min: "50" },
          { code: "XS", nameVi: "Xuất sắc", min: "90" },
        ],
        caps: [],
      },
    });
    expect(bad.status).toBe(400);
    expect((await province.json("GET", "/api/evaluation-schemes?unit=82")).body.items).toHaveLength(1);
  });

  it("shows the commune its own evaluation only", async () => {
    const list = await commune.json("GET", "/api/evaluation-schemes?unit=30037");
    expect(list.body.items[0].id).toBe(schemeId);
    const s = await commune.json("GET", `/api/evaluation-schemes/${schemeId}`);
    expect(s.body.evaluations.map((e: { unitCode: string }) => e.unitCode)).toEqual(["30037"]);
    mine = s.body.evaluations[0];
    expect((await outsider.json("GET", `/api/evaluation-schemes/${schemeId}`)).status).toBe(404);
  });
});

describe("correcting the scheme", () => {
  it("is done by the province with its version, before any unit scores itself; audited", async () => {
    const s = (await province.json("GET", `/api/evaluation-schemes/${schemeId}`)).body;
    const scheme = structuredClone(s.scheme);
    scheme.items[0].titleVi = "Lãnh đạo, chỉ đạo công tác dân vận chính quyền của UBND";
    const edit = { version: s.version, name: `Đánh giá dân vận chính quyền năm ${year}`, scheme };
    expect((await commune.json("PATCH", `/api/evaluation-schemes/${schemeId}`, edit)).status).toBe(404);
    expect((await outsider.json("PATCH", `/api/evaluation-schemes/${schemeId}`, edit)).status).toBe(404);
    const bad = await province.json("PATCH", `/api/evaluation-schemes/${schemeId}`, {
      version: s.version,
      selfUntil: shift(today, -20),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe("selfUntil");
    const r = await province.json("PATCH", `/api/evaluation-schemes/${schemeId}`, edit);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ version: s.version + 1, name: edit.name, enrols: "commune" });
    expect(r.body.scheme.items[0].titleVi).toBe(scheme.items[0].titleVi);
    const stale = await province.json("PATCH", `/api/evaluation-schemes/${schemeId}`, edit);
    expect(stale.status).toBe(409);
    const audit = await admin.json("GET", "/api/audit?entity=evaluation_scheme");
    const entry = audit.body.items.find((e: { action: string }) => e.action === "evaluation_scheme.update");
    expect(entry.before.name).toBe(s.name);
    expect(entry.after.name).toBe(edit.name);
  });

  it("enrols the districts of a year before the reform, or refuses when the province has none", async () => {
    const body = {
      year: 2023,
      exampleKey: "bac-kan-2017",
      selfFrom: "2023-11-01",
      selfUntil: "2023-11-30",
      enrols: "district",
    };
    const old = await admin.json("POST", "/api/evaluation-schemes", { ...body, provinceCode: "87" });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(old.body).toMatchObject({ enrols: "district", enrolled: 12 });
    const units = (await admin.json("GET", `/api/evaluation-schemes/${old.body.id}`)).body.evaluations;
    expect(units.map((e: { unitCode: string }) => e.unitCode)).toContain("872");
    const none = await province.json("POST", "/api/evaluation-schemes", {
      ...body,
      year: year + 2,
      selfFrom: today,
      selfUntil: today,
      provinceCode: "82",
    });
    expect(none.status).toBe(400);
    expect(none.body.error.details.field).toBe("enrols");
  });
});

describe("withdrawing a scheme", () => {
  it("needs a reason; the scheme stays listed, marked, takes no score; another takes its place; audited", async () => {
    const body = {
      provinceCode: "82",
      year: year + 3,
      exampleKey: "bac-kan-2017",
      selfFrom: shift(today, -1),
      selfUntil: shift(today, 1),
    };
    const made = await province.json("POST", "/api/evaluation-schemes", body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id as number;
    const bare = await province.json("PATCH", `/api/evaluation-schemes/${id}`, {
      version: made.body.version,
      withdrawn: true,
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.field).toBe("withdrawnReason");
    expect(
      (
        await commune.json("PATCH", `/api/evaluation-schemes/${id}`, {
          version: made.body.version,
          withdrawn: true,
          withdrawnReason: "Nhầm năm",
        })
      ).status,
    ).toBe(404);
    const w = await province.json("PATCH", `/api/evaluation-schemes/${id}`, {
      version: made.body.version,
      withdrawn: true,
      withdrawnReason: "Ban hành nhầm năm đánh giá",
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.withdrawn).toEqual({ on: today, reason: "Ban hành nhầm năm đánh giá" });
    const listed = await commune.json("GET", "/api/evaluation-schemes?unit=30037");
    expect(listed.body.items.find((x: { id: number }) => x.id === id)?.withdrawn?.reason).toBe(
      "Ban hành nhầm năm đánh giá",
    );
    // it takes no change, no score, no publication
    expect(
      (await province.json("PATCH", `/api/evaluation-schemes/${id}`, { version: w.body.version, name: "X" }))
        .status,
    ).toBe(409);
    const detail = (await commune.json("GET", `/api/evaluation-schemes/${id}`)).body;
    const own = detail.evaluations.find((e: { unitCode: string }) => e.unitCode === "30037");
    const evaluation = (await commune.json("GET", `/api/evaluations/${own.id}`)).body;
    expect(evaluation.can.self).toBe(false);
    const scored = await commune.json("PUT", `/api/evaluations/${own.id}/self`, {
      version: own.version,
      scores: fullMarks(),
    });
    expect(scored.status).toBe(409);
    expect(scored.body.error.message_vi).toContain("Ban hành nhầm năm đánh giá");
    const published = await province.json("POST", `/api/evaluation-schemes/${id}/publish`, {
      version: w.body.version,
      notRankUnappraised: true,
    });
    expect(published.status).toBe(409);
    // another scheme for the same year and units takes its place; listed before the withdrawn one
    const again = await province.json("POST", "/api/evaluation-schemes", body);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const years = (await province.json("GET", "/api/evaluation-schemes?unit=82")).body.items.filter(
      (x: { year: number }) => x.year === year + 3,
    );
    expect(years.map((x: { id: number }) => x.id)).toEqual([again.body.id, id]);
    const audit = await admin.json("GET", "/api/audit?entity=evaluation_scheme");
    expect(
      audit.body.items.some(
        (e: { action: string; entityId: string }) =>
          e.action === "evaluation_scheme.withdraw" && e.entityId === String(id),
      ),
    ).toBe(true);
  });

  it("lets a province score its departments in a year it scores its communes", async () => {
    const departments = {
      provinceCode: "82",
      year,
      exampleKey: "bac-kan-2017",
      selfFrom: shift(today, -10),
      selfUntil: shift(today, 10),
      enrols: "department",
    };
    const r = await province.json("POST", "/api/evaluation-schemes", departments);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.enrols).toBe("department");
    const twice = await province.json("POST", "/api/evaluation-schemes", departments);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message_vi).toContain("sở, ban, ngành");
  });
});

describe("self-scoring and appraisal", () => {
  it("refuses a score above the maximum, missing evidence or an item the superior scores; nothing stored", async () => {
    for (const scores of [
      { BK8: { points: "6", evidence: "x" } },
      { BK1: { points: "15" } },
      { BK9: { points: "10" } },
      { BK1: { points: "mười" } },
    ]) {
      const r = await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
        version: mine.version,
        scores,
      });
      expect(r.status, JSON.stringify(scores)).toBe(400);
      expect(r.body.error.message_vi).toBeTruthy();
    }
    const e = await commune.json("GET", `/api/evaluations/${mine.id}`);
    expect(e.body).toMatchObject({ version: 1, ownScores: {}, status: "draft" });
  });

  it("keeps evidence files per criterion: a file is the criterion's evidence; checked, audited, readable above", async () => {
    const send = (c: TestClient, query: string, bytes: Uint8Array) =>
      c.request("POST", `/api/evaluations/${mine.id}/attachments?${query}`, bytes, {
        "content-type": "application/octet-stream",
      });
    const pdf = new Uint8Array(pdfFile("Quy che dan chu"));
    expect((await send(outsider, "filename=qc.pdf&item=BK2", pdf)).status).toBe(404);
    expect((await send(commune, "filename=qc.pdf&item=BK9", pdf)).status).toBe(400); // the superior's item
    expect((await send(commune, "filename=qc.pdf&item=ZZ", pdf)).status).toBe(400);
    const exe = await send(commune, "filename=qc.exe&item=BK2", new Uint8Array([77, 90, 0, 0]));
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { error: { message_vi: string } }).error.message_vi).toBeTruthy();
    const r = await send(commune, "filename=quy-che-dan-chu.pdf&item=BK2", pdf);
    expect(r.status).toBe(201);
    const file = (await r.json()) as { id: number; filename: string };
    const e = (await commune.json("GET", `/api/evaluations/${mine.id}`)).body;
    expect(e.attachments).toEqual([
      expect.objectContaining({ id: file.id, itemCode: "BK2", filename: "quy-che-dan-chu.pdf" }),
    ]);
    // the file stands for BK2's evidence; BK3 without any is still refused
    const noText = await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
      version: mine.version,
      scores: { BK2: { points: "15" } },
    });
    expect(noText.status, JSON.stringify(noText.body)).toBe(200);
    const bk3 = await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
      version: noText.body.version,
      scores: { BK3: { points: "15" } },
    });
    expect(bk3.status).toBe(400);
    // the province that appraises reads it; another province does not
    expect((await province.request("GET", `/api/evaluations/attachments/${file.id}`)).status).toBe(200);
    expect((await outsider.request("GET", `/api/evaluations/attachments/${file.id}`)).status).toBe(404);
    // taken away and attached again while the self-assessment is open; each is audited
    expect((await commune.json("DELETE", `/api/evaluations/attachments/${file.id}`)).status).toBe(200);
    expect((await send(commune, "filename=quy-che-dan-chu.pdf&item=BK2", pdf)).status).toBe(201);
    const audit = await admin.json("GET", "/api/audit?entity=evaluation");
    const actions = audit.body.items.map((x: { action: string }) => x.action);
    expect(actions).toEqual(
      expect.arrayContaining(["evaluation_attachment.create", "evaluation_attachment.delete"]),
    );
    // back to the draft the next case starts from
    const reset = await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
      version: noText.body.version,
      scores: {},
    });
    expect(reset.status).toBe(200);
    mine = reset.body;
  });

  it("saves a draft, refuses an incomplete submission, then submits", async () => {
    const draft = await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
      version: mine.version,
      scores: { BK1: { points: "15", evidence: "BC 12" } },
      parRank: 7,
      sipasRank: 5,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ status: "draft", score: "15", parRank: 7 });
    const early = await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
      version: draft.body.version,
      scores: { BK1: { points: "15", evidence: "BC 12" } },
      submit: true,
    });
    expect(early.status).toBe(400);
    expect(early.body.error.details.map((d: { field: string }) => d.field)).toContain("scores.BK8");
    const sent = await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
      version: draft.body.version,
      scores: fullMarks(),
      submit: true,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      status: "self_submitted",
      score: "90",
      can: { self: true, appraise: false },
    });
    mine = sent.body;
    expect(
      (
        await commune.json("PUT", `/api/evaluations/${mine.id}/self`, {
          version: mine.version,
          scores: fullMarks(),
        })
      ).status,
    ).toBe(409);
    // once sent, its evidence stays as it was sent
    const kept = (await commune.json("GET", `/api/evaluations/${mine.id}`)).body.attachments[0];
    expect((await commune.json("DELETE", `/api/evaluations/attachments/${kept.id}`)).status).toBe(409);
  });

  it("locks the scheme's items once a unit has scored itself; the window can still be moved", async () => {
    const s = (await province.json("GET", `/api/evaluation-schemes/${schemeId}`)).body;
    const locked = await province.json("PATCH", `/api/evaluation-schemes/${schemeId}`, {
      version: s.version,
      scheme: s.scheme,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.message_vi).toMatch(/tự chấm/);
    const kept = await province.json("PATCH", `/api/evaluation-schemes/${schemeId}`, {
      version: s.version,
      withdrawn: true,
      withdrawnReason: "Nhầm",
    });
    expect(kept.status).toBe(409);
    expect(kept.body.error.details.field).toBe("withdrawn");
    const moved = await province.json("PATCH", `/api/evaluation-schemes/${schemeId}`, {
      version: s.version,
      selfUntil: shift(today, 12),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.selfUntil).toBe(shift(today, 12));
  });

  it("is appraised by the province only: Tháp Mười 2021, 95,5 capped to HTTNV for a dismissal", async () => {
    const appraisal = {
      version: mine.version,
      scores: { BK1: { points: "10,5", comment: "Chưa có kế hoạch riêng" }, BK9: { points: "10" } },
      comment: "Tiêu chí 1 chưa có kế hoạch riêng",
      flags: ["discipline_dismissal"],
    };
    expect((await commune.json("PUT", `/api/evaluations/${mine.id}/appraisal`, appraisal)).status).toBe(403);
    expect(
      (
        await province.json("PUT", `/api/evaluations/${mine.id}/appraisal`, {
          ...appraisal,
          flags: ["unknown"],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await province.json("PUT", `/api/evaluations/${mine.id}/appraisal`, {
          ...appraisal,
          scores: { BK9: { points: "11" } },
        })
      ).status,
    ).toBe(400);
    const r = await province.json("PUT", `/api/evaluations/${mine.id}/appraisal`, appraisal);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      status: "appraised",
      score: "95,5",
      bandCode: "HTTNV",
      cappedBy: "discipline_dismissal",
      appraisalComment: "Tiêu chí 1 chưa có kế hoạch riêng",
      rank: null,
    });
    expect(r.body.appraisedScores.BK1).toEqual({ points: "10,5", comment: "Chưa có kế hoạch riêng" });
  });
});

describe("publication", () => {
  it("refuses while units are not appraised, unless they are published as not ranked", async () => {
    const s = (await province.json("GET", `/api/evaluation-schemes/${schemeId}`)).body;
    const refused = await province.json("POST", `/api/evaluation-schemes/${schemeId}/publish`, {
      version: s.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("not_appraised");
    // a second commune, scored by the admin with the same 95,5 and no cap: a tie for first
    const other = s.evaluations.find((e: { unitCode: string }) => e.unitCode !== "30037");
    const self = await admin.json("PUT", `/api/evaluations/${other.id}/self`, {
      version: other.version,
      scores: fullMarks(),
      submit: true,
    });
    const app = await admin.json("PUT", `/api/evaluations/${other.id}/appraisal`, {
      version: self.body.version,
      scores: { BK1: { points: "10,5" }, BK9: { points: "10" } },
    });
    expect(app.body).toMatchObject({ score: "95,5", bandCode: "HTXSNV" });
    const published = await province.json("POST", `/api/evaluation-schemes/${schemeId}/publish`, {
      version: s.version,
      notRankUnappraised: true,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const ranks = published.body.evaluations
      .filter((e: { rank: number | null }) => e.rank !== null)
      .map((e: { unitCode: string; rank: number }) => [e.unitCode, e.rank]);
    expect(ranks).toEqual(
      expect.arrayContaining([
        ["30037", 1],
        [other.unitCode, 1],
      ]),
    );
    expect(ranks).toHaveLength(2);
    const notRanked = published.body.evaluations.find((e: { ranked: boolean }) => !e.ranked);
    expect(notRanked.notRankedReason).toMatch(/chưa được thẩm định/);
    expect(notRanked).toMatchObject({ score: null, bandCode: null, rank: null });
    expect(
      (await province.json("PUT", `/api/evaluations/${mine.id}/appraisal`, { version: 5, scores: {} }))
        .status,
    ).toBe(409);
  });

  it("shows the unit's history: score, band, rank, PAR Index and SIPAS ranks per year", async () => {
    const h = await commune.json("GET", "/api/evaluations/history?unit=30037");
    expect(h.body.items).toEqual([
      {
        year,
        score: "95,5",
        bandCode: "HTTNV",
        bandName: "Hoàn thành tốt nhiệm vụ",
        rank: 1,
        parRank: 7,
        sipasRank: 5,
      },
    ]);
  });

  it("fills the report's score, rank, PAR Index and SIPAS ranks from the published result", async () => {
    const forms = (await province.json("GET", "/api/forms")).body.items;
    const form = forms.find((f: { code: string }) => f.code === "dvcq-thap-muoi");
    const r = await province.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId: form.id,
      period: { code: String(year) },
      targetLevel: "commune",
      deadline: "2099-01-10",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const target = (await province.json("GET", `/api/requests/${r.body.id}`)).body.targets.find(
      (x: { unitCode: string }) => x.unitCode === "30037",
    );
    const d = await commune.json("GET", `/api/submissions/${target.id}`);
    expect(d.body.fed.values).toMatchObject({
      DVCQ_SCORE: { "": "95.5" },
      DVCQ_RANK: { "": "1" },
      PAR_INDEX_RANK: { "": "7" },
      SIPAS_RANK: { "": "5" },
    });
  });

  it("refuses self-scoring outside the window", async () => {
    const past = await province.json("POST", "/api/evaluation-schemes", {
      provinceCode: "82",
      year: year - 1,
      exampleKey: "quang-binh-2022",
      selfFrom: `${year - 1}-11-01`,
      selfUntil: `${year - 1}-11-30`,
    });
    const s = await commune.json("GET", `/api/evaluation-schemes/${past.body.id}`);
    const e = s.body.evaluations[0];
    const r = await commune.json("PUT", `/api/evaluations/${e.id}/self`, { version: e.version, scores: {} });
    expect(r.status).toBe(400);
    expect(r.body.error.message_vi).toMatch(/^Ngoài thời hạn tự chấm \(01\/11\/\d{4} – 30\/11\/\d{4}\)/);
  });
});
