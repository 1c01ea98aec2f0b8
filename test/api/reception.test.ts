/**
 * Citizen reception through the API: a commune chair's weekly schedule (a day off moved to the next working
 * day), checked against the law's minimum of one day a week; sessions held in person or by a deputy (flagged from
 * 01/7/2026); the month's compliance of scheduled and held days; bad input refused, storing nothing.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, pdfText, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let other: TestClient;
let body = 0;
let schedule = 0;

beforeAll(async () => {
  t = await createTestApp();
  commune = await t.login("xa.thapmuoi");
  other = await t.login("thainguyen");
  body = (await commune.json("GET", "/api/units/30037/bodies")).body.items.find(
    (b: { kind: string }) => b.kind === "people_committee",
  ).id;
});

const session = (patch: Record<string, unknown>) =>
  commune.json("POST", "/api/reception/sessions", {
    bodyId: body,
    scheduleId: schedule,
    heldOn: "2026-01-08",
    receiverName: "Nguyễn Văn An, Chủ tịch UBND xã",
    receiverRole: "commune_chair",
    inPerson: true,
    citizens: 3,
    groups: 0,
    ...patch,
  });

/** The province asks its communes for `form` over `period`; Xã Tháp Mười's report of it. */
async function communeReportOf(form: string, period: string, deadline: string) {
  const admin = await t.login("admin");
  const forms = (await admin.json("GET", "/api/forms")).body.items as { id: number; code: string }[];
  const request = await admin.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    formId: forms.find((f) => f.code === form)?.id,
    period: { code: period },
    targetLevel: "commune",
    deadline,
    allowOverlap: true,
  });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  const target = (await admin.json("GET", `/api/requests/${request.body.id}`)).body.targets.find(
    (x: { unitCode: string }) => x.unitCode === "30037",
  );
  return { ...target, requestId: request.body.id as number };
}

describe("a commune chair's reception", () => {
  it("is scheduled every Thursday; 01/01/2026 (Tết) moves to Monday 05/01; the month meets one day a week", async () => {
    const s = await commune.json("POST", "/api/reception/schedules", {
      bodyId: body,
      receiverName: "Nguyễn Văn An, Chủ tịch UBND xã",
      receiverRole: "commune_chair",
      recurrences: [{ kind: "weekly", weekday: 4 }],
      place: "Trụ sở UBND xã",
      validFrom: "2026-01-01",
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    schedule = s.body.id;
    const month = await commune.json("GET", "/api/reception/schedules?unit=30037&month=2026-01");
    const mine = month.body.items.find((x: { id: number }) => x.id === schedule);
    expect(mine.days[0]).toEqual({ on: "2026-01-05", movedFrom: "2026-01-01" });
    expect(mine.days).toHaveLength(5);
    expect(mine.rule).toMatchObject({ days: 1, per: "week", source: "Luật Tiếp công dân 2013, Điều 15" });
    expect(mine.scheduled).toMatchObject({ required: 4, ok: true });
    expect(mine.held).toMatchObject({ counted: 0, ok: false });
  });

  it("counts the sessions held in person, and flags a deputy's after 01/7/2026", async () => {
    for (const day of ["2026-01-05", "2026-01-08", "2026-01-15"])
      expect((await session({ heldOn: day })).status).toBe(201);
    const deputy = await session({
      heldOn: "2026-01-22",
      inPerson: false,
      deputyName: "Trần Thị Bé, Phó Chủ tịch",
    });
    expect(deputy.body.delegationNotAllowed).toBe(false);
    const after = await session({
      heldOn: "2026-07-02",
      inPerson: false,
      deputyName: "Trần Thị Bé, Phó Chủ tịch",
      groups: 1,
      largestGroup: 15,
      citizens: 15,
    });
    expect(after.body).toMatchObject({ delegationNotAllowed: true, largestGroup: 15 });
    const month = await commune.json("GET", "/api/reception/schedules?unit=30037&month=2026-01");
    const mine = month.body.items.find((x: { id: number }) => x.id === schedule);
    // three weeks held in person; the week of 19/01 was a deputy's
    expect(mine.held).toMatchObject({ counted: 3, shortWeeks: ["2026-01-19", "2026-01-26"], ok: false });
    const held = await commune.json("GET", "/api/reception/sessions?unit=30037&month=2026-01");
    expect(held.body.items).toHaveLength(4);
  });

  it("rolls the month up for the province: each commune's leaders scheduled and held, the deputies flagged", async () => {
    const province = await t.login("dongthap");
    const jan = await province.json("GET", "/api/reception/compliance?unit=82&month=2026-01");
    expect(jan.status, JSON.stringify(jan.body)).toBe(200);
    const [own, ...under] = jan.body.items;
    expect(own).toMatchObject({ unitCode: "82", own: true, leaders: 0, status: "no_schedule" });
    expect(under.find((i: { unitCode: string }) => i.unitCode === "30037")).toMatchObject({
      unitName: "Xã Tháp Mười",
      leaders: 1,
      scheduledOk: 1,
      heldOk: 0,
      byDeputy: 1,
      deputyNotAllowed: 0,
      status: "short_held",
    });
    // the hamlets receive nobody: only the communes and wards are counted
    expect(under.every((i: { unitCode: string }) => /^\d{5}$/.test(i.unitCode))).toBe(true);
    expect(jan.body.summary).toMatchObject({
      units: under.length,
      shortHeld: 1,
      noSchedule: under.length - 1,
    });
    // the same figure as the commune's own page: short in the weeks of 19 and 26/01
    const mine = await commune.json("GET", "/api/reception/compliance?unit=30037&month=2026-01");
    expect(mine.body.items).toEqual([expect.objectContaining({ unitCode: "30037", own: true, heldOk: 0 })]);
    const july = await province.json("GET", "/api/reception/compliance?unit=82&month=2026-07");
    expect(july.body.items.find((i: { unitCode: string }) => i.unitCode === "30037")).toMatchObject({
      byDeputy: 1,
      deputyNotAllowed: 1,
    });
    expect((await other.json("GET", "/api/reception/compliance?unit=82&month=2026-01")).status).toBe(404);
    expect((await province.json("GET", "/api/reception/compliance?unit=82&month=2026-13")).status).toBe(400);
  });

  it("gives a report of January its reception days: those the chair held in person, not the deputy's", async () => {
    const target = await communeReportOf("dvcq-thap-muoi", "202601", "2026-02-10");
    const report = await commune.json("GET", `/api/submissions/${target.id}`);
    expect(report.body.fed.values.RECEPTION_DAYS).toEqual({ "": "3" });
    // the commune's reception is kept here from 01/01/2026: the figures are the registers', whatever is typed
    expect(report.body.fed.kept).toEqual(expect.arrayContaining(["RECEPTION_DAYS", "LETTERS_RECEIVED"]));
    const saved = await commune.json("PUT", `/api/submissions/${target.id}`, {
      version: report.body.submission.version,
      values: { RECEPTION_DAYS: { "": "9" }, DISSEMINATION_SESSIONS: { "": "4" } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.submission.values).toMatchObject({
      RECEPTION_DAYS: { "": "3" },
      DISSEMINATION_SESSIONS: { "": "4" },
    });
    const sent = await commune.json("POST", `/api/submissions/${target.id}/submit`, {
      version: saved.body.submission.version,
      values: { RECEPTION_DAYS: { "": "12" }, DISSEMINATION_SESSIONS: { "": "4" } },
      lateReason: "Chờ số liệu của các ấp",
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.submission.values.RECEPTION_DAYS).toEqual({ "": "3" });
  });

  it("sets the days the schedule gave beside those held in person, in the report on reception", async () => {
    const target = await communeReportOf("tiep-cong-dan", "202601", "2026-02-10");
    const report = await commune.json("GET", `/api/submissions/${target.id}`);
    // Mondays 05/01 (for Tết) and the Thursdays 08, 15, 22 and 29/01 given; three held by the chair
    expect(report.body.fed.values).toMatchObject({
      RECEPTION_DAYS_SCHEDULED: { "": "5" },
      RECEPTION_DAYS: { "": "3" },
    });
    expect(report.body.fed.kept).toEqual(expect.arrayContaining(["RECEPTION_DAYS_SCHEDULED"]));
  });

  it("imports no kept figure from a file: the registers' stand, and the file is told why", async () => {
    const target = await communeReportOf("dvcq-thap-muoi", "202602", "2026-03-10");
    const value = (dataElement: string, v: string) => ({
      dataElement,
      period: "202602",
      orgUnit: "30037",
      value: v,
    });
    const r = await commune.json("POST", `/api/requests/${target.requestId}/dataValueSets`, {
      dataValues: [value("RECEPTION_DAYS", "9"), value("DISSEMINATION_SESSIONS", "4")],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: "WARNING", importCount: { imported: 1, ignored: 1 } });
    expect(r.body.conflicts).toEqual([
      expect.objectContaining({
        object: "RECEPTION_DAYS",
        valueVi: expect.stringContaining("tự động từ sổ"),
      }),
    ]);
    const report = await commune.json("GET", `/api/submissions/${target.id}`);
    expect(report.body.submission.values.RECEPTION_DAYS).toBeUndefined();
    expect(report.body.submission.values.DISSEMINATION_SESSIONS).toEqual({ "": "4" });
    // a file that leaves the kept figure empty is taken without a word
    const empty = await commune.json("POST", `/api/requests/${target.requestId}/dataValueSets`, {
      dataValues: [value("RECEPTION_DAYS", "")],
    });
    expect(empty.body).toMatchObject({ status: "SUCCESS", importCount: { ignored: 1 }, conflicts: [] });
  });

  it("leaves a report of a period before the province kept its reception here to the unit", async () => {
    const target = await communeReportOf("tiep-cong-dan", "2024", "2025-01-15");
    const report = await commune.json("GET", `/api/submissions/${target.id}`);
    expect(report.body.fed.kept).toEqual([]);
    const saved = await commune.json("PUT", `/api/submissions/${target.id}`, {
      version: report.body.submission.version,
      values: { RECEPTION_DAYS: { "": "48" } },
    });
    expect(saved.body.submission.values.RECEPTION_DAYS).toEqual({ "": "48" });
  });

  it("takes a unit's stricter rule (never a weaker one) and a law-wide one only from a system administrator", async () => {
    const rule = (patch: Record<string, unknown>) =>
      commune.json("POST", "/api/reception/rules", {
        unitCode: "30037",
        role: "commune_chair",
        days: 2,
        per: "week",
        validFrom: "2026-01-01",
        source: "Quy chế tiếp công dân của xã",
        confidence: "confirmed",
        ...patch,
      });
    const weaker = await rule({ days: 1, per: "month", validFrom: "2025-01-01" });
    expect(weaker.status).toBe(400);
    expect(weaker.body.error.details.field).toBe("days");
    expect((await rule({ unitCode: null })).status).toBe(403);
    expect((await rule({})).status).toBe(201);
    const month = await commune.json("GET", "/api/reception/schedules?unit=30037&month=2026-01");
    const mine = month.body.items.find((x: { id: number }) => x.id === schedule);
    // two days a week now: every week of January is short
    expect(mine.rule).toMatchObject({ days: 2, per: "week", source: "Quy chế tiếp công dân của xã" });
    expect(mine.scheduled).toMatchObject({ required: 8, ok: false });
    const rules = await commune.json("GET", "/api/reception/rules?unit=30037");
    expect(rules.body.inForce.find((r: { role: string }) => r.role === "commune_chair")).toMatchObject({
      days: 2,
      unitCode: "30037",
    });
    const admin = await t.login("admin");
    const lawWide = await admin.json("POST", "/api/reception/rules", {
      unitCode: null,
      role: "province_chair",
      days: 2,
      per: "month",
      validFrom: "2026-07-01",
      source: "Luật 136/2025/QH15",
      confidence: "unconfirmed",
    });
    expect(lawWide.status).toBe(201);
  });

  it("drafts the month's notice of the schedule: each receiver's days, a day off moved and said so", async () => {
    const r = await commune.json("POST", "/api/reception/schedules/notice", {
      bodyId: body,
      month: "2026-01",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const draft = (await commune.json("GET", `/api/drafts/${r.body.draftId}`)).body;
    expect(draft).toMatchObject({ kind: "TB", excerpt: "Lịch tiếp công dân tháng 01/2026", status: "draft" });
    const text = draft.sections.map((x: { text: string }) => x.text).join("\n");
    expect(text).toContain(
      "Nguyễn Văn An, Chủ tịch UBND xã: ngày 05/01 (thay ngày 01/01, ngày nghỉ); 08/01; 15/01",
    );
    // as a document: the State layout, a Thông báo, the days
    const pdf = await commune.request("POST", `/api/drafts/${r.body.draftId}/document`, { format: "pdf" });
    expect(pdf.status).toBe(200);
    const printed = (await pdfText(pdf)).replace(/\s+/g, " ");
    for (const line of [
      "THÔNG BÁO",
      "Lịch tiếp công dân tháng 01/2026",
      "05/01 (thay ngày 01/01, ngày nghỉ)",
    ])
      expect(printed).toContain(line);
    expect(
      (await commune.json("POST", "/api/reception/schedules/notice", { bodyId: body, month: "2026-13" }))
        .status,
    ).toBe(400);
    expect(
      (await other.json("POST", "/api/reception/schedules/notice", { bodyId: body, month: "2026-01" }))
        .status,
    ).toBe(404);
  });

  it("publishes the schedule for citizens only when the commune turns it on: who, which days, where, nothing else", async () => {
    const url = "/api/public/reception/30037?month=2026-01";
    expect((await t.anonymous.json("GET", url)).status).toBe(404);
    expect(
      (await other.json("PUT", "/api/reception/publication", { unitCode: "30037", published: true })).status,
    ).toBe(404);
    const on = await commune.json("PUT", "/api/reception/publication", {
      unitCode: "30037",
      published: true,
    });
    expect(on.body).toEqual({ unitCode: "30037", published: true });
    expect(
      (await commune.json("GET", "/api/reception/schedules?unit=30037&month=2026-01")).body.published,
    ).toBe(true);
    const page = await t.anonymous.json("GET", url);
    expect(page.status).toBe(200);
    const mine = page.body.items.find(
      (x: { receiverName: string }) => x.receiverName === "Nguyễn Văn An, Chủ tịch UBND xã",
    );
    expect(mine.days[0]).toEqual({ on: "2026-01-05", movedFrom: "2026-01-01" });
    expect(Object.keys(mine).sort()).toEqual(["bodyName", "days", "office", "place", "receiverName"]);
    expect(JSON.stringify(page.body)).not.toMatch(/"(id|held|scheduled|rule|version)"/);
    expect((await t.anonymous.json("GET", "/api/public/reception/30037?month=2026-13")).status).toBe(400);
    await commune.json("PUT", "/api/reception/publication", { unitCode: "30037", published: false });
    expect((await t.anonymous.json("GET", url)).status).toBe(404);
  });

  it("refuses bad input with a clear 400, storing nothing, and another province's reader", async () => {
    const before = await sql<{ n: string }>`select count(*) as n from reception_session`.execute(t.db);
    for (const patch of [
      { heldOn: "2099-01-01" },
      { inPerson: false },
      { groups: 0, largestGroup: 3 },
      { citizens: -1 },
      { receiverRole: "mayor" },
      { scheduleId: 999_999 },
    ]) {
      const r = await session(patch);
      expect(r.status, JSON.stringify(patch)).toBe(400);
      expect(r.body.error.message_vi).toBeTruthy();
    }
    const bad = await commune.json("POST", "/api/reception/schedules", {
      bodyId: body,
      receiverName: "Chủ tịch",
      receiverRole: "commune_chair",
      recurrences: [{ kind: "weekly", weekday: 9 }],
      validFrom: "2026-01-01",
    });
    expect(bad.status).toBe(400);
    const after = await sql<{ n: string }>`select count(*) as n from reception_session`.execute(t.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    expect((await other.json("GET", "/api/reception/sessions?unit=30037&month=2026-01")).status).toBe(404);
  });
});
