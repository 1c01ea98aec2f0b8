/**
 * Bodies ask bodies: a request addressed to bodies by name, of the issuer's own unit and below it, each one
 * the issuing body may ask by the stored rules (GET/POST/PATCH /api/ask-rules), which are dated.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "../../src/domain/dates.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestClient;
let province: TestClient;
let commune: TestClient;
let thainguyen: TestClient;
let formId: number;
const bodies: Record<string, number> = {};

async function bodiesOf(unit: string) {
  const r = await admin.json("GET", `/api/units/${unit}/bodies`);
  return r.body.items as { id: number; kind: string; name: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  thainguyen = await t.login("thainguyen");
  formId = (await province.json("GET", "/api/forms")).body.items.find(
    (f: { code: string }) => f.code === "dvcq-thap-muoi",
  ).id;
  for (const b of await bodiesOf("82")) bodies[`82.${b.kind}`] = b.id;
  for (const b of await bodiesOf("30037")) bodies[`30037.${b.kind}`] = b.id;
  for (const b of await bodiesOf("19")) bodies[`19.${b.kind}`] = b.id;
});

const ask = (issuerKind: string, targets: string[], period = "2026Q3", extra: Record<string, unknown> = {}) =>
  province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    issuerBodyId: bodies[`82.${issuerKind}`],
    formId,
    period: { code: period },
    referenceNo: "24-CV/BTGDVTU",
    targetBodyIds: targets.map((k) => bodies[k]),
    allowOverlap: true,
    ...extra,
  });

describe("the rules of who asks whom", () => {
  it("ships the defaults, dated", async () => {
    const r = await province.json("GET", "/api/ask-rules");
    expect(r.status).toBe(200);
    expect(r.body.items).toContainEqual(
      expect.objectContaining({
        issuerKind: "mass_mobilization_board",
        targetKind: "people_committee",
        relation: "same",
        validFrom: "2021-07-30",
        validTo: null,
      }),
    );
  });

  it("are changed by system administrators only, with clear refusals", async () => {
    const rule = {
      issuerKind: "youth_union",
      targetKind: "women_union",
      relation: "same",
      validFrom: "2026-01-01",
    };
    expect((await province.json("POST", "/api/ask-rules", rule)).status).toBe(403);
    expect((await admin.json("POST", "/api/ask-rules", { ...rule, targetKind: "no_such_kind" })).status).toBe(
      400,
    );
    const backwards = await admin.json("POST", "/api/ask-rules", { ...rule, validTo: "2025-12-31" });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.field).toBe("validTo");
    const made = await admin.json("POST", "/api/ask-rules", rule);
    expect(made.status).toBe(201);
    expect((await admin.json("POST", "/api/ask-rules", rule)).status).toBe(409);
    const ended = await admin.json("PATCH", `/api/ask-rules/${made.body.id}`, {
      version: made.body.version,
      validTo: "2026-06-30",
    });
    expect(ended.status).toBe(200);
    expect(ended.body.validTo).toBe("2026-06-30");
    const stale = await admin.json("PATCH", `/api/ask-rules/${made.body.id}`, {
      version: made.body.version,
      validTo: "2026-07-31",
    });
    expect(stale.status).toBe(409);
    const audit = await admin.json("GET", "/api/audit?entity=ask_rule");
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["ask_rule.create", "ask_rule.end"]),
    );
  });
});

describe("a request addressed to bodies", () => {
  it("asks the State and the Front of its own unit and a body below it: each answers its own report", async () => {
    const r = await ask("propaganda_mass_mobilization_board", [
      "82.people_committee",
      "82.fatherland_front",
      "30037.people_committee",
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.expected).toBe(3);
    const detail = await province.json("GET", `/api/requests/${r.body.id}`);
    // bodies of two kinds: their reports are consolidated together, apart from every one-kind series
    expect(detail.body.targetBodyKind).toBe("mixed");
    expect(detail.body.targetLevel).toBe("commune");
    // the commune's People's Committee finds it in its inbox; the province's bodies in the province's
    const inbox = await commune.json("GET", "/api/inbox");
    expect(
      inbox.body.items
        .filter((i: { requestId: number }) => i.requestId === r.body.id)
        .map((i: { unitCode: string }) => i.unitCode),
    ).toEqual(["30037"]);
    const own = await province.json("GET", "/api/inbox");
    expect(
      own.body.items.filter(
        (i: { requestId: number; unitCode: string }) => i.requestId === r.body.id && i.unitCode === "82",
      ),
    ).toHaveLength(2);
  });

  it("is refused for a body the issuing body may not ask, naming it", async () => {
    // the People's Committee does not ask the Party committee
    const r = await ask("people_committee", ["82.party_committee"]);
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe("targetBodyIds.0");
    expect(r.body.error.message_vi).toContain("Tỉnh ủy");
  });

  it("is refused without the body that asks, for a body of another province, and for a unit not below", async () => {
    const noIssuer = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q3", {
      issuerBodyId: undefined,
    });
    expect(noIssuer.status).toBe(400);
    expect(noIssuer.body.error.details.field).toBe("issuerBodyId");
    // a body of Thái Nguyên is not the province editor's to read: refused like a missing one
    const elsewhere = await ask("propaganda_mass_mobilization_board", ["19.people_committee"]);
    const unknown = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q3", {
      targetBodyIds: [2_000_000_000],
    });
    for (const r of [elsewhere, unknown]) {
      expect(r.status).toBe(400);
      expect(r.body.error.details.field).toBe("targetBodyIds.0");
    }
    expect(elsewhere.body.error.message_vi).toBe(unknown.body.error.message_vi);
  });

  it("asks the bodies of one kind below it, by the same rules", async () => {
    const level = (issuerKind: string, targetBodyKind: string) =>
      province.json("POST", "/api/requests", {
        issuerUnitCode: "82",
        issuerBodyId: bodies[`82.${issuerKind}`],
        formId,
        period: { code: "2026Q3" },
        targetLevel: "commune",
        targetBodyKind,
        allowOverlap: true,
      });
    // the Party asks every commune's Party committee; the People's Committee does not
    const party = await level("propaganda_mass_mobilization_board", "party_committee");
    expect(party.status, JSON.stringify(party.body)).toBe(201);
    const state = await level("people_committee", "party_committee");
    expect(state.status).toBe(400);
    expect(state.body.error.details).toMatchObject({ field: "targetBodyKind", relation: "below" });
  });

  it("asks its own unit's bodies only by name: a level must be below", async () => {
    const r = await province.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId,
      period: { code: "2026Q3" },
      targetLevel: "province",
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message_vi).toContain("chọn từng cơ quan");
  });

  it("follows the rules in force: an ended rule refuses, a new one from today allows", async () => {
    const rules = (await admin.json("GET", "/api/ask-rules")).body.items as {
      id: number;
      issuerKind: string;
      targetKind: string;
      relation: string;
      version: number;
    }[];
    const rule = rules.find(
      (x) =>
        x.issuerKind === "propaganda_mass_mobilization_board" &&
        x.targetKind === "fatherland_front" &&
        x.relation === "same",
    );
    if (!rule) throw new Error("the default rule is missing");
    const yesterday = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const ended = await admin.json("PATCH", `/api/ask-rules/${rule.id}`, {
      version: rule.version,
      validTo: yesterday,
    });
    expect(ended.status).toBe(200);
    const refused = await ask("propaganda_mass_mobilization_board", ["82.fatherland_front"]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ field: "targetBodyIds.0", relation: "same" });
    const made = await admin.json("POST", "/api/ask-rules", {
      issuerKind: "propaganda_mass_mobilization_board",
      targetKind: "fatherland_front",
      relation: "same",
      validFrom: todayInVietnam(),
      source: "Thử: quy định mới",
    });
    expect(made.status).toBe(201);
    expect((await ask("propaganda_mass_mobilization_board", ["82.fatherland_front"])).status).toBe(201);
  });
});

describe("an answer opens by citing the request's công văn", () => {
  it("from the registry: its type, number, date, issuer and subject, written by the body that answers", async () => {
    const cv = await province.json("POST", "/api/registry", {
      unitCode: "82",
      direction: "outgoing",
      numberSymbol: "31-CV/BTGDVTU",
      issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
      issuedOn: "2026-07-02",
      excerpt: "V/v báo cáo công tác dân vận quý III năm 2026",
    });
    expect(cv.status, JSON.stringify(cv.body)).toBe(201);
    const r = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q3", {
      referenceNo: undefined,
      citedDocumentId: cv.body.id,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const detail = await province.json("GET", `/api/requests/${r.body.id}`);
    // the number of the cited công văn is the request's reference
    expect(detail.body.referenceNo).toBe("31-CV/BTGDVTU");
    const sub = detail.body.targets[0];
    const page = await province.json("GET", `/api/submissions/${sub.id}`);
    expect(page.status).toBe(200);
    expect(page.body.bodyName).toBe("Ủy ban nhân dân tỉnh Đồng Tháp");
    expect(page.body.openingLine).toBe(
      // both bodies of the province: the line names them without its place name, as the document does
      "Thực hiện Công văn số 31-CV/BTGDVTU ngày 02 tháng 7 năm 2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy về việc báo cáo công tác dân vận quý III năm 2026, Ủy ban nhân dân tỉnh báo cáo như sau:",
    );
  });

  it("refuses a document the issuer may not read, at its field", async () => {
    const other = await t.login("thainguyen");
    const theirs = await other.json("POST", "/api/registry", {
      unitCode: "19",
      direction: "outgoing",
      numberSymbol: "12-CV/BTGDVTU",
      issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên",
      issuedOn: "2026-07-02",
      excerpt: "V/v báo cáo",
    });
    expect(theirs.status).toBe(201);
    const r = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q3", {
      citedDocumentId: theirs.body.id,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe("citedDocumentId");
  });
});

describe("a body sees the requests it issued or is asked by, not its neighbours'", () => {
  it("by a grant for one body of the unit", async () => {
    const made = await admin.json("POST", "/api/users", {
      username: "vp.ubnd.tinh",
      displayName: "Văn phòng UBND tỉnh",
      password: "password123",
      grants: [{ role: "editor", unitCode: "82", bodyId: bodies["82.people_committee"] }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const ubnd = await t.login("vp.ubnd.tinh", "password123");
    const toUbnd = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q2");
    const toFront = await ask("propaganda_mass_mobilization_board", ["82.fatherland_front"], "2026Q2");
    expect([toUbnd.status, toFront.status]).toEqual([201, 201]);
    expect((await ubnd.json("GET", `/api/requests/${toUbnd.body.id}`)).status).toBe(200);
    // the Front's request is not the People's Committee's to read, nor listed for it
    expect((await ubnd.json("GET", `/api/requests/${toFront.body.id}`)).status).toBe(404);
    const listed = (await ubnd.json("GET", "/api/requests")).body.items.map((r: { id: number }) => r.id);
    expect(listed).not.toContain(toFront.body.id);
    // its inbox holds its own report only
    const inbox = (await ubnd.json("GET", "/api/inbox")).body.items as { requestId: number }[];
    expect(inbox.some((i) => i.requestId === toUbnd.body.id)).toBe(true);
    expect(inbox.some((i) => i.requestId === toFront.body.id)).toBe(false);
  });

  it("the body that asked reads and accepts the answers; a neighbour of its unit does neither", async () => {
    for (const [username, kind] of [
      ["vp.ban.tinh", "propaganda_mass_mobilization_board"],
      ["vp.mttq.tinh", "fatherland_front"],
    ] as const) {
      const made = await admin.json("POST", "/api/users", {
        username,
        displayName: username,
        password: "password123",
        grants: [{ role: "editor", unitCode: "82", bodyId: bodies[`82.${kind}`] }],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const board = await t.login("vp.ban.tinh", "password123");
    const front = await t.login("vp.mttq.tinh", "password123");
    const ubnd = await t.login("vp.ubnd.tinh", "password123");
    const r = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q1");
    expect(r.status).toBe(201);
    const target = (await admin.json("GET", `/api/requests/${r.body.id}`)).body.targets[0] as { id: number };
    const sent = await ubnd.json("POST", `/api/submissions/${target.id}/submit`, {
      version: 1,
      narrative: { I: "Tình hình ổn định." },
      lateReason: "Chờ số liệu của các sở",
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    // the Front, a neighbour of the same unit, neither reads nor accepts it
    expect((await front.json("GET", `/api/submissions/${target.id}`)).status).toBe(404);
    const version = sent.body.submission.version;
    expect((await front.json("POST", `/api/submissions/${target.id}/accept`, { version })).status).toBe(404);
    // the board that asked reads it, may review it, and accepts it
    const read = await board.json("GET", `/api/submissions/${target.id}`);
    expect(read.status).toBe(200);
    expect(read.body.can.review).toBe(true);
    const accepted = await board.json("POST", `/api/submissions/${target.id}/accept`, { version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.submission.status).toBe("accepted");
  });
});

describe("a request entered after it went out, on the plan it reports on", () => {
  // the old district sits under the old province (87), whose records only the system administrator keeps
  it("is issued by a body as it was that day (a district before the 2025 reform), citing the plan", async () => {
    for (const b of (await admin.json("GET", "/api/units/872/bodies?asOf=2024-01-09")).body.items as {
      id: number;
      kind: string;
    }[])
      bodies[`872.${b.kind}`] = b.id;
    const plan = await admin.json("POST", "/api/plans", { unitCode: "872", title: "Kế hoạch 53-KH/HU" });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const r = await admin.json("POST", "/api/requests", {
      issuerUnitCode: "872",
      issuerBodyId: bodies["872.mass_mobilization_board"],
      formId,
      period: { start: "2021-01-01", end: "2023-12-31" },
      issuedOn: "2024-01-09",
      deadline: "2024-01-31",
      referenceNo: "113-CV/BDVHU",
      planId: plan.body.id,
      targetBodyIds: [bodies["872.people_committee"]],
      allowOverlap: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const detail = await admin.json("GET", `/api/requests/${r.body.id}`);
    expect(detail.body).toMatchObject({
      issuedOn: "2024-01-09",
      planId: plan.body.id,
      issuerUnitCode: "872",
    });
  });

  it("is refused when dated in the future, or when its body did not exist that day", async () => {
    const future = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q3", {
      issuedOn: "2099-01-01",
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.field).toBe("issuedOn");
    // the district's board ended with the district on 30/6/2025
    const gone = await admin.json("POST", "/api/requests", {
      issuerUnitCode: "872",
      issuerBodyId: bodies["872.mass_mobilization_board"],
      formId,
      period: { start: "2021-01-01", end: "2023-12-31" },
      deadline: "2024-01-31",
      targetBodyIds: [bodies["872.people_committee"]],
      allowOverlap: true,
    });
    expect(gone.status).toBe(400);
    expect(gone.body.error.details.field).toBe("issuerUnitCode");
    expect(gone.body.error.message_vi).toContain("không tồn tại");
  });
});

/** The commune's Party committee asks its UBND, gathering for the report `owedId` it owes upward. */
const askDown = (owedId: number, extra: Record<string, unknown> = {}) =>
  commune.json("POST", "/api/requests", {
    issuerUnitCode: "30037",
    issuerBodyId: bodies["30037.party_committee"],
    formId,
    period: { code: "2026Q3" },
    targetBodyIds: [bodies["30037.people_committee"]],
    answersSubmissionId: owedId,
    allowOverlap: true,
    ...extra,
  });

describe("a request that gathers what its issuer owes upward", () => {
  it("is seen both ways, and its deadline comes before the one above", async () => {
    // the province's board asks the commune's Party committee; the committee asks the commune's UBND for it
    const up = await ask("propaganda_mass_mobilization_board", ["30037.party_committee"], "2026Q3");
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const owed = (await province.json("GET", `/api/requests/${up.body.id}`)).body.targets[0];
    const down = (deadline: string) => askDown(owed.id, { deadline });
    const late = await down(up.body.deadline);
    expect(late.status).toBe(400);
    expect(late.body.error.details.field).toBe("deadline");
    expect(late.body.error.message_vi).toContain("hạn đơn vị phải gửi báo cáo cho cấp trên");
    const ok = await down("2026-09-15");
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const detail = await commune.json("GET", `/api/requests/${ok.body.id}`);
    expect(detail.body.answers).toMatchObject({ submissionId: owed.id, requestId: up.body.id });
    const above = await commune.json("GET", `/api/submissions/${owed.id}`);
    expect(above.body.gathering.map((g: { id: number }) => g.id)).toContain(ok.body.id);
  });

  it("counts each level's deadline back from the owed report's (NĐ 09/2019 Art. 8)", async () => {
    // owed by the commune's Party committee on Wed 16/09/2026; the province's own deadline after it
    const up = await ask("propaganda_mass_mobilization_board", ["30037.party_committee"], "2026Q3");
    expect(up.body.deadline).toBe("2026-09-16");
    const owed = (await province.json("GET", `/api/requests/${up.body.id}`)).body.targets[0];
    const proposal = await commune.json(
      "GET",
      `/api/reporting/deadline?period=2026Q3&level=commune&answers=${owed.id}`,
    );
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(200);
    // the committee keeps its 2 working days, but the UBND answers at least a working day after the cut-off
    expect(proposal.body.deadline).toBe("2026-09-15");
    expect(proposal.body.levels).toEqual([
      { level: "commune", deadline: "2026-09-15" },
      ...up.body.levelDeadlines.slice(1),
    ]);
    // the same deadlines on the request issued without one, and on its page
    const made = await askDown(owed.id);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.deadline).toBe("2026-09-15");
    expect(made.body.levelDeadlines).toEqual(proposal.body.levels);
    // someone who does not fill the owed report gets no proposal from it
    const other = await thainguyen.json(
      "GET",
      `/api/reporting/deadline?period=2026Q3&level=commune&answers=${owed.id}`,
    );
    expect(other.status).toBe(400);
    expect(other.body.error.details.field).toBe("answersSubmissionId");
  });

  it("is refused when no working day is left before the owed deadline", async () => {
    // owed the first working day after the cut-off: nothing fits before it
    const up = await ask("propaganda_mass_mobilization_board", ["30037.party_committee"], "2026Q3", {
      deadline: "2026-09-15",
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const owed = (await province.json("GET", `/api/requests/${up.body.id}`)).body.targets[0];
    const r = await askDown(owed.id);
    expect(r.status).toBe(400);
    expect(r.body.error.details).toMatchObject({ field: "deadline", upperDeadline: "2026-09-15" });
    expect(r.body.error.message_vi).toContain("Không còn ngày làm việc");
  });

  it("is refused for a report its issuer does not owe", async () => {
    const other = await ask("propaganda_mass_mobilization_board", ["82.people_committee"], "2026Q3");
    const notMine = (await province.json("GET", `/api/requests/${other.body.id}`)).body.targets[0];
    const r = await commune.json("POST", "/api/requests", {
      issuerUnitCode: "30037",
      issuerBodyId: bodies["30037.party_committee"],
      formId,
      period: { code: "2026Q3" },
      targetBodyIds: [bodies["30037.people_committee"]],
      answersSubmissionId: notMine.id,
      deadline: "2026-10-05",
      allowOverlap: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe("answersSubmissionId");
  });
});
