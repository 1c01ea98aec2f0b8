/** The demo reporting data: a real picture (late, missing, returned), and rollups equal to a naive sum. */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { lastEndedQuarter } from "../../src/demo/demo.reception-report.ts";
import { seedDemo } from "../../src/demo/demo.seed.ts";
import { todayInVietnam } from "../../src/domain/dates.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient;

beforeAll(async () => {
  t = await createTestApp({ demoReports: true });
  province = await t.login("dongthap");
});

/** The naive answer: sum of the accepted submissions' values over every submission whose path has the unit. */
async function naiveSum(requestId: number, unit: string, code: string): Promise<string | null> {
  const r = await sql<{ v: string | null }>`
    select sum((s.values -> ${code} ->> '')::numeric)::text as v from submission s
    where s.request_id = ${requestId} and s.status = 'accepted' and ${unit} = any(s.rollup_path)`.execute(
    t.db,
  );
  return r.rows[0]?.v ?? null;
}

/** The naive weighted average: Σ value × weight / Σ weight over the accepted reports that give both. */
async function naiveWeighted(requestId: number, unit: string, code: string, weight: string) {
  const r = await sql<{ v: string | null }>`
    select round(sum((s.values -> ${code} ->> '')::numeric * (s.values -> ${weight} ->> '')::numeric)
      / nullif(sum((s.values -> ${weight} ->> '')::numeric), 0), 2)::text as v
    from submission s
    where s.request_id = ${requestId} and s.status = 'accepted' and ${unit} = any(s.rollup_path)
      and s.values -> ${code} ->> '' <> '' and s.values -> ${weight} ->> '' <> ''`.execute(t.db);
  return r.rows[0]?.v ?? null;
}

describe("demo reporting data", () => {
  it("has requests for 2022–2026 with on-time, late, missing and returned reports", async () => {
    const list = await province.json("GET", "/api/requests");
    const periods = list.body.items.map((r: { periodCode: string }) => r.periodCode);
    expect(periods).toEqual(
      expect.arrayContaining(["2022", "2023", "2024", "2025S1", "2025", "2026S1", "2026"]),
    );
    const y2024 = list.body.items.find((r: { periodCode: string }) => r.periodCode === "2024");
    expect(y2024.counts.expected).toBeGreaterThan(250);
    expect(y2024.counts.onTime).toBeGreaterThan(y2024.counts.late);
    expect(y2024.counts.late).toBeGreaterThan(0);
    expect(y2024.counts.missing).toBeGreaterThan(0);
    expect(y2024.counts.returned).toBeGreaterThan(0);
    const open = list.body.items.find((r: { periodCode: string }) => r.periodCode === "2026");
    expect(open.counts.missing).toBe(0); // not yet due
    const detail = await province.json("GET", `/api/requests/${y2024.id}`);
    const late = detail.body.targets.find((x: { timeliness: string }) => x.timeliness === "late");
    expect(late.lateReason.length).toBeGreaterThan(5);
  });

  it("rolled-up totals equal a naive sum at province, old district and commune", async () => {
    const list = await province.json("GET", "/api/requests");
    for (const period of ["2024", "2026S1"]) {
      const req = list.body.items.find((r: { periodCode: string }) => r.periodCode === period);
      for (const unit of period === "2024" ? ["82", "87", "872", "30037"] : ["82", "30037"]) {
        const c = await province.json("GET", `/api/requests/${req.id}/consolidation?unit=${unit}`);
        for (const code of ["DVK_MODELS_TOTAL", "LETTERS_RECEIVED", "FUNDS_MOBILISED"]) {
          const got = c.body.indicators.find((i: { code: string }) => i.code === code).accepted.value;
          expect(got, `${period} ${unit} ${code}`).toBe(await naiveSum(req.id, unit, code));
        }
        // the share of dossiers filed online is weighted by the dossiers each unit received
        const share = c.body.indicators.find((i: { code: string }) => i.code === "ONLINE_DOSSIER_SHARE");
        const expected = await naiveWeighted(req.id, unit, "ONLINE_DOSSIER_SHARE", "DOSSIERS_RECEIVED");
        expect(expected, `${period} ${unit}`).not.toBeNull();
        expect(Number(share.accepted.value), `${period} ${unit} weighted`).toBe(Number(expected));
      }
    }
  });

  it("maps timeliness per commune over the periods (old communes counted in today's)", async () => {
    const m = await province.json("GET", "/api/reporting/timeliness?unit=82");
    expect(m.status).toBe(200);
    expect(m.body.columns.map((c: { periodCode: string }) => c.periodCode)).toEqual([
      "2022",
      // the old district's yearly reports its Ban Dân vận asked (with footnote 4's online dossiers)
      "2022",
      "2023",
      // the three-year review the Ban Dân vận of the old district asked in 2024 (113-CV/BDVHU)
      "2021-01-01..2023-12-31",
      "2023",
      "2024",
      "2025S1",
      "2025",
      "2026S1",
      // the province's report on reception and letters for the last quarter ended (demo.reception-report.ts)
      lastEndedQuarter(todayInVietnam()),
      "2026",
      // the year's report the Ban Tuyên giáo và Dân vận asked of the province's bodies (demo.board-answers.ts)
      todayInVietnam().slice(0, 4),
    ]);
    expect(m.body.rows.length).toBeGreaterThan(90);
    const y2024 = m.body.columns.find((c: { periodCode: string }) => c.periodCode === "2024").requestId;
    const cell = m.body.cells.find(
      (c: { requestId: number; unitCode: string }) => c.requestId === y2024 && c.unitCode === "30037",
    );
    // Xã Tháp Mười was formed from several communes of 2024: each one's report is counted in it
    expect(cell.expected).toBeGreaterThan(1);
    expect(cell.onTime + cell.late + cell.missing).toBe(cell.expected);
    const total = m.body.totals.find((x: { requestId: number }) => x.requestId === y2024);
    const detail = await province.json("GET", `/api/requests/${y2024}`);
    expect(total).toMatchObject({
      expected: detail.body.counts.expected,
      late: detail.body.counts.late,
      missing: detail.body.counts.missing,
    });
    const thai = await t.login("thainguyen");
    expect((await thai.json("GET", "/api/reporting/timeliness?unit=82")).status).toBe(404);
  });

  it("serves dashboard totals from the rollup: country, province and drill-down, with last year alongside", async () => {
    const admin = await t.login("admin");
    const country = await admin.json("GET", "/api/reporting/totals?form=dvcq-thap-muoi&periods=2025,2026S1");
    expect(country.status).toBe(200);
    expect(country.body.children).toHaveLength(34);
    const list = await province.json("GET", "/api/requests");
    const y2025 = list.body.items.find((r: { periodCode: string }) => r.periodCode === "2025");
    expect(country.body.values["82"]["2025"].DVK_MODELS_TOTAL).toBe(
      await naiveSum(y2025.id, "82", "DVK_MODELS_TOTAL"),
    );
    expect(country.body.values["01"]).toBeUndefined(); // Hà Nội has no reports in the demo
    expect(country.body.values["82"]["2025"].ONLINE_DOSSIER_SHARE).toBe(
      await naiveWeighted(y2025.id, "82", "ONLINE_DOSSIER_SHARE", "DOSSIERS_RECEIVED"),
    );
    const drill = await province.json(
      "GET",
      "/api/reporting/totals?form=dvcq-thap-muoi&periods=2024,2025&unit=82",
    );
    expect(drill.body.unit).toEqual({ code: "82", name: "Tỉnh Đồng Tháp" });
    const reported = drill.body.children.filter((c: { code: string }) => drill.body.values[c.code]?.["2025"]);
    expect(reported.length).toBeGreaterThan(80);
    for (const c of reported.slice(0, 5)) {
      expect(drill.body.values[c.code]["2025"].DVK_MODELS_TOTAL).toBe(
        await naiveSum(y2025.id, c.code, "DVK_MODELS_TOTAL"),
      );
    }
    // 2024's communes count in today's communes through the successor links
    const in2024 = drill.body.children.filter((c: { code: string }) => drill.body.values[c.code]?.["2024"]);
    expect(in2024.length).toBeGreaterThan(80);
    const scoped = await province.json("GET", "/api/reporting/totals?form=dvcq-thap-muoi&periods=2025");
    expect(scoped.body.children.map((c: { code: string }) => c.code)).toEqual(["82"]);
    expect(
      (await province.json("GET", "/api/reporting/totals?form=dvcq-thap-muoi&periods=2025Q9")).status,
    ).toBe(400);
    expect((await province.json("GET", "/api/reporting/totals?form=nope&periods=2025")).status).toBe(404);
    expect(
      (await province.json("GET", "/api/reporting/totals?form=dvcq-thap-muoi&periods=2025&unit=19")).status,
    ).toBe(404);
  });

  it("serves a changed report in the totals at the next read (the server's copy is checked each time)", async () => {
    const admin = await t.login("admin");
    const url = "/api/reporting/totals?form=dvcq-thap-muoi&periods=2025";
    const before = (await admin.json("GET", url)).body.values["82"]["2025"].LETTERS_RECEIVED;
    expect((await admin.json("GET", url)).body.values["82"]["2025"].LETTERS_RECEIVED).toBe(before);
    const list = await province.json("GET", "/api/requests");
    const y2025 = list.body.items.find((r: { periodCode: string }) => r.periodCode === "2025");
    const detail = await province.json("GET", `/api/requests/${y2025.id}`);
    const target = detail.body.targets.find((x: { status: string }) => x.status === "accepted");
    const approver = await t.login("duyet.dongthap");
    const sub = (await province.json("GET", `/api/submissions/${target.id}`)).body.submission;
    const unlocked = await approver.json("POST", `/api/submissions/${sub.id}/unlock`, {
      version: sub.version,
      comment: "Sửa số liệu",
    });
    expect(unlocked.status).toBe(200);
    // (a count the commune types: the model counts of 2025 come from the demo's model registry)
    const values = {
      ...sub.values,
      LETTERS_RECEIVED: { "": String(Number(sub.values.LETTERS_RECEIVED[""]) + 100) },
    };
    const resubmitted = await province.json("POST", `/api/submissions/${sub.id}/submit`, {
      version: unlocked.body.submission.version,
      values,
      lateReason: "Bổ sung số liệu sau khi mở khóa",
    });
    expect(resubmitted.status).toBe(200);
    const accepted = await province.json("POST", `/api/submissions/${sub.id}/accept`, {
      version: resubmitted.body.submission.version,
    });
    expect(accepted.status).toBe(200);
    const after = (await admin.json("GET", url)).body.values["82"]["2025"].LETTERS_RECEIVED;
    expect(Number(after)).toBe(Number(before) + 100);
    expect(after).toBe(await naiveSum(y2025.id, "82", "LETTERS_RECEIVED"));
  });

  it("shows Huyện Tháp Mười's true evaluation history: 95,5 capped in 2021, 7th in 2022, 5th in 2023", async () => {
    const admin = await t.login("admin");
    const h = await admin.json("GET", "/api/evaluations/history?unit=872");
    expect(
      h.body.items.map(
        (x: {
          year: number;
          score: string;
          bandCode: string;
          rank: number;
          parRank: number;
          sipasRank: number;
        }) => [x.year, x.score, x.bandCode, x.rank, x.parRank, x.sipasRank],
      ),
    ).toEqual([
      [2021, "95,5", "HTTNV", 5, 6, 1],
      [2022, "96", "HTXSNV", 7, 4, 3],
      [2023, "97,05", "HTXSNV", 5, null, null],
    ]);
    // scored among the twelve districts of Đồng Tháp before the reform, not among today's communes
    const schemes = (await admin.json("GET", "/api/evaluation-schemes?unit=872")).body;
    expect(schemes.province).toBe("87");
    expect(schemes.items.map((x: { enrols: string }) => x.enrols)).toEqual([
      "district",
      "district",
      "district",
    ]);
    const y2022 = (await admin.json("GET", `/api/evaluation-schemes/${schemes.items[1].id}`)).body;
    expect(y2022.evaluations).toHaveLength(12);
    // each district by the name it had, though it ended with the reform: Tháp Mười 7th
    expect(
      y2022.evaluations.map((e: { unitName: string; rank: number }) => [e.unitName, e.rank]),
    ).toContainEqual(["Huyện Tháp Mười", 7]);
    expect(
      y2022.evaluations.every((e: { unitName: string }) => /^(Huyện|Thành phố|Thị xã) /.test(e.unitName)),
    ).toBe(true);
    // the commune of today has no history borrowed from the district
    const commune = await t.login("xa.thapmuoi");
    expect((await commune.json("GET", "/api/evaluations/history?unit=30037")).body.items).toEqual([]);
  });

  it("carries Huyện Tháp Mười's online dossiers of 2022 and 2023 (its report's footnote 4) as figures", async () => {
    const admin = await t.login("admin");
    // each level apart, as the footnote gives them, on the accepted reports of the UBND huyện
    const rows = await t.db
      .selectFrom("submission as s")
      .innerJoin("report_request as r", "r.id", "s.request_id")
      .select(["r.period_code", "s.id", "s.status"])
      .where("r.form_code", "=", "cchc-thap-muoi")
      .orderBy("r.period_code")
      .execute();
    expect(rows.map((x) => [x.period_code, x.status])).toEqual([
      ["2022", "accepted"],
      ["2023", "accepted"],
    ]);
    const footnote4 = [
      [{ "": "18405", "level=cấp huyện": "2384", "level=cấp xã": "16021" }, ["50.43", "34.83"]],
      [{ "": "22335", "level=cấp huyện": "3447", "level=cấp xã": "18888" }, ["82.82", "69.90"]],
    ] as const;
    for (const [i, [counts, [district, commune]]] of footnote4.entries()) {
      const values = (await admin.json("GET", `/api/submissions/${rows[i]?.id}`)).body.submission.values;
      expect(values.ONLINE_DOSSIERS).toEqual(counts);
      expect(values.ONLINE_DOSSIER_SHARE_BY_LEVEL).toEqual({
        "level=cấp huyện": district,
        "level=cấp xã": commune,
      });
    }
  });

  it("carries a year of reception and about 300 letters over the province, of every kind and state", async () => {
    const admin = await t.login("admin");
    const letters = (await admin.json("GET", "/api/letters?unit=82")).body.items as {
      id: number;
      kind: string;
      status: string;
      flags: string[];
      channel: string;
      unitCode: string;
      legalDue: string | null;
    }[];
    expect(letters.length).toBeGreaterThanOrEqual(290);
    const states = new Set(letters.map((l) => l.status));
    for (const s of ["received", "accepted", "suspended", "resolved", "withdrawn", "transferred", "filed"])
      expect(states, s).toContain(s);
    expect(new Set(letters.map((l) => l.kind))).toEqual(new Set(["complaint", "denunciation", "petition"]));
    expect(letters.some((l) => l.flags.includes("crowded"))).toBe(true);
    // one transferred to another commune, which received it as its own
    expect(
      letters.some((l) => l.channel === "transfer" && l.unitCode !== "30037" && l.unitCode !== "82"),
    ).toBe(true);
    // complaints resolved by the commune chair's decision, one taken to its second round at the province
    expect(letters.some((l) => l.kind === "complaint" && l.status === "resolved")).toBe(true);
    const second = letters.find((l) => l.kind === "complaint" && l.unitCode === "82");
    expect(second).toBeTruthy();
    const detail = await admin.json("GET", `/api/letters/${second?.id}`);
    expect(detail.body).toMatchObject({ round: 2, status: "accepted" });
    expect(detail.body.links.map((k: { kind: string }) => k.kind)).toContain("second_round");
    const overdue = (await admin.json("GET", "/api/letters?unit=82&due=overdue")).body.items;
    expect(overdue.length).toBeGreaterThan(5);
    // a denunciation extended twice
    const twice = [];
    for (const l of letters.filter((x) => x.kind === "denunciation" && x.status === "accepted")) {
      const d = await admin.json("GET", `/api/letters/${l.id}`);
      if (d.body.events.filter((e: { action: string }) => e.action === "extend").length === 2)
        twice.push(l.id);
    }
    expect(twice.length).toBeGreaterThan(0);
    // the commune chair's weekly reception, held (a deputy's after 01/7/2026 flagged)
    const month = new Date().toISOString().slice(0, 7);
    const schedules = await admin.json("GET", `/api/reception/schedules?unit=30037&month=${month}`);
    expect(schedules.body.items[0]).toMatchObject({ receiverRole: "commune_chair" });
    // the last twelve months
    const sessions = [];
    for (let back = 0; back < 12; back++) {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - back);
      const r = await admin.json(
        "GET",
        `/api/reception/sessions?unit=30037&month=${d.toISOString().slice(0, 7)}`,
      );
      sessions.push(...r.body.items);
    }
    expect(sessions.length).toBeGreaterThan(20);
    expect(sessions.some((x: { delegationNotAllowed: boolean }) => x.delegationNotAllowed)).toBe(true);
  });

  it("carries the commune's dialogues with the people and their commitments: kept, dropped, overdue, one a plan's task", async () => {
    const admin = await t.login("admin");
    const year = new Date().getUTCFullYear();
    const items = [];
    for (const y of [year - 1, year])
      items.push(...(await admin.json("GET", `/api/reception/dialogues?unit=30037&year=${y}`)).body.items);
    expect(items.length).toBe(3);
    expect(new Set(items.map((d: { kind: string }) => d.kind))).toEqual(new Set(["dialogue", "meeting"]));
    const commitments = items.flatMap(
      (d: { commitments: { status: string; overdue: boolean; task: { progress: number } | null }[] }) =>
        d.commitments,
    );
    expect(new Set(commitments.map((c) => c.status))).toEqual(
      new Set(["open", "in_progress", "done", "dropped"]),
    );
    expect(commitments.some((c) => c.overdue)).toBe(true);
    expect(commitments.find((c) => c.task)?.task).toMatchObject({ status: "in_progress", progress: 40 });
  });

  it("carries the province's report on reception and letters for the last quarter, its figures the registers'", async () => {
    const admin = await t.login("admin");
    const row = (
      await sql<{ id: number; period_code: string }>`
        select s.id, r.period_code from submission s
        join report_request r on r.id = s.request_id join report_form f on f.id = r.form_id
        where f.code = 'tiep-cong-dan' and s.unit_code = '30037' and s.status = 'accepted'`.execute(t.db)
    ).rows[0];
    expect(row?.period_code).toMatch(/^\d{4}Q[1-4]$/);
    const report = await admin.json("GET", `/api/submissions/${row?.id}`);
    expect(report.body.fed.kept).toEqual(
      expect.arrayContaining([
        "RECEPTION_DAYS",
        "CITIZENS_RECEIVED",
        "DIALOGUES_HELD",
        "LETTERS_RESOLVED_ON_TIME",
      ]),
    );
    // what was sent is what the registers hold (nothing has changed in that quarter since)
    for (const code of report.body.fed.kept as string[])
      expect(report.body.submission.values[code], code).toEqual(report.body.fed.values[code]);
    expect(Number(report.body.submission.values.RECEPTION_SESSIONS[""])).toBeGreaterThan(5);
  });

  it("carries today's chain: the board's công văn to the UBND, MTTQ and đoàn thể tỉnh, each answering with its own number", async () => {
    const request = (
      await sql<{ id: number }>`
        select r.id from report_request r join registry_document d on d.id = r.cited_document_id
        where d.number_symbol = '58-CV/BTGDVTU'`.execute(t.db)
    ).rows[0];
    const detail = await province.json("GET", `/api/requests/${request?.id}`);
    expect(detail.status).toBe(200);
    const targets = detail.body.targets as { id: number; bodyName: string; status: string }[];
    expect(targets).toHaveLength(7);
    const statuses = targets.map((x) => x.status).sort();
    expect(statuses).toEqual([
      "accepted",
      "accepted",
      "draft",
      "not_started",
      "not_started",
      "submitted",
      "submitted",
    ]);
    // each answer sent is its own document: its body's number, entered in the province's outgoing registry,
    // related to the công văn that asked
    const sent = targets.filter((x) => x.status === "accepted" || x.status === "submitted");
    const symbols: string[] = [];
    for (const target of sent) {
      const sub = (await province.json("GET", `/api/submissions/${target.id}`)).body.submission;
      expect(sub.document, target.bodyName).not.toBeNull();
      symbols.push(sub.document.symbol);
      const entry = await province.json("GET", `/api/registry/${sub.document.registryDocumentId}`);
      expect(entry.body).toMatchObject({
        unitCode: "82",
        direction: "outgoing",
        numberSymbol: sub.document.symbol,
      });
      expect(entry.body.relations).toContainEqual(
        expect.objectContaining({ kind: "requested_by", numberSymbol: "58-CV/BTGDVTU" }),
      );
    }
    expect(symbols.map((x) => x.replace(/^\d+/, "")).sort()).toEqual([
      "/BC-HLHPN",
      "/BC-HND",
      "/BC-MTTQ",
      "/BC-UBND",
    ]);
  });

  it("is seeded once", async () => {
    expect((await seedDemo(t.db)).requests).toBe(0);
  });
});
