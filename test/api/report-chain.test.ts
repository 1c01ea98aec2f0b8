/**
 * A report that travels up the chain: the province's UBND owes its Party board a report, asks the communes'
 * communes for it, starts its draft from what they sent (GET /api/submissions/{id}/gathered: numbers consolidated,
 * texts compiled) and, submitting, carries what it gathered; the inbox and the report's page show how far the
 * units below answered and who has not sent yet.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestClient;
let province: TestClient;
let approver: TestClient;
let commune: TestClient;
let other: TestClient;
let owedId: number;
let downId: number;
let formId: number;
const bodies: Record<string, number> = {};

/** The province's board asks one body for the period, due 28/12/2026: the report that body owes it. */
async function boardAsks(bodyId: number, period: string) {
  const up = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    issuerBodyId: bodies.propaganda_mass_mobilization_board,
    formId,
    period: { code: period },
    referenceNo: "31-CV/BTGDVTU",
    targetBodyIds: [bodyId],
    deadline: "2026-12-28",
    allowOverlap: true,
  });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  return (await province.json("GET", `/api/requests/${up.body.id}`)).body.targets[0];
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  province = await t.login("dongthap");
  approver = await t.login("duyet.dongthap");
  commune = await t.login("xa.thapmuoi");
  other = await t.login("thainguyen");
  for (const b of (await admin.json("GET", "/api/units/82/bodies")).body.items) bodies[b.kind] = b.id;
  formId = (await province.json("GET", "/api/forms")).body.items.find(
    (f: { code: string }) => f.code === "dvcq-thap-muoi",
  ).id;
  // the province's board asks the province's UBND
  owedId = (await boardAsks(bodies.people_committee as number, "2026Q3")).id;
  // the UBND asks every commune, to answer it
  const down = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    issuerBodyId: bodies.people_committee,
    formId,
    period: { code: "2026Q3" },
    targetLevel: "commune",
    answersSubmissionId: owedId,
    deadline: "2026-12-21",
    allowOverlap: true,
  });
  expect(down.status, JSON.stringify(down.body)).toBe(201);
  downId = down.body.id;
  // Xã Tháp Mười answers; the province accepts
  const mine = (await commune.json("GET", "/api/inbox")).body.items.find(
    (i: { requestId: number }) => i.requestId === downId,
  );
  const sent = await commune.json("POST", `/api/submissions/${mine.id}/submit`, {
    version: mine.version,
    values: { DISSEMINATION_SESSIONS: { "": "12" }, RECEPTION_DAYS: { "": "48" } },
    narrative: {
      I: "Tình hình ổn định[^1].\n\n[^1]: Theo Báo cáo 05/BC-UBND.",
      "IV.1": "Đối thoại thường xuyên.",
    },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const accepted = await approver.json("POST", `/api/submissions/${mine.id}/accept`, {
    version: sent.body.submission.version,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
});

describe("a report owed upward, gathered from the units below", () => {
  it("shows in the inbox how far the units below answered", async () => {
    const owed = (await province.json("GET", "/api/inbox")).body.items.find(
      (i: { id: number }) => i.id === owedId,
    );
    expect(owed.gathering).toHaveLength(1);
    expect(owed.gathering[0]).toMatchObject({ id: downId, deadline: "2026-12-21", overdue: false });
    expect(owed.gathering[0].counts).toMatchObject({ submitted: 1, accepted: 1, onTime: 1, missing: 0 });
    expect(owed.gathering[0].counts.expected).toBeGreaterThan(50);
  });

  it("names, on the report's page, who has not sent yet", async () => {
    const page = await province.json("GET", `/api/submissions/${owedId}`);
    const g = page.body.gathering[0];
    expect(g.waitingFor).toHaveLength(8);
    expect(g.waitingFor[0].name).toMatch(/^(Xã|Phường) /);
    expect(g.waitingFor.map((w: { name: string }) => w.name)).not.toContain("Xã Tháp Mười");
    expect(g.waitingMore).toBe(g.counts.expected - 1 - 8);
    expect(page.body.carried).toBeNull();
  });

  it("gives its draft the consolidated numbers and the compiled texts", async () => {
    const r = await province.json("GET", `/api/submissions/${owedId}/gathered`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.sources).toEqual([
      expect.objectContaining({ requestId: downId, pending: 0, deadline: "2026-12-21" }),
    ]);
    expect(r.body.values.DISSEMINATION_SESSIONS).toEqual({ "": "12" });
    expect(r.body.values.RECEPTION_DAYS).toEqual({ "": "48" });
    // each text led by the unit that wrote it, its footnotes kept
    expect(r.body.narrative.I).toBe(
      "**Xã Tháp Mười:** Tình hình ổn định[^1].\n\n[^1]: Theo Báo cáo 05/BC-UBND.",
    );
    expect(r.body.narrative["IV.1"]).toBe("**Xã Tháp Mười:** Đối thoại thường xuyên.");
  });

  it("is not given to those who do not fill the report", async () => {
    for (const c of [commune, other, approver]) {
      const r = await c.json("GET", `/api/submissions/${owedId}/gathered`);
      expect([403, 404], `${r.status}`).toContain(r.status);
    }
  });

  it("carries, once submitted, what it gathered and where its totals differ", async () => {
    const before = (await province.json("GET", `/api/submissions/${owedId}`)).body.submission;
    const sent = await province.json("POST", `/api/submissions/${owedId}/submit`, {
      version: before.version,
      // one total kept, one corrected by the province, one the communes did not report
      values: {
        DISSEMINATION_SESSIONS: { "": "12" },
        RECEPTION_DAYS: { "": "50" },
        FUNDS_MOBILISED: { "": "7" },
      },
      narrative: { I: "Tình hình ổn định." },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    // the board above reads it with the report
    const page = await province.json("GET", `/api/submissions/${owedId}`);
    expect(page.body.carried.sources).toEqual([
      expect.objectContaining({ requestId: downId, submitted: 1, accepted: 1, late: 0, missing: 0 }),
    ]);
    expect(page.body.carried.differences).toEqual([
      { code: "RECEPTION_DAYS", reported: "50", gathered: "48" },
    ]);
    expect(page.body.carried.takenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("is a bad id, not a crash", async () => {
    expect((await province.json("GET", "/api/submissions/0/gathered")).status).toBe(400);
    expect((await province.json("GET", "/api/submissions/99999999/gathered")).status).toBe(404);
  });
});

describe("a report owed upward, gathered from the bodies of its own unit", () => {
  it("starts from their figures too (the Party committee asking the UBND of its commune)", async () => {
    const c: Record<string, number> = {};
    for (const b of (await admin.json("GET", "/api/units/30037/bodies")).body.items) c[b.kind] = b.id;
    const owed = await boardAsks(c.party_committee as number, "2026Q2");
    const down = await commune.json("POST", "/api/requests", {
      issuerUnitCode: "30037",
      issuerBodyId: c.party_committee,
      formId,
      period: { code: "2026Q2" },
      targetBodyIds: [c.people_committee],
      answersSubmissionId: owed.id,
      deadline: "2026-12-21",
      allowOverlap: true,
    });
    expect(down.status, JSON.stringify(down.body)).toBe(201);
    const report = (await commune.json("GET", `/api/requests/${down.body.id}`)).body.targets[0];
    const sent = await commune.json("POST", `/api/submissions/${report.id}/submit`, {
      version: report.version,
      values: { DISSEMINATION_SESSIONS: { "": "9" } },
      narrative: { I: "Ổn định." },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    await approver.json("POST", `/api/submissions/${report.id}/accept`, {
      version: sent.body.submission.version,
    });
    const g = await commune.json("GET", `/api/submissions/${owed.id}/gathered`);
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    expect(g.body.values.DISSEMINATION_SESSIONS).toEqual({ "": "9" });
    expect(g.body.narrative.I).toBe("**Ủy ban nhân dân xã Tháp Mười:** Ổn định.");
    // the requester's consolidation shows the same figure
    const cons = await commune.json("GET", `/api/requests/${down.body.id}/consolidation`);
    expect(
      cons.body.indicators.find((i: { code: string }) => i.code === "DISSEMINATION_SESSIONS").accepted.value,
    ).toBe("9");
  });
});
